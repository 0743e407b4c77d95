"""Programme staff may export and erase a person's data."""

from django.db import migrations

from capacity_lms.people.roles import PROGRAMME_STAFF, grant_permission

MANAGE = (
    "capacity_lms",
    "personaldatarequest",
    "manage_personal_data",
    "Can export and erase a person's data",
)


def create(apps, schema_editor):
    grant_permission(apps, PROGRAMME_STAFF, *MANAGE)


def remove(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=PROGRAMME_STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="capacity_lms", codename="manage_personal_data"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0014_personal_data_requests")]

    operations = [migrations.RunPython(create, remove)]
