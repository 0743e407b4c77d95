"""What an association reads of the committee's decision on its application's page (issue #22,
point 4): once the call is decided, the outcome (funded with the amount, reserve list, not
selected), the reason, the date, the mean of the weighted totals and the reviewers' comments,
never who wrote them; nothing of the committee's work before the call is decided; another
association's application is a 404; the page takes the same queries with 2 and 6 reviews."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.calls import scoring
from capacity_lms.calls.decisions import decision_for_association
from capacity_lms.calls.models import Application
from capacity_lms.calls.notices import send_decision
from capacity_lms.calls.pages import CallPage
from capacity_lms.calls.review_models import Decision
from capacity_lms.calls.stages import CallStage
from sandbox.testing.call_factories import application_for
from sandbox.testing.committee_factories import scored_review
from sandbox.testing.factories import AssociationFactory, UserFactory
from sandbox.testing.network_factories import association_admin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

REVIEWERS = [("Nadia", "Cherkaoui"), ("Youssef", "Berrada"), ("Leila", "Amrani")]


def page_url(application):
    return reverse("capacity_lms:application_edit", args=[application.pk])


def reviewer(number):
    first, last = REVIEWERS[number % len(REVIEWERS)]
    return UserFactory(
        username=f"reviewer-{number}",
        first_name=first,
        last_name=f"{last}{number}",
        email=f"reviewer-{number}@ministry.example.org",
    )


def review_everything(application, people, scores=(4, 3, 5)):
    criteria = list(application.call.criteria.order_by("sort_order", "pk"))
    for number, person in enumerate(people):
        assignment = scored_review(
            application, person, dict(zip(criteria, scores, strict=True)), comment="x"
        )
        for score in assignment.scores.select_related("criterion"):
            score.comment = f"Comment {number} on {score.criterion.name}."
            score.save(update_fields=["comment"])


def decided_application(
    call, count=2, *, outcome="funded", stage=True, people=None, name="Atlas Solidarity"
):
    """An application of a new association to ``call`` reviewed by ``count`` reviewers (or
    ``people``) and decided with ``outcome``; the call decided unless ``stage`` is False."""
    application = application_for(call, AssociationFactory(name=name))
    Application.objects.filter(pk=application.pk).update(
        status=outcome, submitted_at="2026-01-10T10:00Z"
    )
    application.refresh_from_db()
    people = people or [reviewer(number) for number in range(count)]
    review_everything(application, people)
    Decision.objects.create(
        application=application,
        outcome=outcome,
        amount=Decimal("60000") if outcome == "funded" else None,
        reason="A clear logical framework and a realistic budget.",
    )
    if stage:
        CallPage.objects.filter(pk=call.pk).update(stage=CallStage.DECIDED)
    admin = association_admin(application.association, username=f"admin-{name.split()[0]}")
    return application, people, admin


def section(response):
    return BeautifulSoup(response.content, "html.parser").select_one("section[data-decision]")


@pytest.mark.parametrize(
    ("outcome", "label"),
    [("funded", "Funded"), ("reserve", "Reserve list"), ("refused", "Refused")],
)
def test_the_association_reads_the_outcome_reason_mean_and_comments(client, call, outcome, label):
    application, _people, admin = decided_application(call, outcome=outcome)
    client.force_login(admin)
    response = client.get(page_url(application))
    assert response.status_code == 200
    shown = section(response)
    assert shown is not None and shown["data-decision"] == outcome
    assert shown.select_one("[data-decision-outcome]").get_text(strip=True) == label
    assert "A clear logical framework" in shown.select_one("[data-decision-reason]").get_text()
    # Scores (4, 3, 5) on weights (3, 2, 1) out of 5: (12 + 6 + 5) / 30 = 76.67 each.
    criteria = application.call.scoring_criteria()
    expected = scoring.weighted_total(
        dict(zip([c.key for c in criteria], (4, 3, 5), strict=True)), criteria
    )
    assert shown.select_one("[data-decision-mean]").get_text() == str(expected) == "76.67"
    comments = [item.get_text() for item in shown.select("[data-decision-comments] li")]
    assert sorted(comments) == sorted(
        f"Comment {number} on {name}."
        for number in range(2)
        for name in ("Relevance", "Logical framework", "Sustainability")
    )
    amount = shown.select_one("[data-decision-amount]")
    followup = shown.select_one("a[data-decision-followup]")
    if outcome == "funded":
        assert amount.get_text() == "60000.00 MAD"
        assert followup["href"] == reverse("capacity_lms:calls_my_projects")
    else:
        assert amount is None and followup is None
    status = BeautifulSoup(response.content, "html.parser").select_one("[data-application-status]")
    assert status["data-application-status"] == outcome


def test_no_reviewer_is_named_and_their_comments_are_not_lined_up(client, call):
    application, people, admin = decided_application(call, count=3, outcome="refused")
    client.force_login(admin)
    html = client.get(page_url(application)).content.decode()
    for person in people:
        for trace in (person.first_name, person.last_name, person.username, person.email):
            assert trace not in html
    shown = section(client.get(page_url(application)))
    lists = [
        [item.get_text() for item in listing.select("li")]
        for listing in shown.select("[data-decision-comments]")
    ]
    # Each criterion's comments in the order of their text, not of who reviewed first.
    assert all(comments == sorted(comments) for comments in lists)
    assert len(lists) == 3 and all(len(comments) == 3 for comments in lists)


def test_nothing_of_the_committee_shows_before_the_call_is_decided(client, call):
    application, _people, admin = decided_application(call, outcome="funded", stage=False)
    assert decision_for_association(application) is None
    client.force_login(admin)
    response = client.get(page_url(application))
    html = response.content.decode()
    assert section(response) is None
    assert "A clear logical framework" not in html and "Comment 0" not in html
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("[data-application-status]")["data-application-status"] == "eligible"
    mine = client.get(reverse("capacity_lms:application_mine"))
    assert b'data-application-status="eligible"' in mine.content
    assert b'data-application-status="funded"' not in mine.content
    CallPage.objects.filter(pk=call.pk).update(stage=CallStage.DECIDED)
    assert section(client.get(page_url(application)))["data-decision"] == "funded"


def test_another_association_gets_404(client, call):
    application, _people, _admin = decided_application(call)
    other = association_admin(AssociationFactory(name="Rif Horizons"), username="admin-rif")
    client.force_login(other)
    response = client.get(page_url(application))
    assert response.status_code == 404


def test_the_page_takes_the_same_queries_with_2_and_6_reviews(client, call):
    people = [reviewer(number) for number in range(6)]
    counted = {}
    for count, name in ((2, "Atlas Solidarity"), (6, "Rif Horizons")):
        application, _people, admin = decided_application(call, people=people[:count], name=name)
        client.force_login(admin)
        client.get(page_url(application))  # the site, its locales and settings, cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page_url(application))
        assert len(section(response).select("[data-decision-comments] li")) == 3 * count
        counted[count] = len(queries)
    assert counted[2] == counted[6]


def test_the_decision_email_links_to_the_page(call):
    application, _people, _admin = decided_application(call, outcome="reserve")
    assert send_decision.call(application.pk) == 1
    (message,) = mail.outbox
    assert f"/learning/applications/{application.pk}/" in message.body.splitlines()[-1]
