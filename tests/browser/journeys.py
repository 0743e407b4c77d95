"""What several browser tests do the same way: start from a fresh world, sign in; the small
worlds that more than one module drives (the workshops, a meeting happening now)."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser.database import Snapshots, restore

ONLINE_URL = "https://meet.example.org/budget-online"
TORONTO = "America/Toronto"


def fresh_world(pytestconfig, build):
    """The migrated database (whatever the previous test left), then ``build()``'s world."""
    from django.db import connection

    restore(connection, pytestconfig.pluginmanager.get_plugin(Snapshots.name).migrated)
    return build()


def sign_in(page, language, username, next_path):
    """Through the sandbox's sign-in page in ``language``, straight on to ``next_path``."""
    from sandbox.testing.factories import DEMO_PASSWORD

    page.goto(f"/{language}/accounts/login/?next={next_path}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.cl-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))


def sign_in_to_admin(page, username):
    """Through the Wagtail admin's own sign-in page, on to the dashboard."""
    from sandbox.testing.factories import DEMO_PASSWORD

    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def build_workshops_world():
    """Two countries in two zones, three published workshops, a member living in Toronto."""
    from sandbox.testing.factories import (
        CountryFactory,
        LearnerProfileFactory,
        RegistrationFactory,
        SessionFactory,
        UserFactory,
        WorkshopFactory,
    )

    france = CountryFactory(
        code="fr",
        name_en="France",
        name_fr="France",
        name_ar="فرنسا",
        default_time_zone="Europe/Paris",
    )
    morocco = CountryFactory(
        code="ma",
        name_en="Morocco",
        name_fr="Maroc",
        name_ar="المغرب",
        default_time_zone="Africa/Casablanca",
    )
    day = datetime.date.today() + datetime.timedelta(days=14)
    online = WorkshopFactory(
        title="Budget en ligne",
        slug="budget-online",
        language="fr",
        format="online",
        online_url=ONLINE_URL,
        online_instructions="Code : 4321",
        venue_name="",
        address="",
        city="",
        country=france,
        capacity=20,
    )
    SessionFactory(workshop=online, date=day, time_zone="Europe/Paris")
    casablanca = WorkshopFactory(
        title="Gouvernance associative",
        slug="governance-casablanca",
        language="fr",
        venue_name="Maison des associations",
        address="12 boulevard Zerktouni",
        city="Casablanca",
        country=morocco,
        capacity=15,
    )
    SessionFactory(
        workshop=casablanca,
        date=day,
        time_zone="Africa/Casablanca",
        recurrence="FREQ=WEEKLY;COUNT=4",
    )
    full = WorkshopFactory(
        title="Plaidoyer à Paris",
        slug="advocacy-paris",
        language="fr",
        country=france,
        capacity=1,
    )
    SessionFactory(workshop=full, date=day + datetime.timedelta(days=1), time_zone="Europe/Paris")
    RegistrationFactory(workshop=full, user=UserFactory(username="first-in"), status="confirmed")
    RegistrationFactory(workshop=full, user=UserFactory(username="next-in"), status="waiting")

    member = UserFactory(username="member-salma", first_name="Salma", last_name="Benali")
    LearnerProfileFactory(
        user=member, country_of_residence=morocco, preferred_language="ar", time_zone=TORONTO
    )
    return {"online": online, "casablanca": casablanca, "full": full, "member": member}


def meeting_happening_now(workshop):
    """A two-hour session of ``workshop`` that began ten minutes ago, on one local day.

    In Paris when it is daytime there; near midnight in a zone where it is not, so the meeting
    never runs past midnight (which would move it to another day) whatever time the tests run.
    """
    import zoneinfo

    from django.utils import timezone

    from sandbox.testing.factories import SessionFactory

    now = timezone.now()
    for time_zone in ("Europe/Paris", "Asia/Tokyo"):
        start = (now - datetime.timedelta(minutes=10)).astimezone(zoneinfo.ZoneInfo(time_zone))
        end = start + datetime.timedelta(hours=2)
        if end.date() == start.date():
            break
    return SessionFactory(
        workshop=workshop,
        date=start.date(),
        start_time=start.time().replace(second=0, microsecond=0),
        end_time=end.time().replace(second=0, microsecond=0),
        time_zone=time_zone,
    )


def build_attendance_world():
    """A workshop in Paris with a meeting happening now, its trainer and three members."""
    from sandbox.testing.factories import (
        CountryFactory,
        RegistrationFactory,
        UserFactory,
        WorkshopFactory,
    )

    france = CountryFactory(
        code="fr", name_en="France", name_ar="فرنسا", default_time_zone="Europe/Paris"
    )
    trainer = UserFactory(username="trainer-amina", first_name="Amina", last_name="Idrissi")
    workshop = WorkshopFactory(
        title="Gestion financière", language="fr", country=france, trainers=[trainer]
    )
    session = meeting_happening_now(workshop)
    members = [
        UserFactory(username=f"member-{name.lower()}", first_name=name, last_name="Alaoui")
        for name in ("Salma", "Omar", "Hind")
    ]
    for member in members:
        RegistrationFactory(workshop=workshop, user=member, status="confirmed")
    return {"trainer": trainer, "workshop": workshop, "session": session, "members": members}
