"""The network on the demo site, for the browser tests of partnerships, offers and needs and
relayed messages: the demo learner as an admin of their association, the demo staff member as
an admin of another one (as the demo makes them), both verified, with an offer each, a
partnership the other association proposed and a message it wrote to the learner's."""

import datetime
from types import SimpleNamespace

OFFER_TITLE = "Ingénieurs bénévoles pour l'eau potable"
OWN_NEED_TITLE = "Besoin de matériel pour le soutien scolaire"


def build_partner_demo(proposal=True):
    """Build the network's demo objects (after ``demo_site``); returns them. Without
    ``proposal``, the two associations have no partnership yet."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
    from capacity_lms.people.models import Association, Membership
    from capacity_lms.taxonomy.models import Region, StrategicAxis

    User = get_user_model()
    learner = User.objects.get(username="learner")
    staff = User.objects.get(username="staff")
    ours = Membership.objects.filter(user=learner).select_related("association").first()
    Membership.objects.filter(pk=ours.pk).update(role=Membership.Role.LEADER)
    ours = ours.association
    theirs = (
        Membership.objects.filter(user=staff, role=Membership.Role.LEADER)
        .exclude(association=ours)
        .select_related("association")
        .first()
        .association
    )
    Association.objects.filter(pk__in=[ours.pk, theirs.pk]).update(
        verification_status=Association.VerificationStatus.VERIFIED
    )
    region = Region.objects.order_by("pk").first()
    axis = StrategicAxis.objects.order_by("pk").first()
    for association in (ours, theirs):
        association.regions_of_origin.add(region)
    today = timezone.localdate()
    offer = OfferOrNeed.objects.create(
        association=theirs,
        direction=OfferOrNeed.Direction.OFFER,
        category=OfferOrNeed.Category.EXPERTISE,
        title=OFFER_TITLE,
        description="Deux ingénieurs disponibles en juillet pour un projet de puits.",
        language="fr",
        strategic_axis=axis,
        expires_on=today + datetime.timedelta(days=90),
    )
    offer.regions.add(region)
    need = OfferOrNeed.objects.create(
        association=ours,
        direction=OfferOrNeed.Direction.NEED,
        category=OfferOrNeed.Category.EQUIPMENT,
        title=OWN_NEED_TITLE,
        description="Des tablettes et des livres pour une bibliothèque de quartier.",
        language="fr",
        strategic_axis=axis,
        expires_on=today + datetime.timedelta(days=60),
    )
    need.regions.add(region)
    proposal = proposal and Partnership.objects.create(
        initiator=theirs,
        partner=ours,
        purpose="Des camps d'été pour les jeunes de la région.",
        starts_on=today,
        region=region,
        strategic_axis=axis,
        declared_by=staff,
    )
    message = RelayedMessage.objects.create(
        sender=staff,
        sender_association=theirs,
        recipient_association=ours,
        about=need,
        subject="Des tablettes pour votre bibliothèque",
        body="Nous pouvons en envoyer dix en septembre.",
    )
    return SimpleNamespace(
        learner=learner,
        staff=staff,
        ours=ours,
        theirs=theirs,
        offer=offer,
        need=need,
        proposal=proposal,
        message=message,
    )
