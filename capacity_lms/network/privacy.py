"""What the associative network keeps of a person: messages sent, reports made, acts done."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.network.models import AbuseReport, OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.privacy.registry import KEEP, PSEUDONYMISE, register

register(Partnership, actor_fields=["declared_by", "confirmed_by"], erase=KEEP)

register(OfferOrNeed, actor_fields=["posted_by"], erase=KEEP)

register(
    RelayedMessage,
    person_fields=["sender"],
    export=[
        ("from association", "sender_association__name"),
        ("to association", "recipient_association__name"),
        ("about", "about__title"),
        "subject",
        "body",
        "created_at",
        "withheld",
    ],
    erase=PSEUDONYMISE,
    scrub={"body": "", "subject": "—"},
    reason=_(
        "A message belongs to both associations' conversation; on erasure its text is removed "
        "and it stays as an empty entry of the pseudonymous account. It never carries the "
        "sender's address: the platform relays it."
    ),
    retention=_("As long as the two associations' conversation, unless its sender is erased."),
)

register(
    AbuseReport,
    person_fields=["reporter"],
    actor_fields=["reviewed_by"],
    export=[
        ("message", "message__subject"),
        ("offer or need", "offer_or_need__title"),
        "reason",
        "status",
        "created_at",
    ],
    erase=PSEUDONYMISE,
    reason=_("Moderation keeps what was reported, without saying by whom."),
    retention=_("As long as what was reported is kept."),
)
