"""Load a large, realistic data set for the report benchmarks: ``manage.py seed_report_data``.

People with profiles (country, one or two specialized groups) and a membership each, workshops
in every country on every axis, a meeting per session, every registrant marked at every meeting.
``--records`` sets how many attendance records (default 1,000,000: 1,000 workshops of 10
meetings and 100 people). On PostgreSQL the rows go in with ``COPY``; elsewhere with
``bulk_create`` in batches. Meant for an empty benchmark database, never a real one: it refuses
to run where workshops already exist, unless ``--force``.
"""

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops.models import Registration, Session, Workshop

MEETINGS = 10
PEOPLE_PER_WORKSHOP = 100
BATCH = 20_000


def copy_rows(model, columns, rows):
    """Insert ``rows`` (tuples for ``columns``) into ``model``'s table: COPY on PostgreSQL."""
    table = model._meta.db_table
    if connection.vendor == "postgresql":
        names = ", ".join(connection.ops.quote_name(name) for name in columns)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(
                f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    fields = [model._meta.get_field(name.removesuffix("_id")) for name in columns]
    batch = []
    for row in rows:
        batch.append(
            model(**{field.attname: value for field, value in zip(fields, row, strict=True)})
        )
        if len(batch) >= BATCH:
            model.objects.bulk_create(batch)
            batch = []
    model.objects.bulk_create(batch)


class Command(BaseCommand):
    help = "Load a large benchmark data set for the programme reports (empty databases only)."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--force", action="store_true")

    def handle(self, records, seed, force, **options):
        if Workshop.objects.exists() and not force:
            raise CommandError("Workshops exist already: this command is for an empty database.")
        if records < MEETINGS * PEOPLE_PER_WORKSHOP:
            raise CommandError(f"--records must be at least {MEETINGS * PEOPLE_PER_WORKSHOP}.")
        started = time.perf_counter()
        rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, no secret  # nosec B311
        with transaction.atomic():
            self.load(records, rng)
        self.stdout.write(
            f"{AttendanceRecord.objects.count()} attendance records in "
            f"{time.perf_counter() - started:.0f} s."
        )

    def load(self, records, rng):
        load_standard_taxonomy()
        countries = list(Country.objects.all())
        groups = list(SpecializedGroup.objects.all())
        axes = list(StrategicAxis.objects.all())
        statuses = list(AttendanceStatus.objects.all())
        workshops_count = records // (MEETINGS * PEOPLE_PER_WORKSHOP)
        people_count = max(PEOPLE_PER_WORKSHOP * 2, workshops_count * 20)
        User = get_user_model()
        first = User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # The ORM, not COPY, for people: the host's user model may have fields of its own.
        User.objects.bulk_create(
            (
                User(username=f"bench{first + n}", first_name="Bench", last_name=f"Person {n}")
                for n in range(people_count)
            ),
            batch_size=5000,
        )
        people = list(
            User.objects.filter(pk__gt=first).order_by("pk").values_list("pk", flat=True)
        )
        associations = Association.objects.bulk_create(
            Association(name=f"Association {n}", host_country=rng.choice(countries), city="City")
            for n in range(200)
        )
        profile_country = {person: rng.choice(countries).pk for person in people}
        copy_rows(
            LearnerProfile,
            [
                "user_id",
                "country_of_residence_id",
                "preferred_language",
                "time_zone",
                "name_in_arabic",
            ],
            ((person, profile_country[person], "", "", "") for person in people),
        )
        profiles = dict(
            LearnerProfile.objects.filter(user_id__in=people).values_list("user_id", "pk")
        )
        through = LearnerProfile.specialized_groups.through
        copy_rows(
            through,
            ["learnerprofile_id", "specializedgroup_id"],
            (
                (profiles[person], group.pk)
                for person in people
                for group in rng.sample(groups, rng.randint(1, 2))
            ),
        )
        copy_rows(
            Membership,
            ["user_id", "association_id", "role"],
            ((person, rng.choice(associations).pk, "member") for person in people),
        )
        workshops = Workshop.objects.bulk_create(
            Workshop(
                title=f"Benchmark workshop {n}",
                slug=f"benchmark-{n}",
                country=countries[n % len(countries)],
                strategic_axis=axes[n % len(axes)],
                status=Workshop.Status.PUBLISHED,
                format="in_person",
            )
            for n in range(workshops_count)
        )
        day = datetime.date(2025, 1, 6)
        sessions = []
        for number, workshop in enumerate(workshops):
            for meeting in range(MEETINGS):
                session = Session(
                    workshop=workshop,
                    date=day + datetime.timedelta(days=(number + meeting * 7) % 700),
                    start_time=datetime.time(18),
                    end_time=datetime.time(20),
                    time_zone=workshop.country.default_time_zone,
                )
                session.compute_instants()
                sessions.append(session)
        Session.objects.bulk_create(sessions, batch_size=BATCH)
        by_workshop = {}
        for session in Session.objects.filter(workshop__in=workshops).values_list(
            "pk", "workshop_id", "date"
        ):
            by_workshop.setdefault(session[1], []).append(session)
        attendees = {
            workshop.pk: rng.sample(people, PEOPLE_PER_WORKSHOP) for workshop in workshops
        }
        now = timezone.now()
        copy_rows(
            Registration,
            ["workshop_id", "user_id", "status", "queued_at", "confirmed_at", "updated_at"],
            (
                (workshop, person, "confirmed", now, now, now)
                for workshop, persons in attendees.items()
                for person in persons
            ),
        )
        weights = [0.7, 0.1, 0.05, 0.15]  # present, late, excused, absent
        copy_rows(
            AttendanceRecord,
            [
                "session_id",
                "occurrence_date",
                "user_id",
                "status_id",
                "method",
                "remarks",
                "marked_at",
            ],
            (
                (session, date, person, rng.choices(statuses, weights)[0].pk, "roster", "", now)
                for workshop, persons in attendees.items()
                for session, _workshop, date in by_workshop[workshop]
                for person in persons
            ),
        )
