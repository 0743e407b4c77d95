"""A request to join is not a membership until an admin of that association accepts it."""

import pytest
from django.core import mail

from capacity_lms.core.actions import ActionRefused
from capacity_lms.network.joining import (
    AcceptRequestAction,
    RefuseRequestAction,
    RequestToJoinAction,
    WithdrawRequestAction,
)
from capacity_lms.people.models import Membership
from capacity_lms.people.records import MembershipRequest
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import (
    admin_of,
    person,
)

pytestmark = pytest.mark.django_db


def test_asking_makes_a_request_not_a_membership_and_tells_the_admins(
    verified, django_capture_on_commit_callbacks
):
    admin_of(verified, "leader-amina")
    omar = person("omar")
    with django_capture_on_commit_callbacks(execute=True):
        request = RequestToJoinAction(verified, user=omar, message="Bonjour").execute()
    assert request.status == "pending"
    assert not Membership.objects.filter(user=omar).exists()
    assert [message.to for message in mail.outbox] == [["leader-amina@example.org"]]
    assert "omar@example.org" not in mail.outbox[0].body


def test_asking_twice_gives_the_same_request(verified):
    omar = person("omar")
    first = RequestToJoinAction(verified, user=omar).execute()
    assert RequestToJoinAction(verified, user=omar).execute() == first
    assert MembershipRequest.objects.count() == 1


def test_accepting_makes_the_membership_once(verified, django_capture_on_commit_callbacks):
    leader = admin_of(verified, "leader-amina")
    omar = person("omar", language="fr")
    request = RequestToJoinAction(verified, user=omar).execute()
    with django_capture_on_commit_callbacks(execute=True):
        AcceptRequestAction(request, user=leader).execute()
    membership = Membership.objects.get(user=omar)
    assert (membership.association, membership.role) == (verified, "member")
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("accepted", leader)
    assert mail.outbox[-1].to == ["omar@example.org"]
    with pytest.raises(ActionRefused):
        AcceptRequestAction(request, user=leader).execute()
    assert Membership.objects.filter(user=omar).count() == 1


def test_the_admin_of_another_association_cannot_answer(verified):
    other = AssociationFactory(name="Other", registration_number="O-1")
    outsider = admin_of(other, "leader-karim")
    member = person("member-sara")
    Membership.objects.create(user=member, association=verified)
    request = RequestToJoinAction(verified, user=person("omar")).execute()
    for user in (outsider, member):
        with pytest.raises(ActionRefused):
            AcceptRequestAction(request, user=user).execute()
    request.refresh_from_db()
    assert request.status == "pending"
    assert Membership.objects.filter(association=verified).count() == 1


def test_staff_may_answer_and_refusing_keeps_the_reason(verified, staff):
    request = RequestToJoinAction(verified, user=person("omar")).execute()
    RefuseRequestAction(request, user=staff, reason="Unknown to us.").execute()
    request.refresh_from_db()
    assert (request.status, request.reason) == ("refused", "Unknown to us.")
    assert not Membership.objects.filter(user__username="omar").exists()


def test_a_member_cannot_ask_again_and_only_the_asker_withdraws(verified):
    omar = person("omar")
    Membership.objects.create(user=omar, association=verified)
    with pytest.raises(ActionRefused):
        RequestToJoinAction(verified, user=omar).execute()
    sara = person("sara")
    request = RequestToJoinAction(verified, user=sara).execute()
    with pytest.raises(ActionRefused):
        WithdrawRequestAction(request, user=omar).execute()
    assert WithdrawRequestAction(request, user=sara).execute().status == "withdrawn"
