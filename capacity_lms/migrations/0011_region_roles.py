"""The roles' rights on Morocco's regions (the vocabulary of case studies)."""

from django.db import migrations

from capacity_lms.people.roles import EDITORS, PROGRAMME_STAFF, TRAINERS, grant, revoke_models

ROLES = {
    PROGRAMME_STAFF: {"region": ["add", "change", "delete", "view"]},
    TRAINERS: {"region": ["view"]},
    EDITORS: {"region": ["view"]},
}


def create(apps, schema_editor):
    grant(apps, "capacity_lms", ROLES)


def remove(apps, schema_editor):
    revoke_models(apps, "capacity_lms", ["region"])


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0010_library_case_studies_regions")]

    operations = [migrations.RunPython(create, remove)]
