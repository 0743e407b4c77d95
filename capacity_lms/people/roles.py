"""The programme's roles are Wagtail groups; migrations grant each its permissions with these.

Used from data migrations with the historical ``apps``: permissions are created here when
missing rather than waiting for post_migrate, so a group is complete as soon as its migration
has run.
"""

PROGRAMME_STAFF = "Programme staff"
TRAINERS = "Trainers"
EDITORS = "Editors"
COUNTRY_COORDINATORS = "Country coordinators"
# Calls for projects: the eligibility committee's members (named per call) and the auditors,
# who read a call's history and change nothing.
COMMITTEE_MEMBERS = "Committee members"
AUDITORS = "Auditors"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")


def trainer_choices():
    """Who may be named a trainer of a workshop or a module (live models, not for migrations):
    the Trainers and Programme staff groups' members, and superusers."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=[TRAINERS, PROGRAMME_STAFF]) | Q(is_superuser=True))
        .distinct()
    )


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, app_label, roles):
    """Give each group in ``roles`` ({group: {model: [actions]}}) admin access and those rights."""
    Group = apps.get_model("auth", "Group")
    access_admin = _permission(apps, *ACCESS_ADMIN)
    for group_name, grants in roles.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for model, actions in grants.items():
            verbose = apps.get_model(app_label, model)._meta.verbose_name
            for action in actions:
                codename = f"{action}_{model}"
                group.permissions.add(
                    _permission(apps, app_label, model, codename, f"Can {action} {verbose}")
                )


def revoke(apps, app_label, roles):
    """Undo :func:`grant` for ``app_label``'s permissions (the groups themselves stay)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label=app_label)
    for group in Group.objects.filter(name__in=roles):
        group.permissions.remove(*ours)


def grant_permission(apps, group_name, app_label, model, codename, name):
    """Give one named permission (such as a model's custom ``Meta.permissions`` entry)."""
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    group.permissions.add(_permission(apps, app_label, model, codename, name))


def revoke_models(apps, app_label, models):
    """Take back from every group the permissions on ``models`` of ``app_label``."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, content_type__model__in=models
    )
    for group in Group.objects.filter(permissions__in=permissions).distinct():
        group.permissions.remove(*permissions)
