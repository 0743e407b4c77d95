"""Moderation of the network: a relayed message staff withhold after a report of abuse, and
programme staff's rights to read and moderate offers and needs, messages and reports."""

from django.db import migrations, models

from capacity_lms.people.roles import PROGRAMME_STAFF, grant, revoke_models

MODELS = ["offerorneed", "relayedmessage", "abusereport"]
ROLES = {PROGRAMME_STAFF: {model: ["change", "view"] for model in MODELS}}


def create(apps, schema_editor):
    grant(apps, "capacity_lms", ROLES)


def remove(apps, schema_editor):
    revoke_models(apps, "capacity_lms", MODELS)


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0020_directory_page")]

    operations = [
        migrations.AddField(
            model_name="relayedmessage",
            name="withheld",
            field=models.BooleanField(
                default=False,
                help_text="Staff upheld a report of abuse: its recipients no longer see it.",
                verbose_name="withheld by moderation",
            ),
        ),
        migrations.RunPython(create, remove),
    ]
