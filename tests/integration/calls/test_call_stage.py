"""The committee's steps after a call closes (issue #22: a call's timeline is open, closed, in
review, decided): the chair moves the call on, in order, on the record; a decided call takes no
more decisions; an editor publishing an older revision does not move it back."""

import datetime

import pytest
from django.urls import reverse

from capacity_lms.calls.committee import Decide, MoveCallStage
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.pages import CallPage
from capacity_lms.calls.review_models import Decision
from capacity_lms.calls.stages import CallStage
from capacity_lms.core.actions import ActionRefused
from sandbox.testing.committee_factories import ApplicationFactory, scored_review
from tests.integration.calls.world import committee  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def close(call):
    call.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    call.save_revision().publish()
    return CallPage.objects.get(pk=call.pk)


def reviewed(call, reviewers):
    application = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
    for reviewer in reviewers[:2]:
        scored_review(application, reviewer, dict.fromkeys(call.criteria.all(), 4))
    return application


def test_the_chair_moves_the_call_on_in_order_each_step_on_the_record(
    call,
    committee,  # noqa: F811
):
    chair, reviewers = committee["chair"], committee["reviewers"]
    with pytest.raises(ActionRefused) as still_open:
        MoveCallStage(call, user=chair, stage=CallStage.IN_REVIEW).execute()
    assert still_open.value.code == "still_open"
    call = close(call)
    with pytest.raises(ActionRefused) as skipped:
        MoveCallStage(call, user=chair, stage=CallStage.DECIDED).execute()
    assert skipped.value.code == "order"
    with pytest.raises(ActionRefused) as not_chair:
        MoveCallStage(call, user=reviewers[0], stage=CallStage.IN_REVIEW).execute()
    assert not_chair.value.code == "permission"
    assert CallPage.objects.get(pk=call.pk).stage == CallStage.NONE
    assert not CallEvent.objects.filter(verb=CallEvent.Verb.STAGE_CHANGED).exists()

    MoveCallStage(call, user=chair, stage=CallStage.IN_REVIEW).execute()
    assert CallPage.objects.get(pk=call.pk).stage_at() == "in_review"
    application = reviewed(call, reviewers)
    with pytest.raises(ActionRefused) as undecided:
        MoveCallStage(call, user=chair, stage=CallStage.DECIDED).execute()
    assert undecided.value.code == "undecided"
    Decide(application, user=chair, outcome="refused", reason="Out of scope.").execute()
    MoveCallStage(call, user=chair, stage=CallStage.DECIDED).execute()
    assert CallPage.objects.get(pk=call.pk).stage_at() == "decided"
    events = CallEvent.objects.filter(verb=CallEvent.Verb.STAGE_CHANGED).order_by("pk")
    assert [(e.details["stage"], e.actor) for e in events] == [
        ("in_review", chair),
        ("decided", chair),
    ]
    # Once decided, no step further and no more decisions.
    with pytest.raises(ActionRefused):
        MoveCallStage(call, user=chair, stage=CallStage.DECIDED).execute()
    late = reviewed(call, reviewers)
    with pytest.raises(ActionRefused) as closed:
        Decide(late, user=chair, outcome="funded", amount=1000, reason="Late.").execute()
    assert closed.value.code == "closed"
    assert not Decision.objects.filter(application=late).exists()


def test_publishing_an_older_revision_keeps_the_stage(call, committee):  # noqa: F811
    call = close(call)
    older = call.get_latest_revision()
    MoveCallStage(call, user=committee["chair"], stage=CallStage.IN_REVIEW).execute()
    older.publish()
    page = CallPage.objects.get(pk=call.pk)
    assert page.stage == CallStage.IN_REVIEW
    # And a new revision, from the page as an editor opens it, keeps it too.
    page.title = "Partnership programme 2026 (corrected)"
    page.save_revision().publish()
    assert CallPage.objects.get(pk=call.pk).stage == CallStage.IN_REVIEW


def test_the_ranking_page_offers_the_next_step_and_only_the_chair_may_take_it(
    client,
    call,
    committee,  # noqa: F811
):
    call = close(call)
    address = reverse("capacity_lms:calls_stage", args=[call.pk])
    client.force_login(committee["reviewers"][0])
    assert client.post(address, {"stage": "in_review"}, follow=True).status_code == 404
    assert client.get(address).status_code == 405
    client.force_login(committee["chair"])
    ranking = client.get(reverse("capacity_lms:calls_ranking", args=[call.pk]))
    assert b'name="stage" value="in_review"' in ranking.content
    answer = client.post(address, {"stage": "in_review"}, follow=True)
    assert answer.status_code == 200
    assert CallPage.objects.get(pk=call.pk).stage == CallStage.IN_REVIEW
    assert b'value="decided"' in answer.content and b'aria-current="step"' in answer.content
    # A hand-made POST skipping a step: a message, nothing changed.
    client.post(address, {"stage": "bogus"}, follow=True)
    assert CallPage.objects.get(pk=call.pk).stage == CallStage.IN_REVIEW
