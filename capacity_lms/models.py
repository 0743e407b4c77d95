"""All models of the capacity_lms app, one migration stream for its subpackages."""

from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops.models import (
    CalendarFeedToken,
    OccurrenceChange,
    Registration,
    ReminderDelivery,
    Session,
    Workshop,
)

__all__ = [
    "Association",
    "CalendarFeedToken",
    "Country",
    "LearnerProfile",
    "Membership",
    "OccurrenceChange",
    "Registration",
    "ReminderDelivery",
    "Session",
    "SpecializedGroup",
    "StrategicAxis",
    "Workshop",
]
