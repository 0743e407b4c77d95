"""The associative network's part of the access matrix's world: partnerships, an offer, a
relayed message and a report of abuse between the learner's association (the learner is its
admin) and the other learner's (its admin too)."""

import datetime

from django.utils import timezone

from capacity_lms.network.models import AbuseReport, OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association
from sandbox.testing.factories import AssociationFactory


def build_partners_world(people, objects):
    """Objects the network's URLs name, added to ``objects``."""
    ours = objects["association"]
    theirs = Association.objects.get(name="Atlas Montréal")
    local = AssociationFactory(
        name="Souss Avenir",
        kind=Association.Kind.LOCAL,
        host_country=None,
        region=objects["region"],
    )
    today = timezone.localdate()
    objects["proposal"] = Partnership.objects.create(
        initiator=theirs, partner=ours, purpose="Summer schools", starts_on=today
    )
    objects["partnership"] = Partnership.objects.create(
        initiator=ours,
        partner=local,
        purpose="Wells and solar pumps",
        starts_on=today - datetime.timedelta(days=90),
        status=Partnership.Status.ACTIVE,
    )
    objects["offer"] = OfferOrNeed.objects.create(
        association=ours,
        direction=OfferOrNeed.Direction.OFFER,
        category=OfferOrNeed.Category.EXPERTISE,
        title="Two engineers for a water project",
        description="A few weeks in summer.",
        expires_on=today + datetime.timedelta(days=60),
        posted_by=people["learner"],
    )
    objects["other_association"] = theirs
    objects["message"] = RelayedMessage.objects.create(
        sender=people["other_learner"],
        sender_association=theirs,
        recipient_association=ours,
        about=objects["offer"],
        subject="Your engineers",
        body="Could they come to Tiznit?",
    )
    objects["abuse_report"] = AbuseReport.objects.create(
        reporter=people["learner"], message=objects["message"], reason="Spam"
    )
