"""Demo workshops: several countries and time zones, a series with a cancelled and a moved
occurrence, a full workshop with a waiting list, one in Casablanca during Ramadan, a draft and
a cancelled one, and two trainers who each see only their own in the admin.

Dates are relative to the day the data is loaded, so the demo always shows upcoming
workshops; the Ramadan workshop is placed inside the next period when Morocco sets its clocks
to UTC+0, found in the IANA database rather than written down.
"""

import datetime
import itertools
import zoneinfo

from django.contrib.auth.models import Group
from django.utils import timezone

from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops.models import OccurrenceChange, Registration, Session, Workshop
from capacity_lms.workshops.timezones import transitions
from courses.models import CoursePage
from sandbox.testing.factories import (
    DEMO_PASSWORD,
    LearnerProfileFactory,
    RegistrationFactory,
    UserFactory,
)

# Members who fill the full workshop and its waiting list (they sign in like the others).
DEMO_MEMBERS = [
    ("hajar", "Hajar", "Bennis", "it", "Europe/Rome"),
    ("mehdi", "Mehdi", "Skalli", "it", "Europe/Rome"),
    ("sanae", "Sanae", "Idrissi", "it", "Europe/Rome"),
    ("anas", "Anas", "Berrada", "es", "Europe/Madrid"),
    ("imane", "Imane", "Chami", "be", "Europe/Brussels"),
]


def next_ramadan_hour(today):
    """(first, last) dates of the next period in which Africa/Casablanca runs at UTC+0
    (Morocco's Ramadan hour), at least a week from ``today``."""
    casablanca = zoneinfo.ZoneInfo("Africa/Casablanca")
    start = datetime.datetime.combine(today, datetime.time(), datetime.UTC)
    changes = transitions(casablanca, start, start + datetime.timedelta(days=800))
    for begins, ends in itertools.pairwise(changes):
        if begins.astimezone(casablanca).utcoffset() == datetime.timedelta(0):
            first = begins.astimezone(casablanca).date() + datetime.timedelta(days=1)
            if first >= today + datetime.timedelta(days=7):
                return first, ends.astimezone(casablanca).date() - datetime.timedelta(days=1)
    return today + datetime.timedelta(days=30), today + datetime.timedelta(days=50)


def ensure_members():
    members = []
    for username, first, last, country, zone in DEMO_MEMBERS:
        user = UserFactory(
            username=username,
            email=f"{username}@capacity-demo.example",
            first_name=first,
            last_name=last,
            password=DEMO_PASSWORD,
        )
        LearnerProfileFactory(
            user=user,
            country_of_residence=Country.objects.get(code=country),
            preferred_language="fr",
            time_zone=zone,
        )
        members.append(user)
    return members


def ensure_second_trainer():
    trainer = UserFactory(
        username="trainer2",
        email="trainer2@capacity-demo.example",
        first_name="Driss",
        last_name="Alami",
        password=DEMO_PASSWORD,
    )
    trainer.groups.add(Group.objects.get(name="Trainers"))
    return trainer


def demo_workshops(today, users, trainer2):
    """(workshop fields, trainers, sessions, occurrence changes) of each demo workshop."""
    trainer = users["trainer"]
    ramadan_first, ramadan_last = next_ramadan_hour(today)
    ramadan_day = min(ramadan_first + datetime.timedelta(days=10), ramadan_last)
    in_days = lambda days: today + datetime.timedelta(days=days)  # noqa: E731
    return [
        (
            {
                "slug": "project-engineering-paris",
                "title": "Ingénierie de projet associatif : du diagnostic au budget",
                "description": "<p>Trois soirées pour passer d'une idée à un projet finançable "
                ": diagnostic, cadre logique, budget.</p>",
                "format": Workshop.Format.HYBRID,
                "language": "fr",
                "venue_name": "Maison des associations du 14e",
                "address": "22 rue Deparcieux",
                "city": "Paris",
                "country": "fr",
                "online_url": "https://meet.example.org/capacity-paris",
                "online_instructions": "Code d'accès : 4821",
                "capacity": 25,
                "axis": "project-engineering",
                "groups": ["young-people", "women"],
                "course": "project-engineering-foundations",
            },
            [trainer],
            [
                {"title": "Diagnostic", "date": in_days(10), "start": (18, 30), "end": (21, 0)},
                {"title": "Cadre logique", "date": in_days(17), "start": (18, 30), "end": (21, 0)},
                {"title": "Budget", "date": in_days(24), "start": (18, 30), "end": (21, 0)},
            ],
            [],
        ),
        (
            {
                "slug": "grant-applications-online-series",
                "title": "Preparing a grant application: weekly online clinic",
                "description": "<p>Six weekly online sessions from Montréal: bring your "
                "draft, leave with a stronger application.</p>",
                "format": Workshop.Format.ONLINE,
                "language": "en",
                "country": "ca",
                "online_url": "https://meet.example.org/grant-clinic",
                "capacity": 40,
                "axis": "project-engineering",
                "groups": ["people-in-difficulty"],
            },
            [trainer],
            [
                {
                    "title": "Clinic",
                    "date": in_days(5),
                    "start": (12, 0),
                    "end": (13, 30),
                    "recurrence": "FREQ=WEEKLY;COUNT=6",
                },
            ],
            # The third occurrence is cancelled, the fifth moved a day later.
            [
                {"week": 2, "status": OccurrenceChange.Status.CANCELLED},
                {"week": 4, "status": OccurrenceChange.Status.MOVED, "shift": 1},
            ],
        ),
        (
            {
                "slug": "ramadan-evening-casablanca",
                "title": "ورشة مسائية في الدار البيضاء: تمويل مشاريع الجمعيات",
                "description": "<p>لقاء بعد الإفطار حول تمويل المشاريع الجمعوية خلال شهر "
                "رمضان.</p>",
                "format": Workshop.Format.IN_PERSON,
                "language": "ar",
                "venue_name": "دار الشباب الحي المحمدي",
                "address": "شارع علال الفاسي",
                "city": "الدار البيضاء",
                "country": "ma",
                "capacity": 30,
                "axis": "solidarity-development",
                "groups": ["young-people"],
            },
            [trainer],
            [{"date": ramadan_day, "start": (21, 30), "end": (23, 0)}],
            [],
        ),
        (
            {
                "slug": "women-leadership-turin",
                "title": "Leadership delle donne nelle associazioni",
                "description": "<p>Un pomeriggio di lavoro con le responsabili di "
                "associazione.</p>",
                "format": Workshop.Format.IN_PERSON,
                "language": "fr",
                "venue_name": "Casa del Quartiere",
                "address": "Via Morgari 14",
                "city": "Torino",
                "country": "it",
                "capacity": 3,
                "axis": "women-conditions",
                "groups": ["women"],
            },
            [trainer2],
            [{"date": in_days(12), "start": (15, 0), "end": (18, 0)}],
            [],
        ),
        (
            {
                "slug": "school-support-dubai",
                "title": "Soutien scolaire : organiser un programme associatif",
                "description": "<p>Hybride, depuis Dubaï, pour les associations du Golfe.</p>",
                "format": Workshop.Format.HYBRID,
                "language": "fr",
                "venue_name": "Community Hall",
                "address": "Al Wasl Road",
                "city": "Dubai",
                "country": "ae",
                "online_url": "https://meet.example.org/school-support-gulf",
                "capacity": 20,
                "axis": "school-support",
                "groups": ["children"],
            },
            [trainer],
            [{"date": in_days(20), "start": (19, 0), "end": (21, 0)}],
            [],
        ),
        (
            {
                "slug": "cultural-link-brussels-draft",
                "title": "Lien culturel : préparer une exposition (brouillon)",
                "description": "<p>En préparation.</p>",
                "format": Workshop.Format.IN_PERSON,
                "status": Workshop.Status.DRAFT,
                "language": "fr",
                "venue_name": "Maison de la Culture Marocaine",
                "city": "Bruxelles",
                "country": "be",
                "capacity": 15,
                "axis": "cultural-link",
                "groups": [],
            },
            [trainer2],
            [{"date": in_days(40), "start": (10, 0), "end": (16, 0)}],
            [],
        ),
        (
            {
                "slug": "volunteers-madrid-cancelled",
                "title": "Gestión de voluntarios (cancelado)",
                "description": "<p>Este taller se ha cancelado; se propondrá otra fecha.</p>",
                "format": Workshop.Format.IN_PERSON,
                "status": Workshop.Status.CANCELLED,
                "language": "fr",
                "venue_name": "Centro Cultural",
                "city": "Madrid",
                "country": "es",
                "capacity": 20,
                "axis": "youth-and-precarious",
                "groups": ["young-people"],
            },
            [trainer],
            [{"date": in_days(15), "start": (17, 0), "end": (19, 0)}],
            [],
        ),
    ]


def ensure_workshop(fields, trainers, sessions, changes):
    fields = dict(fields)
    workshop = Workshop.objects.filter(slug=fields["slug"]).first()
    if workshop is not None:
        return workshop
    country = Country.objects.get(code=fields.pop("country"))
    axis = StrategicAxis.objects.get(code=fields.pop("axis"))
    groups = SpecializedGroup.objects.by_code(*fields.pop("groups"))
    course_slug = fields.pop("course", None)
    course = CoursePage.objects.filter(slug=course_slug, locale__language_code="fr").first()
    fields.setdefault("status", Workshop.Status.PUBLISHED)
    workshop = Workshop.objects.create(
        country=country, strategic_axis=axis, course=course, **fields
    )
    # Parental many-to-many fields are written when the workshop is saved.
    workshop.trainers.set(trainers)
    workshop.specialized_groups.set(groups)
    workshop.save()
    for values in sessions:
        session = Session.objects.create(
            workshop=workshop,
            title=values.get("title", ""),
            date=values["date"],
            start_time=datetime.time(*values["start"]),
            end_time=datetime.time(*values["end"]),
            time_zone=country.default_time_zone,
            recurrence=values.get("recurrence", ""),
        )
        dates = session.occurrence_dates()
        for change in changes:
            original = dates[change["week"]]
            moved = change["status"] == OccurrenceChange.Status.MOVED
            OccurrenceChange.objects.create(
                session=session,
                original_date=original,
                status=change["status"],
                date=original + datetime.timedelta(days=change.get("shift", 0)) if moved else None,
                start_time=session.start_time if moved else None,
                end_time=session.end_time if moved else None,
            )
    return workshop


def ensure_registrations(workshops, users, members):
    """The learner holds a seat in Paris and waits in Turin; Turin is full."""
    now = timezone.now()
    learner = users["learner"]
    paris, turin = workshops["project-engineering-paris"], workshops["women-leadership-turin"]
    confirmed = Registration.Status.CONFIRMED
    RegistrationFactory(workshop=paris, user=learner, status=confirmed, confirmed_at=now)
    for number, member in enumerate(members[:3]):
        RegistrationFactory(
            workshop=turin,
            user=member,
            status=confirmed,
            queued_at=now - datetime.timedelta(days=10 - number),
            confirmed_at=now - datetime.timedelta(days=10 - number),
        )
        RegistrationFactory(workshop=paris, user=member, status=confirmed, confirmed_at=now)
    for number, member in enumerate([members[3], learner, members[4]]):
        RegistrationFactory(
            workshop=turin,
            user=member,
            status=Registration.Status.WAITING,
            queued_at=now - datetime.timedelta(days=5 - number),
        )


def load_workshops(users):
    today = timezone.localdate()
    trainer2 = ensure_second_trainer()
    members = ensure_members()
    workshops = {
        fields["slug"]: ensure_workshop(fields, trainers, sessions, changes)
        for fields, trainers, sessions, changes in demo_workshops(today, users, trainer2)
    }
    ensure_registrations(workshops, users, members)
    return {
        "workshops": Workshop.objects.count(),
        "sessions": Session.objects.count(),
        "registrations": Registration.objects.count(),
    }
