"""The reports page in the admin: who sees what, the table, the chart, the exports, the panel."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.people.models import LearnerProfile
from capacity_lms.people.roles import COUNTRY_COORDINATORS
from capacity_lms.reports.models import CountryCoordinator
from sandbox.testing.factories import (
    AssociationFactory,
    MembershipFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)
from tests.integration.conftest import in_group, make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

URL = "/admin/programme-reports/"


@pytest.fixture
def world(countries, trainer, other_trainer):
    """Registrations and marks in France (trainer's workshop) and Canada (another's)."""
    present = AttendanceStatus.objects.get(code="present")
    formula = AssociationFactory(name="=HYPERLINK(1)", host_country=countries["fr"])
    workshops = {
        "fr": make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=None),
        "ca": make_workshop(countries["ca"], trainers=[other_trainer], sessions=0, capacity=None),
    }
    for code, workshop in workshops.items():
        session = SessionFactory(
            workshop=workshop, date=datetime.date(2025, 5, 5), time_zone="UTC"
        )
        for number in range(3 if code == "fr" else 2):
            person = UserFactory(username=f"{code}-{number}")
            LearnerProfile.objects.create(user=person, country_of_residence=countries[code])
            MembershipFactory(user=person, association=formula)
            RegistrationFactory(workshop=workshop, user=person, status="confirmed")
            AttendanceRecord.objects.create(
                session=session,
                occurrence_date=session.date,
                user=person,
                status=present,
                method="roster",
                marked_at=timezone.now(),
            )
    return workshops


def report(client, **params):
    params = {
        "metric": "registrations",
        "rows": "country",
        "columns": "axis",
        "period": "year",
        **params,
    }
    return client.get(URL, params)


def test_staff_see_every_country_with_a_chart_and_a_table(client, staff, world):
    client.force_login(staff)
    response = report(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg class="cl-chart" role="img"' in html and "<title id=" in html
    assert "France" in html and "Canada" in html
    assert [row[-1] for row in response.context["body"]] == [2, 3] or [
        row[-1] for row in response.context["body"]
    ] == [3, 2]
    assert response.context["footer"][-1] == 5


def test_exports_are_neutralised(client, staff, world):
    client.force_login(staff)
    response = report(client, rows="association", export="csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "\n=HYPERLINK" not in text
    response = report(client, rows="association", export="xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "'=HYPERLINK(1)" in cells


def test_a_country_coordinator_sees_only_their_countries(client, countries, world):
    coordinator = in_group(UserFactory(username="coord-fr"), COUNTRY_COORDINATORS)
    CountryCoordinator.objects.create(user=coordinator).countries.set([countries["fr"]])
    client.force_login(coordinator)
    for metric in ("registrations", "attendance_rate", "enrolments", "people", "associations"):
        response = report(client, metric=metric)
        assert response.status_code == 200
        assert "Canada" not in response.content.decode()
    # Canada is not even offered; asking for it by URL is refused as an invalid choice.
    response = report(client, country=["ca"])
    assert "header" not in response.context


def test_a_trainer_sees_the_figures_of_their_own_workshops(client, trainer, world):
    client.force_login(trainer)
    response = report(client)
    assert response.status_code == 200
    assert response.context["footer"][-1] == 3
    assert "Canada" not in response.content.decode()
    # Online enrolments are no workshop's: nothing to count.
    assert report(client, metric="enrolments").context["footer"][-1] in (None, "", 0)


def test_learners_and_visitors_get_no_reports(client, member, world):
    assert client.get(URL).status_code == 302  # to the admin login
    client.force_login(member)
    assert client.get(URL).status_code in (302, 403)


def test_bad_choices_get_a_message(client, staff, world):
    client.force_login(staff)
    response = report(client, rows="axis", columns="axis")
    assert response.status_code == 200
    assert "Choose two different dimensions." in response.content.decode()
    assert "header" not in response.context


def test_the_admin_home_shows_the_programme_in_figures(client, staff, member, world):
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "cl-summary-panel" in html


def test_the_report_runs_the_same_queries_for_more_data(client, staff, world, countries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff)

    def count():
        with CaptureQueriesContext(connection) as queries:
            report(client, metric="attendance_rate", rows="association", columns="country")
        return len(queries)

    small = count()
    extra = make_workshop(countries["ma"], sessions=0, capacity=None)
    session = SessionFactory(workshop=extra, date=datetime.date(2025, 6, 1), time_zone="UTC")
    present = AttendanceStatus.objects.get(code="present")
    for number in range(20):
        person = UserFactory(username=f"ma-{number}")
        MembershipFactory(
            user=person, association=AssociationFactory(host_country=countries["ma"])
        )
        AttendanceRecord.objects.create(
            session=session,
            occurrence_date=session.date,
            user=person,
            status=present,
            method="roster",
            marked_at=timezone.now(),
        )
    assert count() == small


def test_an_association_page_lists_members_with_their_training(client, staff, world):
    from capacity_lms.people.models import Association

    association = Association.objects.get(name="=HYPERLINK(1)")
    client.force_login(staff)
    response = report(client, rows="association")
    url = f"/admin/programme-reports/associations/{association.pk}/"
    assert url in response.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["rows"]) == 5
    assert all(row["meetings"] == 1 for row in response.context["rows"])


def test_a_coordinator_cannot_open_another_countrys_association(client, countries, world):
    from capacity_lms.people.models import Association

    coordinator = in_group(UserFactory(username="coord-ca"), COUNTRY_COORDINATORS)
    CountryCoordinator.objects.create(user=coordinator).countries.set([countries["ca"]])
    client.force_login(coordinator)
    association = Association.objects.get(name="=HYPERLINK(1)")  # in France
    response = client.get(f"/admin/programme-reports/associations/{association.pk}/")
    assert response.status_code in (302, 403)


def test_filters_on_association_and_course_narrow_the_figures(client, staff, world):
    from capacity_lms.people.models import Association

    client.force_login(staff)
    other = AssociationFactory(name="Other association")
    assert report(client, association=[other.pk]).context["footer"][-1] in (None, "", 0)
    formula = Association.objects.get(name="=HYPERLINK(1)")
    assert report(client, association=[formula.pk]).context["footer"][-1] == 5


def test_the_underlying_rows_stream_as_csv(client, trainer, world):
    client.force_login(trainer)
    response = report(client, export="rows-csv")
    assert response.streaming
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 3  # the header, then the trainer's three registrations only
    assert all(line.split(",")[1] == "fr" for line in lines[1:])


def test_the_underlying_rows_neutralise_codes_a_spreadsheet_would_run(client, staff, world):
    from capacity_lms.taxonomy.models import StrategicAxis

    StrategicAxis.objects.create(code="-cmd", name_en="Formula-looking axis")
    world["fr"].strategic_axis = StrategicAxis.objects.get(code="-cmd")
    world["fr"].save()
    client.force_login(staff)
    text = b"".join(report(client, export="rows-csv").streaming_content).decode("utf-8-sig")
    assert text.count("\ufeff") == 0
    cells = [line.split(",")[2] for line in text.splitlines()[1:]]
    assert cells.count("'-cmd") == 3 and "-cmd" not in cells


def test_the_underlying_rows_as_a_workbook(client, trainer, world):
    client.force_login(trainer)
    response = report(client, export="rows-xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert {row[1] for row in rows[1:]} == {"fr"}


def test_large_exports_go_on_several_sheets():
    from capacity_lms.reports.exports import sheets

    made = [(title, list(rows)) for title, rows in sheets("Rows", ["h"], iter(range(5)), 2)]
    assert [title for title, _rows in made] == ["Rows", "Rows (2)", "Rows (3)"]
    assert [rows for _title, rows in made] == [[["h"], 0, 1], [["h"], 2, 3], [["h"], 4]]
