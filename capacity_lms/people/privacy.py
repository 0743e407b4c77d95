"""What the people models keep of a person, and how it is exported and erased."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.people.models import LearnerProfile, Membership
from capacity_lms.privacy.registry import PSEUDONYMISE, register

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
