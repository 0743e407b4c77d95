"""Demo attendance: a workshop held in Lyon over the last three weeks, with its rosters.

Three weekly meetings, the learner and the demo members registered; each meeting marked the
way it happens in real life: the roster, a QR check-in, someone late, someone excused, a
walk-in the trainer added on the spot. Its rates show on the people's pages and in exports.
"""

import datetime

from django.utils import timezone

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus, WalkIn
from capacity_lms.taxonomy.models import Country, StrategicAxis
from capacity_lms.workshops.models import Session, Workshop
from sandbox.testing.factories import RegistrationFactory

SLUG = "association-accounts-lyon"

# For each meeting (0, 1, 2): username -> (status code, how)
MARKS = [
    {
        "learner": ("present", "check_in"),
        "hajar": ("present", "roster"),
        "mehdi": ("late", "roster"),
        "sanae": ("present", "check_in"),
    },
    {
        "learner": ("present", "check_in"),
        "hajar": ("excused", "roster"),
        "mehdi": ("present", "roster"),
        "sanae": ("absent", "roster"),
    },
    {
        "learner": ("late", "roster"),
        "hajar": ("present", "check_in"),
        "mehdi": ("present", "roster"),
        "sanae": ("present", "roster"),
    },
]


def ensure_past_workshop(trainer, people):
    workshop = Workshop.objects.filter(slug=SLUG).first()
    if workshop is not None:
        return workshop, False
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        slug=SLUG,
        title="Tenir les comptes d'une association",
        description="<p>Trois soirées pour tenir une comptabilité simple et justifier une "
        "subvention.</p>",
        format=Workshop.Format.IN_PERSON,
        language="fr",
        venue_name="Maison des Solidarités",
        address="6 rue Bara",
        city="Lyon",
        country=Country.objects.get(code="fr"),
        capacity=20,
        status=Workshop.Status.PUBLISHED,
        strategic_axis=StrategicAxis.objects.get(code="project-engineering"),
    )
    workshop.trainers.set([trainer])
    workshop.save()
    Session.objects.create(
        workshop=workshop,
        title="Comptabilité",
        date=today - datetime.timedelta(days=21),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20, 30),
        time_zone="Europe/Paris",
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    for person in people:
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
    return workshop, True


def load_attendance(users, members):
    trainer = users["trainer"]
    people = {user.username: user for user in [users["learner"], *members[:3]]}
    workshop, created = ensure_past_workshop(trainer, people.values())
    if not created:
        return {"attendance records": AttendanceRecord.objects.count()}
    session = workshop.sessions.get()
    statuses = {status.code: status for status in AttendanceStatus.objects.all()}
    dates = session.occurrence_dates()
    for day, marks in zip(dates, MARKS, strict=True):
        for username, (code, how) in marks.items():
            MarkAttendanceAction(
                session,
                user=people[username] if how == "check_in" else trainer,
                occurrence_date=day,
                status=statuses[code],
                method=how,
                person=people[username],
                remarks="Train en retard" if code == "late" else "",
            ).execute()
    walk_in = WalkIn.objects.create(
        workshop=workshop, name="Rachid Benjelloun", email="", added_by=trainer
    )
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=dates[1],
        status=statuses["present"],
        method="roster",
        walk_in=walk_in,
    ).execute()
    return {"attendance records": AttendanceRecord.objects.count()}
