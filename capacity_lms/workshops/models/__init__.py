"""The workshops domain's models, one module per concern; Django finds them here.

- :mod:`.workshops`: :class:`Workshop` (and what its calendars' SEQUENCE rests on);
- :mod:`.sessions`: :class:`Session`, its :class:`OccurrenceChange` exceptions, the
  :class:`ReminderDelivery` log;
- :mod:`.registrations`: :class:`Registration`, seats and the waiting list;
- :mod:`.feeds`: :class:`CalendarFeedToken`, the secret of a personal calendar feed.
"""

from capacity_lms.workshops.models.feeds import CalendarFeedToken
from capacity_lms.workshops.models.registrations import Registration
from capacity_lms.workshops.models.sessions import OccurrenceChange, ReminderDelivery, Session
from capacity_lms.workshops.models.workshops import Workshop

__all__ = [
    "CalendarFeedToken",
    "OccurrenceChange",
    "Registration",
    "ReminderDelivery",
    "Session",
    "Workshop",
]
