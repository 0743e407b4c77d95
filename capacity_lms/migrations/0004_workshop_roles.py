"""Rights on workshops: trainers run their own, programme staff all of them.

A trainer's rights on workshops are scoped to the workshops that name them as a trainer
(``Workshop.objects.visible_to``); ``manage_all_workshops`` lifts that scope for staff.
"""

from django.db import migrations

from capacity_lms.people.roles import (
    PROGRAMME_STAFF,
    TRAINERS,
    grant,
    grant_permission,
    revoke_models,
)

WORKSHOP_MODELS = ["workshop", "session", "occurrencechange", "registration"]
ALL_ACTIONS = ["add", "change", "delete", "view"]

ROLES = {
    PROGRAMME_STAFF: {model: ALL_ACTIONS for model in WORKSHOP_MODELS},
    TRAINERS: {
        "workshop": ["add", "change", "view"],
        "session": ALL_ACTIONS,
        "occurrencechange": ALL_ACTIONS,
        "registration": ["view"],
    },
}


def create_roles(apps, schema_editor):
    grant(apps, "capacity_lms", ROLES)
    grant_permission(
        apps,
        PROGRAMME_STAFF,
        "capacity_lms",
        "workshop",
        "manage_all_workshops",
        "Can manage every trainer's workshops",
    )


def remove_roles(apps, schema_editor):
    revoke_models(apps, "capacity_lms", WORKSHOP_MODELS)


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0003_workshops_sessions_registrations_calendars")]

    operations = [migrations.RunPython(create_roles, remove_roles)]
