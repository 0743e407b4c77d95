"""Scopes fail closed: sight of every country comes only from ``view_all_countries`` (programme
staff) or being a superuser; a coordinator without countries, or a trainer without workshops,
sees nothing at all, never everything."""

import pytest
from django.urls import reverse

from capacity_lms.people.models import Association
from capacity_lms.people.roles import COUNTRY_COORDINATORS, TRAINERS
from capacity_lms.reports.models import CountryCoordinator
from sandbox.testing.factories import UserFactory
from tests.integration.conftest import in_group
from tests.integration.reports.test_views import URL, report, world  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "world")]

EXPORTS = ("csv", "xlsx", "rows-csv", "rows-xlsx")
REFUSED = (302, 403)  # inside the admin, a refusal sends an admin user to its home


@pytest.fixture(params=["no entry", "an entry naming no country", "its entry deleted"])
def lone_coordinator(request, countries):
    """In the coordinators' group, with no country to coordinate."""
    person = in_group(UserFactory(username="coord-none"), COUNTRY_COORDINATORS)
    if request.param == "an entry naming no country":
        CountryCoordinator.objects.create(user=person)
    if request.param == "its entry deleted":
        CountryCoordinator.objects.create(user=person).countries.set([countries["fr"]])
        CountryCoordinator.objects.filter(user=person).delete()
    return person


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode()


def test_a_coordinator_without_countries_gets_no_report_page_and_no_export(
    client, lone_coordinator
):
    client.force_login(lone_coordinator)
    assert report(client).status_code in REFUSED
    for rows in ("country", "association"):
        for export in EXPORTS:
            response = report(client, rows=rows, export=export)
            assert response.status_code in REFUSED, (rows, export)
            assert "France" not in body(response) and "HYPERLINK" not in body(response)


def test_a_coordinator_without_countries_opens_no_association(client, lone_coordinator):
    association = Association.objects.get(name="=HYPERLINK(1)")
    client.force_login(lone_coordinator)
    response = client.get(reverse("capacity_lms_association_report", args=[association.pk]))
    assert response.status_code in REFUSED
    assert "fr-0" not in body(response)


def test_a_coordinator_without_countries_has_no_panel_chart_or_menu(client, lone_coordinator):
    client.force_login(lone_coordinator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "cl-summary-panel" not in html
    assert URL not in html
    assert "cl-report-chart" not in html


def test_a_coordinator_with_countries_exports_only_theirs(client, countries):
    person = in_group(UserFactory(username="coord-ca"), COUNTRY_COORDINATORS)
    CountryCoordinator.objects.create(user=person).countries.set([countries["ca"]])
    client.force_login(person)
    lines = body(report(client, export="rows-csv")).lstrip("\ufeff").splitlines()
    assert len(lines) == 1 + 2
    assert {line.split(",")[1] for line in lines[1:]} == {"ca"}
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "cl-summary-panel" in html
    association = Association.objects.get(name="=HYPERLINK(1)")  # in France
    response = client.get(reverse("capacity_lms_association_report", args=[association.pk]))
    assert response.status_code in REFUSED


def test_staff_and_superusers_see_every_country(client, staff):
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    for person in (staff, superuser):
        client.force_login(person)
        lines = body(report(client, export="rows-csv")).lstrip("\ufeff").splitlines()
        assert {line.split(",")[1] for line in lines[1:]} == {"fr", "ca"}
        association = Association.objects.get(name="=HYPERLINK(1)")
        response = client.get(reverse("capacity_lms_association_report", args=[association.pk]))
        assert response.status_code == 200


def test_staff_get_every_country_from_the_permission_not_from_a_missing_entry(
    client, staff, countries
):
    """A staff member who also coordinates a country keeps programme-wide sight."""
    CountryCoordinator.objects.create(user=staff).countries.set([countries["ca"]])
    client.force_login(staff)
    lines = body(report(client, export="rows-csv")).lstrip("\ufeff").splitlines()
    assert {line.split(",")[1] for line in lines[1:]} == {"fr", "ca"}


def test_the_programme_staff_group_has_the_all_countries_permission():
    from django.contrib.auth.models import Group

    staff = Group.objects.get(name="Programme staff")
    assert staff.permissions.filter(codename="view_all_countries").exists()
    coordinators = Group.objects.get(name=COUNTRY_COORDINATORS)
    assert not coordinators.permissions.filter(codename="view_all_countries").exists()


def test_a_trainer_without_workshops_sees_no_workshop_or_attendance(client):
    lone = in_group(UserFactory(username="trainer-none"), TRAINERS)
    client.force_login(lone)
    assert report(client).status_code in REFUSED
    for name in ("capacity_workshops", "capacity_attendance_records", "capacity_walk_ins"):
        response = client.get(reverse(f"{name}:index"))
        assert response.status_code == 200
        assert len(response.context["object_list"]) == 0, name
        export = client.get(reverse(f"{name}:index"), {"export": "csv"})
        assert len(body(export).strip().splitlines()) <= 1, name
