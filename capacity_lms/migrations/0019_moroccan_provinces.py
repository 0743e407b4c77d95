"""A possible duplicate flagged at registration; Morocco's 75 provinces and prefectures under the twelve regions already loaded, and the
roles' rights on provinces and on the association records staff review (profile changes,
join requests, verification history, documents)."""

import django.db.models.deletion
from django.db import migrations, models

from capacity_lms.people.roles import EDITORS, PROGRAMME_STAFF, TRAINERS, grant, revoke_models
from capacity_lms.taxonomy.loading import load_provinces

ROLES = {
    PROGRAMME_STAFF: {
        "province": ["add", "change", "delete", "view"],
        "profilechange": ["change", "view"],
        "membershiprequest": ["view"],
        "verificationevent": ["view"],
        "associationdocument": ["view"],
    },
    TRAINERS: {"province": ["view"]},
    EDITORS: {"province": ["view"]},
}
MODELS = ["province", "profilechange", "membershiprequest", "verificationevent"]


def create(apps, schema_editor):
    load_provinces(apps.get_model("capacity_lms", "Region"), apps.get_model("capacity_lms", "Province"))
    grant(apps, "capacity_lms", ROLES)


def remove(apps, schema_editor):
    revoke_models(apps, "capacity_lms", [*MODELS, "associationdocument"])
    apps.get_model("capacity_lms", "Province").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0018_association_directory_network")]

    operations = [
        migrations.AddField(
            model_name="association",
            name="possible_duplicate_of",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Set at registration when the name is nearly the same as another "
                    "association's in the same city: staff check it and merge the two if they "
                    "are one."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="possible_duplicates",
                to="capacity_lms.association",
                verbose_name="possible duplicate of",
            ),
        ),
        migrations.RunPython(create, remove),
    ]
