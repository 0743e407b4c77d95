"""The one clock every action and every record reads the time from.

``now()`` is the current instant unless a caller has set the clock with ``at()``: the demo
loader builds eighteen months of a programme by running the real actions as of the day each
thing happened (a registration made in March 2025 is dated March 2025, and the rule against
registering for a past workshop is checked against that day). Nothing else sets it.

The clock is a context variable, so a setting lasts for one ``with`` block of one thread or
task and can never leak into a request served at the same time. Model fields that record when
a row was made use ``now`` as their default rather than ``auto_now_add``, and those that record
when it was last saved are ``UpdatedAtField`` fields rather than ``auto_now``: both read Django's
clock and would date the demo's history to the day it was loaded.

Usage::

    from capacity_lms.core import clock

    with clock.at(datetime.datetime(2025, 3, 14, 10, tzinfo=datetime.UTC)):
        RegisterAction(...).execute()    # everything inside reads 14 March 2025, 10:00 UTC
"""

import contextlib
import contextvars
import datetime

from django.db import models
from django.utils import timezone

_SET_TO = contextvars.ContextVar("capacity_lms_clock", default=None)


def now():
    """The current instant (aware, UTC), or the one ``at()`` set."""
    instant = _SET_TO.get()
    return timezone.now() if instant is None else instant


def today():
    """The date of ``now()`` in the site's time zone."""
    return timezone.localdate(now())


@contextlib.contextmanager
def at(instant):
    """Run the block as of ``instant`` (an aware datetime): every ``now()`` inside reads it."""
    if timezone.is_naive(instant):
        raise ValueError("The clock takes an aware datetime.")
    token = _SET_TO.set(instant.astimezone(datetime.UTC))
    try:
        yield instant
    finally:
        _SET_TO.reset(token)


def is_set():
    """Whether a caller has set the clock (the demo loader does)."""
    return _SET_TO.get() is not None


class UpdatedAtField(models.DateTimeField):
    """When the row was last saved, by this clock: what ``auto_now=True`` does by Django's."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = now()
        setattr(model_instance, self.attname, value)
        return value
