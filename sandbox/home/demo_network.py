"""The sandbox's associative network, read from data files under
``sandbox/demo_content/network/``: associations abroad and in Morocco with their verification
history, their admins, members and join requests; partnerships; offers and needs; messages
relayed between associations. The prose (descriptions, purposes, offers, messages) lives in the
files, in the languages it is written in, so that a translator reviews it without reading Python.

Every file is checked before anything is built (``demo_network_content``: required keys, no
unknown key, known codes and statuses, references between files); a file that fails is refused
with a ``DemoContentError`` naming the file and the key. Building is idempotent: rows are looked
up by a natural key and only what is missing is created. Provinces are looked up by code and
left empty when the site has none of that code (or one in another region).
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.people.records import MembershipRequest, VerificationEvent
from capacity_lms.taxonomy.models import (
    Country,
    Province,
    Region,
    SpecializedGroup,
    StrategicAxis,
)
from sandbox.home.demo_content import LANGUAGES, DemoContentError
from sandbox.home.demo_network_content import (
    NETWORK_DIRECTORY,
    load_network_content,
)
from sandbox.testing.factories import DEMO_PASSWORD, AssociationFactory, UserFactory


def ensure_associations(staff, directory=NETWORK_DIRECTORY):
    """Every association of the files, in their order, with its verification history."""
    associations = []
    for item in load_network_content(directory)["associations"]:
        association = _find(item)
        if association is None:
            association = _create(item, staff)
        associations.append(association)
    return associations


def _find(item):
    if item["kind"] == "abroad":
        return Association.objects.filter(
            host_country__code=item["country"], registration_number=item["registration_number"]
        ).first()
    return Association.objects.filter(
        kind="local", registration_number=item["registration_number"]
    ).first()


def _create(item, staff):
    region = Region.objects.get(code=item["region"]) if item.get("region") else None
    province = Province.objects.filter(code=item.get("province") or "", region=region).first()
    verified_at = None
    if item["status"] != "pending":
        verified_at = timezone.now() - datetime.timedelta(days=30 + 7 * len(item["name"]))
    association = AssociationFactory(
        kind=item["kind"],
        name=item["name"],
        name_ar=item.get("name_ar", ""),
        host_country=Country.objects.filter(code=item.get("country") or "").first(),
        city=item.get("city", ""),
        region=region,
        province=province,
        commune=item.get("commune", ""),
        registration_number=item["registration_number"],
        verification_status=item["status"],
        verified_at=verified_at if item["status"] != "rejected" else None,
        founding_year=item.get("founding_year"),
        languages=item["languages"],
        website=item.get("website", ""),
        social_links=item.get("social_links", []),
        size_bracket=item["size"],
        published_fields=item["published"],
        contact_name=item["contact_name"],
        contact_email=item["contact_email"],
        contact_phone=item["contact_phone"],
        created_by=staff,
        specialized_groups=list(SpecializedGroup.objects.by_code(*item["groups"])),
        strategic_axes=list(StrategicAxis.objects.by_code(*item["axes"])),
        **{f"description_{code}": item["description"][code] for code in LANGUAGES},
    )
    association.regions_of_origin.set(Region.objects.by_code(*item.get("regions_of_origin", [])))
    # Its history: verified (then suspended), or refused, by programme staff.
    steps = {
        "verified": [("pending", "verified", "")],
        "suspended": [("pending", "verified", ""), ("verified", "suspended", item.get("reason"))],
        "rejected": [("pending", "rejected", item.get("reason"))],
    }
    for number, (before, after, reason) in enumerate(steps.get(item["status"], [])):
        event = VerificationEvent.objects.create(
            association=association,
            from_status=before,
            to_status=after,
            reason=reason or "",
            actor=staff,
        )
        when = verified_at + datetime.timedelta(days=200 * number)
        VerificationEvent.objects.filter(pk=event.pk).update(created_at=when)
    return association


def load_network(associations, directory=NETWORK_DIRECTORY):
    """Admins, members, consents and join requests of the associations (``ensure_associations``'
    list), then the partnerships, offers and needs and messages of the files."""
    content = load_network_content(directory)
    keys = [item["key"] for item in content["associations"]]
    by_key = dict(zip(keys, associations, strict=True))
    leaders = {}
    for item in content["associations"]:
        association = by_key[item["key"]]
        if item.get("leader"):
            username, first, last = item["leader"]
            leader = UserFactory(
                username=username,
                email=f"{username}@capacity-demo.example",
                first_name=first,
                last_name=last,
                password=DEMO_PASSWORD,
            )
            _member(leader, association, Membership.Role.LEADER)
            leaders[item["key"]] = leader
        for username in item.get("members", []):
            _member(_person(username, item), association, Membership.Role.MEMBER)
        LearnerProfile.objects.filter(user__username__in=item.get("names_shown", [])).update(
            name_on_association_page=True
        )
        for username in item.get("join_requests", []):
            MembershipRequest.objects.get_or_create(
                user=_person(username, item),
                association=association,
                status=MembershipRequest.Status.PENDING,
            )
    partnerships = [_partnership(item, by_key, leaders) for item in content["partnerships"]]
    offers = {
        item["title"]: _offer_or_need(item, by_key, leaders)
        for item in content["offers_and_needs"]
    }
    messages = {}
    for item in content["messages"]:
        messages[item["subject"]] = _message(item, by_key, offers, messages)
    return {
        "partnerships": len(partnerships),
        "offers and needs": len(offers),
        "relayed messages": len(messages),
    }


def _person(username, item):
    person = get_user_model().objects.filter(username=username).first()
    if person is None:
        raise DemoContentError(f"{item['file']}: {item['at']}: no demo account {username!r}")
    return person


def _member(person, association, role):
    Membership.objects.get_or_create(
        user=person,
        association=association,
        defaults={"role": role, "joined_on": datetime.date(2024, 1, 15)},
    )


def _partnership(item, by_key, leaders):
    initiator, partner = by_key[item["initiator"]], by_key[item["partner"]]
    partnership = Partnership.objects.filter(
        initiator=initiator, partner=partner, starts_on=item["starts_on"]
    ).first()
    if partnership is not None:
        return partnership
    confirmed = item["status"] in (Partnership.Status.ACTIVE, Partnership.Status.ENDED)
    starts = datetime.datetime.combine(item["starts_on"], datetime.time(9), datetime.UTC)
    return Partnership.objects.create(
        initiator=initiator,
        partner=partner,
        region=Region.objects.filter(code=item["region"]).first(),
        strategic_axis=StrategicAxis.objects.filter(code=item["axis"]).first(),
        purpose=item["purpose"],
        starts_on=item["starts_on"],
        ends_on=item.get("ends_on"),
        status=item["status"],
        declared_by=leaders.get(item["initiator"]),
        confirmed_by=leaders.get(item["partner"]) if confirmed else None,
        confirmed_at=starts - datetime.timedelta(days=20) if confirmed else None,
    )


def _offer_or_need(item, by_key, leaders):
    association = by_key[item["association"]]
    existing = OfferOrNeed.objects.filter(association=association, title=item["title"]).first()
    if existing is not None:
        return existing
    offer = OfferOrNeed.objects.create(
        association=association,
        direction=item["direction"],
        category=item["category"],
        title=item["title"],
        description=item["description"],
        language=item["language"],
        strategic_axis=StrategicAxis.objects.filter(code=item["axis"]).first(),
        expires_on=timezone.localdate() + datetime.timedelta(days=item["open_days"]),
        status=item["status"],
        posted_by=leaders.get(item["association"]),
    )
    offer.regions.set(Region.objects.by_code(*item["regions"]))
    offer.specialized_groups.set(SpecializedGroup.objects.by_code(*item["groups"]))
    return offer


def _message(item, by_key, offers, messages):
    sender_association, recipient = by_key[item["from"]], by_key[item["to"]]
    existing = RelayedMessage.objects.filter(
        sender_association=sender_association,
        recipient_association=recipient,
        subject=item["subject"],
    ).first()
    if existing is not None:
        return existing
    return RelayedMessage.objects.create(
        sender=_person(item["sender"], item),
        sender_association=sender_association,
        recipient_association=recipient,
        about=offers.get(item.get("about")),
        in_reply_to=messages.get(item.get("reply_to")),
        subject=item["subject"],
        body=item["body"],
        read_at=timezone.now() if item["read"] else None,
    )
