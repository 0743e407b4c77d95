"""``application|status_for_association``: an application's status as its association may
read it (``calls/decisions.py``: no decision shows before the call is decided)."""

from django import template

from capacity_lms.calls.decisions import status_for_association as shown_status

register = template.Library()


@register.filter
def status_for_association(application):
    return shown_status(application)
