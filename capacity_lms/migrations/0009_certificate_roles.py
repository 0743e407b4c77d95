"""Programme staff issue, revoke and reissue certificates and set their rules."""

from django.db import migrations

from capacity_lms.people.roles import PROGRAMME_STAFF, grant, grant_permission, revoke_models

CERTIFICATE_MODELS = ["certificate", "certificateevent", "certificaterule", "certificatesettings"]

ROLES = {
    PROGRAMME_STAFF: {
        "certificate": ["view"],
        "certificateevent": ["view"],
        "certificaterule": ["add", "change", "delete", "view"],
        "certificatesettings": ["change"],
    },
}


def create(apps, schema_editor):
    grant(apps, "capacity_lms", ROLES)
    grant_permission(
        apps,
        PROGRAMME_STAFF,
        "capacity_lms",
        "certificate",
        "issue_certificate",
        "Can issue, revoke and reissue certificates",
    )


def remove(apps, schema_editor):
    revoke_models(apps, "capacity_lms", CERTIFICATE_MODELS)


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0008_certificates")]

    operations = [migrations.RunPython(create, remove)]
