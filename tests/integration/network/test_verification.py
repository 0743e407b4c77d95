"""Staff verify, ask for changes, refuse, suspend and reinstate, with history and e-mail."""

import pytest
from django.core import mail
from django.utils import translation

from capacity_lms.core.actions import ActionRefused
from capacity_lms.network import notifications
from capacity_lms.network.verification import (
    AskForChangesAction,
    RefuseAssociationAction,
    ReinstateAssociationAction,
    SuspendAssociationAction,
    VerifyAssociationAction,
    actions_open_to,
)
from capacity_lms.people.models import Association
from capacity_lms.people.records import VerificationEvent
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import (
    admin_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(taxonomy):
    return AssociationFactory(name="Jeunesse Agadir", verification_status="pending")


def test_verifying_records_who_when_and_tells_the_admins_in_their_language(
    pending, staff, django_capture_on_commit_callbacks, monkeypatch
):
    admin_of(pending, "hajar", language="fr")
    admin_of(pending, "omar", language="ar")
    languages = {}
    render = notifications.render_to_string

    def rendering(template, context):
        languages[context["person"].username] = translation.get_language()
        return render(template, context)

    monkeypatch.setattr(notifications, "render_to_string", rendering)
    with django_capture_on_commit_callbacks(execute=True):
        event = VerifyAssociationAction(pending, user=staff).execute()
    assert languages == {"hajar": "fr", "omar": "ar"}
    pending.refresh_from_db()
    assert pending.verification_status == "verified" and pending.verified_at
    assert (event.from_status, event.to_status, event.actor) == ("pending", "verified", staff)
    assert all("Jeunesse Agadir" in message.subject for message in mail.outbox)
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert {message.to[0] for message in mail.outbox} == {
        "hajar@example.org",
        "omar@example.org",
    }


def test_asking_for_changes_keeps_it_pending_and_sends_the_reason(
    pending, staff, django_capture_on_commit_callbacks
):
    admin_of(pending, "hajar")
    with django_capture_on_commit_callbacks(execute=True):
        AskForChangesAction(pending, user=staff, reason="The receipt is unreadable.").execute()
    pending.refresh_from_db()
    assert pending.verification_status == "pending"
    assert "The receipt is unreadable." in mail.outbox[0].body
    assert VerificationEvent.objects.get().reason == "The receipt is unreadable."


def test_refusing_needs_a_reason_and_changes_nothing_without_one(pending, staff):
    with pytest.raises(ActionRefused):
        RefuseAssociationAction(pending, user=staff, reason="  ").execute()
    pending.refresh_from_db()
    assert pending.verification_status == "pending"
    assert not VerificationEvent.objects.exists()
    RefuseAssociationAction(pending, user=staff, reason="Not registered.").execute()
    pending.refresh_from_db()
    assert pending.verification_status == "rejected"


def test_suspend_then_reinstate_keeps_the_whole_history(pending, staff):
    VerifyAssociationAction(pending, user=staff).execute()
    SuspendAssociationAction(pending, user=staff, reason="Complaint under review.").execute()
    ReinstateAssociationAction(pending, user=staff, reason="Complaint unfounded.").execute()
    history = list(
        VerificationEvent.objects.order_by("pk").values_list("from_status", "to_status")
    )
    assert history == [
        ("pending", "verified"),
        ("verified", "suspended"),
        ("suspended", "verified"),
    ]


def test_only_staff_verify(pending):
    member = admin_of(pending, "hajar")
    with pytest.raises(ActionRefused):
        VerifyAssociationAction(pending, user=member).execute()
    pending.refresh_from_db()
    assert pending.verification_status == "pending"


def test_an_action_that_does_not_fit_the_state_is_refused(pending, staff):
    with pytest.raises(ActionRefused):
        SuspendAssociationAction(pending, user=staff, reason="x").execute()
    assert actions_open_to(pending) == ["verify", "ask_for_changes", "refuse"]
    pending.verification_status = Association.VerificationStatus.VERIFIED
    assert actions_open_to(pending) == ["suspend"]
