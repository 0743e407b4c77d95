"""Who sees the programme reports: staff (all), country coordinators (their countries)."""

from django.db import migrations

from capacity_lms.people.roles import (
    COUNTRY_COORDINATORS,
    PROGRAMME_STAFF,
    grant,
    grant_permission,
    revoke_models,
)

REPORTS = ("capacity_lms", "countrycoordinator", "view_programme_reports", "Can view programme reports")


def create(apps, schema_editor):
    grant(apps, "capacity_lms", {PROGRAMME_STAFF: {"countrycoordinator": ["add", "change", "delete", "view"]}})
    grant(apps, "capacity_lms", {COUNTRY_COORDINATORS: {}})
    for group in (PROGRAMME_STAFF, COUNTRY_COORDINATORS):
        grant_permission(apps, group, *REPORTS)


def remove(apps, schema_editor):
    revoke_models(apps, "capacity_lms", ["countrycoordinator"])
    apps.get_model("auth", "Group").objects.filter(name=COUNTRY_COORDINATORS).delete()


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0012_country_coordinators_and_report_permission")]

    operations = [migrations.RunPython(create, remove)]
