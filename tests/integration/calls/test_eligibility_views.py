"""Programme staff's eligibility pages in the admin (issue #22, point 3): the call's list, the
checklist that runs DecideEligibility, the request for a missing document; nobody else reaches
any of it, and a refused checklist writes nothing."""

import pytest
from django.urls import reverse

from capacity_lms.calls.eligibility_models import DocumentRequest, EligibilityCheck
from capacity_lms.calls.models import Application
from capacity_lms.people.models import Membership
from sandbox.testing.factories import UserFactory
from tests.integration.calls.world import application  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def page(application):  # noqa: F811
    return reverse("capacity_calls_review:application", args=[application.pk])


def test_staff_list_the_calls_applications_and_see_the_automatic_points(
    client,
    staff,
    application,  # noqa: F811
):
    client.force_login(staff)
    calls = client.get(reverse("capacity_calls_review:index"))
    assert calls.status_code == 200
    assert [(call.pk, call.waiting) for call in calls.context["calls"]] == [
        (application.call_id, 1)
    ]
    listing = client.get(reverse("capacity_calls_review:call", args=[application.call_id]))
    assert listing.status_code == 200
    assert application.association.name in listing.content.decode()
    response = client.get(page(application))
    assert response.status_code == 200
    assert [point.key for point in response.context["points"]] == ["verified", "documents"]
    assert "verdict_documents" in response.context["form"].fields


def test_staff_decide_with_the_checklist(client, staff, application):  # noqa: F811
    client.force_login(staff)
    data = {"verdict_verified": "pass", "verdict_documents": "fail", "reason_documents": ""}
    response = client.post(page(application), data)
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert not EligibilityCheck.objects.exists()
    data["reason_documents"] = "The statutes are missing."
    assert client.post(page(application), data).status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.INELIGIBLE
    assert EligibilityCheck.objects.get(key="documents").reason == "The statutes are missing."
    # Decided: the checklist is gone and a second POST is refused.
    assert client.get(page(application)).context["form"] is None
    # (a 404 the locale middleware turns into a redirect to the language's prefix)
    assert client.post(page(application), data, follow=True).status_code == 404
    assert EligibilityCheck.objects.count() == 2


def test_a_checklist_naming_an_unknown_point_is_refused_and_writes_nothing(
    client,
    staff,
    application,  # noqa: F811
):
    client.force_login(staff)
    data = {"verdict_verified": "pass", "verdict_documents": "maybe"}
    response = client.post(page(application), data)
    assert response.status_code == 200 and "verdict_documents" in response.context["form"].errors
    assert not EligibilityCheck.objects.exists()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_staff_ask_for_a_missing_document(client, staff, application):  # noqa: F811
    client.force_login(staff)
    url = reverse("capacity_calls_review:request_document", args=[application.pk])
    response = client.post(url, {"message": ""})
    assert response.status_code == 200 and not DocumentRequest.objects.exists()
    assert client.post(url, {"message": "Send the statutes."}).status_code == 302
    assert DocumentRequest.objects.get().message == "Send the statutes."


def test_nobody_but_staff_reaches_the_eligibility_pages(
    client,
    application,  # noqa: F811
    trainer,
):
    admin = Membership.objects.leaders().get(association=application.association).user
    urls = [
        ("get", reverse("capacity_calls_review:index")),
        ("get", reverse("capacity_calls_review:call", args=[application.call_id])),
        ("get", page(application)),
        ("post", page(application)),
        ("post", reverse("capacity_calls_review:request_document", args=[application.pk])),
    ]
    for person in (admin, trainer, UserFactory(is_staff=True)):
        client.force_login(person)
        for method, url in urls:
            data = {"verdict_verified": "pass", "verdict_documents": "pass", "message": "x"}
            response = getattr(client, method)(url, data) if method == "post" else client.get(url)
            assert response.status_code in (302, 404), (person, url)
    assert not EligibilityCheck.objects.exists() and not DocumentRequest.objects.exists()
