"""Who sees and may change which application: an association sees only its own, a stranger
none, staff with the view permission all; members edit drafts while the call is open, only
an association's admins submit; a second start gives the one application there is."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from capacity_lms.calls import applications
from capacity_lms.calls.actions import StartApplication, SubmitApplication
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Membership
from sandbox.testing.call_factories import application_for
from sandbox.testing.factories import AssociationFactory, MembershipFactory, UserFactory
from sandbox.testing.network_factories import association_admin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def ours(call):
    association = AssociationFactory(name="Atlas Solidarity")
    return application_for(call, association)


@pytest.fixture
def theirs(call):
    association = AssociationFactory(name="Rif Bridges")
    return application_for(call, association)


def member_of(association):
    return MembershipFactory(association=association, role=Membership.Role.MEMBER).user


def test_an_association_sees_only_its_own_application(ours, theirs):
    member = member_of(ours.association)
    admin = association_admin(ours.association)

    for person in (member, admin):
        assert list(applications.visible_applications(person)) == [ours]
    assert list(applications.member_associations(member)) == [ours.association]


def test_a_stranger_and_a_signed_out_visitor_see_none(ours, theirs):
    from django.contrib.auth.models import AnonymousUser

    stranger = UserFactory()
    staff_without_permission = UserFactory(is_staff=True)

    assert not applications.visible_applications(stranger).exists()
    assert not applications.visible_applications(staff_without_permission).exists()
    assert not applications.visible_applications(AnonymousUser()).exists()
    assert not applications.member_associations(AnonymousUser()).exists()


def test_staff_with_the_view_permission_see_every_application(ours, theirs):
    officer = UserFactory(is_staff=True)
    officer.user_permissions.add(
        Permission.objects.get(codename="view_application", content_type__app_label="capacity_lms")
    )

    assert set(applications.visible_applications(officer)) == {ours, theirs}


def test_members_edit_a_draft_while_the_call_is_open(ours, theirs):
    member = member_of(ours.association)

    assert applications.can_edit(member, ours)
    assert not applications.can_edit(member, theirs)
    assert not applications.can_edit(UserFactory(), ours)
    after_closing = ours.call.closes + datetime.timedelta(seconds=1)
    assert not applications.can_edit(member, ours, now=after_closing)


def test_a_member_who_is_not_an_admin_cannot_submit(ours):
    member = member_of(ours.association)

    assert not applications.can_submit(member, ours)
    with pytest.raises(ActionRefused) as refused:
        SubmitApplication(ours, user=member).execute()

    assert refused.value.code == "not_submitter"
    ours.refresh_from_db()
    assert ours.status == Application.Status.DRAFT
    assert not ours.versions.exists()
    assert not CallEvent.objects.filter(verb=CallEvent.Verb.SUBMITTED).exists()


def test_an_admin_of_another_association_cannot_submit(ours, theirs):
    other_admin = association_admin(theirs.association)

    assert not applications.can_submit(other_admin, ours)
    with pytest.raises(ActionRefused):
        SubmitApplication(ours, user=other_admin).execute()


def test_starting_twice_gives_the_one_application_and_one_history_row(call):
    association = AssociationFactory()
    member = member_of(association)

    first = StartApplication(call, user=member, association=association, title="Water").execute()
    second = StartApplication(call, user=member, association=association).execute()

    assert first.pk == second.pk
    assert first.project.title == "Water"
    assert first.project.currency == call.currency
    assert Application.objects.filter(call=call, association=association).count() == 1
    assert CallEvent.objects.filter(verb=CallEvent.Verb.STARTED, application=first).count() == 1


def test_a_stranger_cannot_start_an_association_s_application(call):
    association = AssociationFactory()

    with pytest.raises(ActionRefused) as refused:
        StartApplication(call, user=UserFactory(), association=association).execute()

    assert refused.value.code == "not_member"
    assert not Application.objects.exists()


def test_no_application_starts_on_a_closed_call(call):
    association = AssociationFactory()
    member = member_of(association)

    with pytest.raises(ActionRefused) as refused:
        StartApplication(call, user=member, association=association, now=call.closes).execute()

    assert refused.value.code == "call_closed"


def test_the_snapshot_holds_the_whole_project_with_the_server_s_figures(ours):
    frozen = applications.snapshot(ours)

    assert frozen["sections"]["summary"].startswith("Digital skills")
    objective = frozen["logframe"]["specific_objectives"][0]
    assert objective["results"][0]["activities"][0]["text"] == "Six two-week sessions"
    assert frozen["logframe"]["indicators"][0]["target"] == "60.00"
    assert frozen["logframe"]["assumptions"] == ["The commune lends a room"]
    assert frozen["partners"][0]["name"] == "Commune of Tafraout"
    assert frozen["budget"]["total_cost"] == "100000.00"
    assert frozen["budget"]["share_percent"] == "30.00"
    assert frozen["budget"]["problems"] == []
    assert frozen["funding"]["others"] == [{"name": "Regional council", "amount": "10000.00"}]


def test_submission_problems_name_empty_sections_and_the_budget_s_problems(call):
    empty = application_for(call, AssociationFactory(), complete=False)

    problems = applications.submission_problems(empty)

    assert "The section “summary” is empty." in problems
    assert "The logical framework has no specific objective." in problems
    assert "The budget has no lines." in problems


def test_a_request_above_the_ceiling_and_a_low_share_are_problems(ours):
    project = ours.project
    project.requested_amount = 95000
    project.own_contribution = 0
    project.save()
    ours.call.ceiling = 90000
    ours.call.save()

    problems = " ".join(applications.submission_problems(Application.objects.get(pk=ours.pk)))

    assert "above the call's ceiling" in problems
    assert "the call asks for at least 20%" in problems
    assert "must equal the total cost" in problems
