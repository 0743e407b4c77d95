"""The programme's roles as Wagtail groups: Trainers, Editors, Programme staff.

Editors already exist (Wagtail creates them); this adds what each role needs on our models.
Permissions are created here rather than waiting for post_migrate, so the groups are complete
as soon as this migration has run. Later migrations extend the same mapping for later models.
"""

from django.db import migrations

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

TAXONOMY = ["country", "specializedgroup", "strategicaxis"]
PEOPLE = ["association", "membership", "learnerprofile"]
ALL_ACTIONS = ["add", "change", "delete", "view"]

ROLES = {
    # Programme staff manage the programme's data: the vocabulary, associations and people.
    "Programme staff": {model: ALL_ACTIONS for model in TAXONOMY + PEOPLE},
    # Trainers read who is who, to run their workshops and rosters.
    "Trainers": {model: ["view"] for model in TAXONOMY + PEOPLE},
    # Editors tag content with the vocabulary and name associations in case studies.
    "Editors": {**{model: ["view"] for model in TAXONOMY}, "association": ["view"]},
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    access_admin = _permission(apps, *ACCESS_ADMIN)
    for group_name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for model, actions in grants.items():
            verbose = apps.get_model("capacity_lms", model)._meta.verbose_name
            for action in actions:
                group.permissions.add(
                    _permission(
                        apps,
                        "capacity_lms",
                        model,
                        f"{action}_{model}",
                        f"Can {action} {verbose}",
                    )
                )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="capacity_lms")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*ours)
    Group.objects.filter(name__in=["Programme staff", "Trainers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("capacity_lms", "0001_programme_taxonomy_and_people"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
