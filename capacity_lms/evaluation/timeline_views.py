"""An association's timeline (issue #25, point 4): its members' certificates, its
self-assessments and follow-up answers, and what it did afterwards, newest first and grouped
by year. For its members and programme staff; anyone else gets 404, as for an association
that does not exist."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from capacity_lms.evaluation.timeline import TRAINING, timeline
from capacity_lms.people.models import Association, Membership

VIEW_ALL = "capacity_lms.view_followup"


def reachable_association(user, pk):
    """The live association ``pk`` if ``user`` is one of its members or programme staff."""
    association = get_object_or_404(Association.objects.live(), pk=pk)
    member = Membership.objects.filter(user=user, association=association).exists()
    if not (member or user.has_perm(VIEW_ALL)):
        raise Http404
    return association


def by_year(events):
    """``[(year, [(event, after training), ...]), ...]``, newest first. A later fact (an
    application, funding, a partnership, a case study) is after training when it happened on
    or after the first certificate of one of the association's members."""
    trained = [event.day for event in events if event.kind == TRAINING]
    first_training = min(trained) if trained else None
    newest_first = sorted(events, key=lambda event: event.day, reverse=True)
    return [
        (
            year,
            [
                (
                    event,
                    event.is_later_fact
                    and first_training is not None
                    and event.day >= first_training,
                )
                for event in group
            ],
        )
        for year, group in groupby(newest_first, key=lambda event: event.day.year)
    ]


@login_required
@require_GET
def association_timeline(request, pk):
    association = reachable_association(request.user, pk)
    events = [event for event in timeline(association) if event.day is not None]
    return TemplateResponse(
        request,
        "capacity_lms/evaluation/timeline/association.html",
        {"association": association, "years": by_year(events), "events": len(events)},
    )
