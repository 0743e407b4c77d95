"""What a call's page shows a reader: its clock in Casablanca and in the reader's own zone,
its timeline, its rules and, for a member of an association, where their application stands."""

from django.apps import apps

from capacity_lms.calls import deadlines
from capacity_lms.calls.stages import CallStage
from capacity_lms.core import clock
from capacity_lms.people.models import Association
from capacity_lms.workshops.times import person_time_zone

TIMELINE = ("upcoming", "open", "closed", "in_review", "decided")


def timeline(stage):
    """The call's steps in order, each with whether it is done, current or to come."""
    labels = {
        "upcoming": deadlines.ClockState.UPCOMING.label,
        "open": deadlines.ClockState.OPEN.label,
        "closed": deadlines.ClockState.CLOSED.label,
        "in_review": CallStage.IN_REVIEW.label,
        "decided": CallStage.DECIDED.label,
    }
    position = TIMELINE.index(stage)
    return [
        {
            "key": key,
            "label": labels[key],
            "state": "done" if index < position else "current" if index == position else "next",
        }
        for index, key in enumerate(TIMELINE)
    ]


def applying(call, user):
    """``[(association, application or None)]`` for each association ``user`` is a member
    of: where each one's application to ``call`` stands (empty for a visitor)."""
    if user is None or not user.is_authenticated:
        return []
    # Looked up by name: calls/models.py imports the pages, which import this module.
    Application = apps.get_model("capacity_lms", "Application")
    associations = list(Association.objects.filter(memberships__user=user).order_by("name"))
    found = {
        application.association_id: application
        for application in Application.objects.filter(
            call=call, association__in=associations
        ).select_related("call__locale")
    }
    return [(association, found.get(association.pk)) for association in associations]


def call_context(page, request):
    """The template context a call page adds: the rules (dates, money, eligibility) from the call
    in the default language; criteria, documents and departments as this translation words them."""
    call = page.canonical()
    now = clock.now()
    viewer_zone = person_time_zone(request.user) if request is not None else None
    stage = page.stage_at(now)
    return {
        "call": call,
        "stage": stage,
        "timeline": timeline(stage),
        "opens": deadlines.shown(page.opens, viewer_zone),
        "closes": deadlines.shown(page.closes, viewer_zone),
        "call_time_zone": deadlines.CALL_TIME_ZONE,
        "viewer_time_zone": viewer_zone,
        "criteria": list(page.criteria.all()),
        "required_documents": list(page.required_documents.all()),
        "rates": list(call.rates.all()),
        "committee": list(page.committee.all()),
        "axes": list(call.strategic_axes.all()),
        "groups": list(call.specialized_groups.all()),
        "countries": list(call.host_countries.all()),
        "applying": applying(call, request.user if request is not None else None),
    }
