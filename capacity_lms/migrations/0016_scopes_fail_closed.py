"""Sight of every country's data comes from one explicit permission, which programme staff get;
and the history of our models is read through the viewer's scopes (a proxy of Wagtail's
ModelLogEntry, capacity_lms/core/history.py: no table of its own).

Until now a member of the country coordinators' group with no coordinator entry saw every
country; scopes now fail closed (capacity_lms/core/scopes.py) and this permission is the only
way, besides being a superuser, to see them all.
"""

from django.db import migrations

from capacity_lms.people.roles import PROGRAMME_STAFF, grant_permission

ALL_COUNTRIES = (
    "capacity_lms",
    "country",
    "view_all_countries",
    "Can see the data of every country",
)


def create(apps, schema_editor):
    grant_permission(apps, PROGRAMME_STAFF, *ALL_COUNTRIES)


def remove(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=PROGRAMME_STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="capacity_lms", codename="view_all_countries"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("capacity_lms", "0015_personal_data_role"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="country",
            options={
                "ordering": ["sort_order", "name_en"],
                "permissions": [("view_all_countries", "Can see the data of every country")],
                "verbose_name": "country",
                "verbose_name_plural": "countries",
            },
        ),
        migrations.RunPython(create, remove),
        migrations.CreateModel(
            name="ScopedLogEntry",
            fields=[],
            options={
                "ordering": ["-timestamp", "-id"],
                "proxy": True,
                "default_permissions": (),
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.modellogentry",),
        ),
    ]
