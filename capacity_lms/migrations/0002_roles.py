"""The programme's roles as Wagtail groups: Trainers, Editors, Programme staff.

Editors already exist (Wagtail creates them); this adds what each role needs on our models.
Later migrations (here and in capacity_courses) grant the rights on later models.
"""

from django.db import migrations

from capacity_lms.people.roles import EDITORS, PROGRAMME_STAFF, TRAINERS, grant, revoke

TAXONOMY = ["country", "specializedgroup", "strategicaxis"]
PEOPLE = ["association", "membership", "learnerprofile"]
ALL_ACTIONS = ["add", "change", "delete", "view"]

ROLES = {
    # Programme staff manage the programme's data: the vocabulary, associations and people.
    PROGRAMME_STAFF: {model: ALL_ACTIONS for model in TAXONOMY + PEOPLE},
    # Trainers read who is who, to run their workshops and rosters.
    TRAINERS: {model: ["view"] for model in TAXONOMY + PEOPLE},
    # Editors tag content with the vocabulary and name associations in case studies.
    EDITORS: {**{model: ["view"] for model in TAXONOMY}, "association": ["view"]},
}


def create_roles(apps, schema_editor):
    grant(apps, "capacity_lms", ROLES)


def remove_roles(apps, schema_editor):
    revoke(apps, "capacity_lms", ROLES)
    apps.get_model("auth", "Group").objects.filter(name__in=[PROGRAMME_STAFF, TRAINERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("capacity_lms", "0001_programme_taxonomy_and_people"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
