"""Edits to what the directory shows of a verified association wait for staff review."""

import pytest
from django.core import mail

from capacity_lms.core.actions import ActionRefused
from capacity_lms.network.profile import (
    ApplyProfileChangeAction,
    EditProfileAction,
    RefuseProfileChangeAction,
    form_initial,
)
from capacity_lms.people.records import ProfileChange
from capacity_lms.taxonomy.models import StrategicAxis
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import (
    admin_of,
    person,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(taxonomy):
    return AssociationFactory(
        name="Atlas Montréal",
        city="Montréal",
        website="https://old.example.org",
        published_fields=["website", "description"],
        description_fr="Ancien texte",
        contact_email="old@example.org",
    )


def edit(association, user, **changes):
    data = {**form_initial(association), **changes}
    data["languages"] = []
    data["social_links"] = []
    data.pop("province", None)
    for field in ("host_country", "region"):
        data[field] = getattr(association, field)
    for field in ("strategic_axes", "specialized_groups", "regions_of_origin"):
        data[field] = list(getattr(association, field).all())
    data.update(changes)
    return EditProfileAction(association, user=user, data=data).execute()


def test_published_fields_wait_and_the_rest_applies_at_once(association):
    leader = admin_of(association, "leader")
    change = edit(
        association,
        leader,
        website="https://new.example.org",
        contact_email="new@example.org",
        founding_year=1999,
    )
    association.refresh_from_db()
    assert association.website == "https://old.example.org"
    assert association.contact_email == "new@example.org"  # never shown: at once
    assert association.founding_year == 1999  # not published: at once
    assert change.changes == {"website": "https://new.example.org"}


def test_staff_apply_a_change_and_the_proposer_hears(
    association, staff, django_capture_on_commit_callbacks
):
    leader = admin_of(association, "leader")
    axis = StrategicAxis.objects.first()
    change = edit(association, leader, name="Atlas Montréal Québec", strategic_axes=[axis])
    assert set(change.changes) == {"name"}  # axes are not published: applied at once
    with django_capture_on_commit_callbacks(execute=True):
        ApplyProfileChangeAction(change, user=staff).execute()
    association.refresh_from_db()
    assert association.name == "Atlas Montréal Québec"
    assert list(association.strategic_axes.all()) == [axis]
    assert mail.outbox[-1].to == ["leader@example.org"]


def test_refused_changes_stay_out(association, staff):
    leader = admin_of(association, "leader")
    change = edit(association, leader, description_fr="Nouveau texte")
    RefuseProfileChangeAction(change, user=staff, reason="Unclear.").execute()
    association.refresh_from_db()
    assert association.description_fr == "Ancien texte"
    with pytest.raises(ActionRefused):
        ApplyProfileChangeAction(change, user=staff).execute()


def test_consenting_to_publish_more_waits_but_withdrawing_is_at_once(association):
    leader = admin_of(association, "leader")
    change = edit(association, leader, published_fields=["website", "description", "logo"])
    association.refresh_from_db()
    assert sorted(association.published_fields) == ["description", "website"]
    assert change.changes["published_fields"] == ["description", "logo", "website"]
    assert edit(association, leader, published_fields=["website"]) is None
    association.refresh_from_db()
    assert association.published_fields == ["website"]
    change.refresh_from_db()
    assert change.status == ProfileChange.Status.SUPERSEDED


def test_an_unverified_association_applies_at_once(taxonomy):
    pending = AssociationFactory(verification_status="pending", website="https://a.example")
    leader = admin_of(pending, "leader")
    assert edit(pending, leader, website="https://b.example") is None
    pending.refresh_from_db()
    assert pending.website == "https://b.example"


def test_a_member_who_is_not_an_admin_cannot_edit(association):
    from capacity_lms.people.models import Membership

    member = person("member")
    Membership.objects.create(user=member, association=association)
    with pytest.raises(ActionRefused):
        edit(association, member, website="https://x.example")
