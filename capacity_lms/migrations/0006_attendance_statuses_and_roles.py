"""The programme's attendance statuses (editable data) and the roles' rights on attendance."""

from decimal import Decimal

from django.db import migrations

from capacity_lms.people.roles import PROGRAMME_STAFF, TRAINERS, grant, revoke_models

# code, English, French, Arabic, weight, counts in the rate, used by check-in
STATUSES = [
    ("present", "Present", "Présent", "حاضر", Decimal("1"), True, True),
    ("late", "Late", "En retard", "متأخر", Decimal("0.75"), True, False),
    ("excused", "Excused", "Excusé", "غياب بعذر", Decimal("0"), False, False),
    ("absent", "Absent", "Absent", "غائب", Decimal("0"), True, False),
]

ATTENDANCE_MODELS = ["attendancerecord", "attendancechange", "attendancestatus", "walkin"]
ALL_ACTIONS = ["add", "change", "delete", "view"]

ROLES = {
    PROGRAMME_STAFF: {model: ALL_ACTIONS for model in ATTENDANCE_MODELS},
    TRAINERS: {
        "attendancerecord": ["add", "change", "view"],
        "attendancechange": ["view"],
        "attendancestatus": ["view"],
        "walkin": ["add", "change", "view"],
    },
}


def create(apps, schema_editor):
    AttendanceStatus = apps.get_model("capacity_lms", "AttendanceStatus")
    for order, (code, en, fr, ar, weight, counts, check_in) in enumerate(STATUSES):
        AttendanceStatus.objects.get_or_create(
            code=code,
            defaults={
                "name_en": en,
                "name_fr": fr,
                "name_ar": ar,
                "weight": weight,
                "counts_in_rate": counts,
                "is_default_present": check_in,
                "sort_order": order,
            },
        )
    grant(apps, "capacity_lms", ROLES)


def remove(apps, schema_editor):
    revoke_models(apps, "capacity_lms", ATTENDANCE_MODELS)


class Migration(migrations.Migration):
    dependencies = [("capacity_lms", "0005_attendance_records_statuses_walk_ins")]

    operations = [migrations.RunPython(create, remove)]
