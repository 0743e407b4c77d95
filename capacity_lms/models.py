"""All models of the capacity_lms app, one migration stream for its subpackages."""

from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis

__all__ = [
    "Association",
    "Country",
    "LearnerProfile",
    "Membership",
    "SpecializedGroup",
    "StrategicAxis",
]
