"""Wagtail's site history report, its results and its CSV/XLSX exports are filtered by the
same scopes as our admin screens: nobody reads there the title or the name of an object they
could not open (another trainer's draft workshop, a walk-in of theirs, a coordinator entry);
programme staff and superusers still read everything."""

import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.log_actions import log

from capacity_lms.attendance.models import WalkIn
from capacity_lms.people.roles import COUNTRY_COORDINATORS
from capacity_lms.reports.models import CountryCoordinator
from sandbox.testing.factories import UserFactory
from tests.integration.conftest import in_group, make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

OWN = ("Own workshop Amina", "Walk-in Youssef Own")
FOREIGN = ("Draft workshop Karim", "Walk-in Zineb Foreign", "coord-secret-entry")


@pytest.fixture
def history(countries, trainer, other_trainer, staff):
    own = make_workshop(countries["fr"], trainers=[trainer], sessions=1, title=OWN[0])
    foreign = make_workshop(
        countries["ca"], trainers=[other_trainer], sessions=1, title=FOREIGN[0], status="draft"
    )
    log(own, "wagtail.create", user=trainer)
    log(foreign, "wagtail.create", user=other_trainer)
    log(WalkIn.objects.create(workshop=own, name=OWN[1], added_by=trainer), "wagtail.create")
    log(
        WalkIn.objects.create(workshop=foreign, name=FOREIGN[1], added_by=other_trainer),
        "wagtail.create",
    )
    entry = CountryCoordinator.objects.create(user=UserFactory(username=FOREIGN[2]))
    log(entry, "wagtail.create", user=staff)
    # A deleted workshop of another trainer: its entry names it, and no scope holds it now.
    gone = make_workshop(countries["ca"], trainers=[other_trainer], title="Deleted Karim")
    log(gone, "wagtail.delete", user=other_trainer)
    gone.delete()


def texts(client):
    """What the report shows: its page, its results and both exports, as text."""
    url = reverse("wagtailadmin_reports:site_history")
    shown = {}
    for name, response in (
        ("page", client.get(url)),
        ("results", client.get(reverse("wagtailadmin_reports:site_history_results"))),
        ("csv", client.get(url, {"export": "csv"})),
        ("xlsx", client.get(url, {"export": "xlsx"})),
    ):
        assert response.status_code == 200, name
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if name == "xlsx":
            workbook = openpyxl.load_workbook(io.BytesIO(content))
            content = " ".join(
                str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row
            ).encode()
        shown[name] = content.decode("utf-8", "replace")
    return shown


def test_a_trainer_reads_only_their_own_objects_in_site_history(client, trainer, history):
    client.force_login(trainer)
    for name, text in texts(client).items():
        assert OWN[0] in text, name
        leaked = [marker for marker in (*FOREIGN, "Deleted Karim") if marker in text]
        assert not leaked, (name, leaked)


def test_a_coordinator_reads_no_workshop_walk_in_or_coordinator_entry(client, countries, history):
    coordinator = in_group(UserFactory(username="coord-fr"), COUNTRY_COORDINATORS)
    CountryCoordinator.objects.create(user=coordinator).countries.set([countries["fr"]])
    client.force_login(coordinator)
    for name, text in texts(client).items():
        leaked = [marker for marker in (*OWN, *FOREIGN) if marker in text]
        assert not leaked, (name, leaked)


def test_staff_and_superusers_still_read_everything(client, staff, history):
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    for person in (staff, superuser):
        client.force_login(person)
        for name, text in texts(client).items():
            missing = [m for m in (*OWN, *FOREIGN, "Deleted Karim") if m not in text]
            assert not missing, (person, name, missing)


def test_each_entry_is_listed_once(client, staff, history):
    client.force_login(staff)
    assert texts(client)["csv"].count(OWN[0]) == 1


def test_the_scoped_report_runs_the_same_queries_for_more_entries(
    client, countries, trainer, other_trainer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(number):
        for index in range(number):
            for person in (trainer, other_trainer):
                workshop = make_workshop(countries["fr"], trainers=[person], sessions=0)
                log(workshop, "wagtail.create", user=person)
                walk_in = WalkIn.objects.create(workshop=workshop, name=f"Walk-in {index}")
                log(walk_in, "wagtail.create", user=person)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 200
        return len(queries)

    client.force_login(trainer)
    add(30)  # more than a page (50) of the trainer's own entries
    count()  # the first request fills process-wide caches (content types, hooks)
    small = count()
    add(60)  # three times as many entries: the same queries
    assert count() == small
