"""Auditors read a call's history in the Wagtail admin (calls/history_admin.py): their group
gets admin access, besides the history permission it has had since 0023. They change nothing."""

from django.db import migrations

from capacity_lms.people.roles import ACCESS_ADMIN, AUDITORS, grant


def enter(apps, schema_editor):
    grant(apps, "capacity_lms", {AUDITORS: {}})


def leave(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, model, codename, _name = ACCESS_ADMIN
    access = Permission.objects.filter(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    )
    for group in Group.objects.filter(name=AUDITORS):
        group.permissions.remove(*access)


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0028_decision_reason_language")]

    operations = [migrations.RunPython(enter, leave)]
