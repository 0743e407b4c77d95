"""Who reads and writes evaluation data: editors and programme staff write the questionnaires;
programme staff read every self-assessment, reaction, learning gain and follow-up (the
``view_*`` permissions the evaluation's pages check). The capacity areas are vocabulary: staff
keep them, trainers and editors read them (as 0002 grants the other vocabulary)."""

from django.db import migrations

from capacity_lms.people.roles import EDITORS, PROGRAMME_STAFF, TRAINERS, grant, revoke_models

ROLES = {
    PROGRAMME_STAFF: {
        "questionnaire": ["add", "change", "view"],
        "selfassessment": ["view"],
        "reaction": ["view"],
        "learninggain": ["view"],
        "followup": ["view"],
        "capacityarea": ["add", "change", "delete", "view"],
    },
    TRAINERS: {"capacityarea": ["view"]},
    EDITORS: {"questionnaire": ["add", "change", "view"], "capacityarea": ["view"]},
}


def create(apps, schema_editor):
    grant(apps, "capacity_lms", ROLES)


def remove(apps, schema_editor):
    revoke_models(
        apps,
        "capacity_lms",
        [
            "questionnaire",
            "selfassessment",
            "reaction",
            "learninggain",
            "followup",
            "capacityarea",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0036_evaluation_and_capacity_areas")]

    operations = [migrations.RunPython(create, remove)]
