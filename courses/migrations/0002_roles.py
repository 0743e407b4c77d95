"""Rights of the programme's roles on learner state (read-only: learners make the facts)."""

from django.db import migrations

from capacity_lms.people.roles import PROGRAMME_STAFF, TRAINERS, grant, revoke

LEARNER_STATE = ["enrolment", "lessoncompletion", "quizattempt"]

ROLES = {
    PROGRAMME_STAFF: {model: ["view"] for model in LEARNER_STATE},
    TRAINERS: {model: ["view"] for model in LEARNER_STATE},
}


def create_roles(apps, schema_editor):
    grant(apps, "capacity_courses", ROLES)


def remove_roles(apps, schema_editor):
    revoke(apps, "capacity_courses", ROLES)


class Migration(migrations.Migration):
    dependencies = [
        ("capacity_courses", "0001_catalogue_courses_lessons_and_learner_state"),
        ("capacity_lms", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
