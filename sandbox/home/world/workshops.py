"""The generated world's workshops: forty in eight host countries, at the local hour in each
country's time zone, spread over the eighteen months (a few still to come), on every strategic
axis. Members of the associations of the country register in the weeks before (some workshops
fill up and keep a waiting list; a few people cancel, and the first waiting takes the seat),
and the trainer marks attendance at every past meeting: mostly present, some late, absent or
excused.

Registrations, cancellations and marks go through ``RegisterAction``,
``CancelRegistrationAction`` and ``MarkAttendanceAction`` under ``clock.at`` the moment each
happened. The demo "trainer" runs a term of them, past and upcoming.
"""

import datetime

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceStatus
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops.actions import CancelRegistrationAction, RegisterAction
from capacity_lms.workshops.models import Registration, Session, Workshop

SLUG_PREFIX = "world-"
COUNT = 40
UPCOMING = 7  # of the forty, the last ones are still to come
COUNTRIES = ["fr", "be", "nl", "es", "it", "de", "ca", "gb"]

# axis: {language: title}
TITLES = {
    "project-engineering": {
        "fr": "Monter un projet associatif finançable",
        "en": "Designing a project funders will support",
        "ar": "إعداد مشروع جمعوي قابل للتمويل",
    },
    "school-support": {
        "fr": "Organiser le soutien scolaire",
        "en": "Running a homework club",
        "ar": "تنظيم الدعم المدرسي",
    },
    "youth-and-precarious": {
        "fr": "Accompagner les jeunes en difficulté",
        "en": "Mentoring young people in difficulty",
        "ar": "مواكبة الشباب في وضعية صعبة",
    },
    "cultural-link": {
        "fr": "Projets culturels et lien avec le Maroc",
        "en": "Cultural projects and the link with Morocco",
        "ar": "المشاريع الثقافية والارتباط بالمغرب",
    },
    "women-conditions": {
        "fr": "Leadership des femmes dans les associations",
        "en": "Women's leadership in associations",
        "ar": "قيادة النساء في الجمعيات",
    },
    "solidarity-development": {
        "fr": "Partenariats avec les régions d'origine",
        "en": "Partnerships with the regions of origin",
        "ar": "الشراكة مع جهات الأصل",
    },
}
LANGUAGE = {"fr": "fr", "be": "fr", "ca": "fr", "es": "ar", "it": "ar"}
CITIES = {
    "fr": "Paris",
    "be": "Bruxelles",
    "nl": "Rotterdam",
    "es": "Barcelona",
    "it": "Torino",
    "de": "Düsseldorf",
    "ca": "Montréal",
    "gb": "London",
}
# status code: weight of each mark
MARKS = [("present", 74), ("late", 10), ("absent", 11), ("excused", 5)]


def _dates(world):
    """The first meeting's day of each workshop: spread over the span, the last ones to come."""
    past_days = (world.today - world.start).days - 14
    days = [
        world.start + datetime.timedelta(days=7 + past_days * number // (COUNT - UPCOMING))
        for number in range(COUNT - UPCOMING)
    ]
    days += [world.today + datetime.timedelta(days=6 + 9 * number) for number in range(UPCOMING)]
    return days


def _trainer(world, number):
    # The demo "trainer" (first) runs every fourth workshop, past and upcoming.
    if number % 4 == 0:
        return world.trainers[0]
    return world.trainers[1 + number % (len(world.trainers) - 1)]


def make_workshops(world):
    """The forty workshops and their sessions; [(workshop, session)]."""
    rng = world.rng
    countries = {country.code: country for country in Country.objects.filter(code__in=COUNTRIES)}
    axes = {axis.code: axis for axis in StrategicAxis.objects.filter(code__in=TITLES)}
    groups = list(SpecializedGroup.objects.order_by("code"))
    axis_codes = list(TITLES)
    made = []
    for number, first_day in enumerate(_dates(world)):
        code = COUNTRIES[number % len(COUNTRIES)]
        country = countries[code]
        axis = axis_codes[number % len(axis_codes)]
        language = LANGUAGE.get(code, "en")
        if rng.random() < 0.2:
            language = "ar"
        meetings = rng.choice([1, 1, 2, 3])
        online = rng.random() < 0.25
        announced = first_day - datetime.timedelta(days=rng.randint(30, 45))
        with clock.at(world.moment(announced, hour=9)):
            workshop = Workshop.objects.create(
                slug=f"{SLUG_PREFIX}{number + 1:02d}-{code}-{axis}",
                title=TITLES[axis][language],
                description="<p>" + TITLES[axis]["fr"] + ".</p>",
                format=Workshop.Format.ONLINE if online else Workshop.Format.IN_PERSON,
                language=language,
                venue_name="" if online else "Maison des associations",
                address="" if online else f"{rng.randint(1, 90)} rue du Marché",
                city="" if online else CITIES[code],
                online_url=f"https://meet.example.org/world-{number + 1}" if online else "",
                country=country,
                # Every fifth workshop is small: it fills up and keeps a waiting list.
                capacity=rng.randint(4, 6) if number % 5 == 2 else rng.randint(8, 12),
                status=Workshop.Status.PUBLISHED,
                strategic_axis=axes[axis],
            )
            workshop.trainers.set([_trainer(world, number)])
            workshop.specialized_groups.set(rng.sample(groups, 2))
            workshop.save()
            session = Session.objects.create(
                workshop=workshop,
                title=TITLES[axis][language],
                date=first_day,
                start_time=datetime.time(rng.choice([10, 14, 18]), 30),
                end_time=datetime.time(rng.choice([12, 16, 20]) + 1, 0),
                time_zone=country.default_time_zone,
                recurrence=f"FREQ=WEEKLY;COUNT={meetings}" if meetings > 1 else "",
            )
        made.append((workshop, session, announced))
    return made


def _people_of(world, code):
    return [
        user
        for association in world.associations
        if association.host_country_id and association.host_country.code == code
        for user in world.members.get(association.pk, [])
    ]


def register(world, workshop, session, announced):
    """Members of the country's associations register (online: anyone) in the weeks before;
    a few cancel. Returns the number of registrations."""
    rng = world.rng
    pool = (
        world.all_members()
        if workshop.format == "online"
        else _people_of(world, workshop.country.code)
    )
    wanted = min(len(pool), workshop.capacity + rng.randint(1, 4))
    people = rng.sample(pool, wanted)
    last = min(session.date, world.today) - datetime.timedelta(days=1)
    days = sorted(world.day_between(announced, last) for _person in people)
    registered = []
    for person, day in zip(people, days, strict=True):
        with clock.at(world.moment(day, hour=rng.randint(7, 22), minute=rng.randint(0, 59))):
            try:
                RegisterAction(workshop, user=person).execute()
            except ActionRefused:
                continue
        registered.append((person, day))
    # One or two give up their seat a few days later (the first waiting is promoted).
    for person, day in rng.sample(registered, min(2, len(registered))):
        later = min(day + datetime.timedelta(days=rng.randint(1, 6)), last)
        with clock.at(world.moment(later, hour=20)):
            try:
                CancelRegistrationAction(workshop, user=person).execute()
            except ActionRefused:
                continue
    return len(registered)


def mark(world, workshop, session, statuses):
    """The trainer marks every confirmed person at every meeting before today."""
    rng = world.rng
    trainer = workshop.trainers.first()
    people = [
        registration.user
        for registration in workshop.registrations.filter(
            status=Registration.Status.CONFIRMED
        ).select_related("user")
    ]
    codes = [code for code, _weight in MARKS]
    weights = [weight for _code, weight in MARKS]
    marked = 0
    for day in session.occurrence_dates():
        if day >= world.today:
            break
        with clock.at(world.moment(day, hour=min(session.end_time.hour + 1, 23))):
            for person in people:
                code = rng.choices(codes, weights)[0]
                MarkAttendanceAction(
                    session,
                    user=trainer,
                    occurrence_date=day,
                    status=statuses[code],
                    method="roster",
                    person=person,
                    remarks="" if code != "late" else rng.choice(["Transport", "Travail", ""]),
                ).execute()
                marked += 1
    return marked


def load_workshops(world):
    """The workshops, their registrations and attendance; returns the counts and the list
    of (workshop, session) for the certificates."""
    statuses = {status.code: status for status in AttendanceStatus.objects.all()}
    made = make_workshops(world)
    registrations = marks = 0
    for workshop, session, announced in made:
        registrations += register(world, workshop, session, announced)
        marks += mark(world, workshop, session, statuses)
    world.workshops = [(workshop, session) for workshop, session, _announced in made]
    return {
        "world workshops": len(made),
        "world registrations": registrations,
        "world attendance marks": marks,
    }
