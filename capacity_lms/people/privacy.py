"""What the people models keep of a person, and how it is exported and erased."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.people.records import (
    AssociationDocument,
    MembershipRequest,
    ProfileChange,
    VerificationEvent,
)
from capacity_lms.privacy.registry import DELETE, KEEP, PSEUDONYMISE, register

register(
    Membership,
    person_fields=["user"],
    export=[("association", "association__name"), "role", "joined_on"],
    erase=PSEUDONYMISE,
    reason=_(
        "Counted in the reports (associations reached); after erasure it belongs to the "
        "pseudonymous account. Kept while the association is in the programme."
    ),
)

register(
    LearnerProfile,
    person_fields=["user"],
    export=[
        ("country_of_residence", "country_of_residence__code"),
        ("specialized_groups", "specialized_groups__code"),
        "preferred_language",
        "name_in_arabic",
        "time_zone",
    ],
    erase=PSEUDONYMISE,
    scrub={"name_in_arabic": "", "time_zone": "", "preferred_language": ""},
    reason=_(
        "The country of residence and specialized groups stay (without a name) so that the "
        "reports keep their figures; the name in Arabic, time zone and language are erased."
    ),
)

register(
    Association,
    actor_fields=["created_by"],
    reason=_(
        "An association's profile is not personal data; who registered it is kept as an "
        "actor and becomes the pseudonymous account on erasure."
    ),
)

register(
    MembershipRequest,
    person_fields=["user"],
    actor_fields=["decided_by"],
    export=[("association", "association__name"), "status", "message", "created_at"],
    erase=DELETE,
)

register(VerificationEvent, actor_fields=["actor"], erase=KEEP)

register(
    AssociationDocument,
    actor_fields=["uploaded_by"],
    erase=KEEP,
    reason=_("The association's statutes and receipt belong to the association."),
)

register(ProfileChange, actor_fields=["proposed_by", "decided_by"], erase=KEEP)
