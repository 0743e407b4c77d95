"""The workbook's pages cost a number of queries that does not grow with the work: the
trainer's queue with the number of submissions, a step with its versions and reviews, the
workbooks page with the steps written."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.people.models import Membership
from capacity_lms.workbook.actions import ReviewStep, SaveStep, find_deliverable
from capacity_lms.workbook.steps import find_step
from courses.models import Enrolment
from sandbox.testing.factories import AssociationFactory, UserFactory

from .conftest import step_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def queries(client, url):
    """The queries of a second request (the first keeps what every page keeps for the site)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def submissions(module, count, start=0):
    """``count`` associations, each with a member who submitted the needs analysis."""
    step = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    for number in range(start, start + count):
        association = AssociationFactory(name=f"Association {number:03d}")
        person = UserFactory(username=f"member-{number}")
        Membership.objects.create(user=person, association=association)
        Enrolment.objects.create(user=person, course=module["en"])
        SaveStep(step, user=person, association=association, submit=True).execute()


def test_the_queue_runs_the_same_queries_at_10_and_500_workbooks(client, module, people):
    client.force_login(people["trainer"])
    url = reverse("capacity_lms:workbook_queue")
    submissions(module, 10)
    few = queries(client, url)
    submissions(module, 490, start=10)
    assert queries(client, url) == few
    # All 500 reach the trainer, a page at a time, oldest first.
    page = client.get(url).content.decode()
    assert "500 pieces of work wait for a review." in page
    assert "Association 000" in page and "Association 099" in page
    assert "Association 100" not in page
    last = client.get(url, {"page": 5}).content.decode()
    assert "Association 499" in last and "Association 399" not in last
    assert queries(client, f"{url}?page=5") == few


def test_a_step_does_not_grow_with_versions_and_reviews(client, module, people):
    association = people["association"]
    step = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    url = step_url(module, "en", association)
    client.force_login(people["fatima"])

    def rounds(count):
        for _round in range(count):
            SaveStep(step, user=people["fatima"], association=association, submit=True).execute()
            ReviewStep(
                find_deliverable(association, step),
                user=people["trainer"],
                step=step,
                decision="changes_requested",
                scores=[0, 0],
                comment="Again.",
            ).execute()

    rounds(1)
    few = queries(client, url)
    rounds(8)
    assert queries(client, url) == few


def test_the_workbooks_page_does_not_grow_with_steps(client, module, people):
    association = people["association"]
    client.force_login(people["fatima"])
    url = reverse("capacity_lms:workbooks")
    first = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    SaveStep(first, user=people["fatima"], association=association).execute()
    few = queries(client, url)
    for name in ("notes", "logframe", "budget", "timeline"):
        lesson = module["lesson"]["en"] if name == "notes" else module["planning"]
        step = find_step(lesson.pk, module["steps"][name])
        SaveStep(step, user=people["fatima"], association=association).execute()
    assert queries(client, url) == few
