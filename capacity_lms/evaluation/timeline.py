"""An association's timeline (issue #25, point 4): what its people learned and what it did
afterwards, from the facts the programme already records.

Training (its members' certificates), its self-assessments and follow-up answers, and then its
applications to calls, the funding decisions announced, the partnerships it declared (confirmed
by both sides) and the case studies published about it. Each kind of fact is one query,
whatever the association's history.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.decisions import announced
from capacity_lms.calls.models import Application
from capacity_lms.certificates.models import Certificate
from capacity_lms.evaluation.models import FollowUp, SelfAssessment
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import Partnership

# The facts that show what an association did after its training, in the order reports list
# them: (key, label).
LATER_FACTS = (
    ("applied", _("Applied to a call for projects")),
    ("funded", _("Funded by a call for projects")),
    ("partnership", _("Declared a partnership")),
    ("case_study", _("Published a case study")),
)
TRAINING = "trained"
ASSESSED = "assessed"
FOLLOWED_UP = "followed_up"
LABELS = {
    TRAINING: _("Certificate"),
    ASSESSED: _("Self-assessment"),
    FOLLOWED_UP: _("Follow-up answered"),
    **dict(LATER_FACTS),
}


@dataclass(frozen=True)
class Event:
    day: date
    kind: str
    text: str  # what it was about (a module, a call, a partner): written by people, as stored

    @property
    def label(self):
        return LABELS[self.kind]

    @property
    def is_later_fact(self):
        return self.kind in dict(LATER_FACTS)


def _day(value):
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def timeline(association):
    """Every event of ``association``'s timeline, oldest first (seven queries)."""
    events = []
    certificates = (
        Certificate.objects.exclude(status=Certificate.Status.REPLACED)
        .filter(user__capacity_memberships__association=association)
        .distinct()
        .values_list("issued_on", "titles")
    )
    for issued_on, titles in certificates:
        events.append(Event(issued_on, TRAINING, _title(titles)))
    for taken_at, year in SelfAssessment.objects.filter(association=association).values_list(
        "taken_at", "year"
    ):
        events.append(Event(_day(taken_at), ASSESSED, str(year)))
    for answered_at, titles in (
        FollowUp.objects.filter(
            answered_at__isnull=False, user__capacity_memberships__association=association
        )
        .distinct()
        .values_list("answered_at", "certificate__titles")
    ):
        events.append(Event(_day(answered_at), FOLLOWED_UP, _title(titles)))
    events.extend(later_facts(association))
    return sorted(events, key=lambda event: (event.day, event.kind))


def later_facts(association):
    """What the association did that training prepares for (four queries)."""
    events = []
    for submitted_at, title in Application.objects.filter(
        association=association, submitted_at__isnull=False
    ).values_list("submitted_at", "call__title"):
        events.append(Event(_day(submitted_at), "applied", title))
    for decided_at, title in Application.objects.filter(
        announced(), association=association, decision__outcome="funded"
    ).values_list("decision__decided_at", "call__title"):
        events.append(Event(_day(decided_at), "funded", title))
    for starts_on, initiator, partner in (
        Partnership.objects.shown()
        .involving(association)
        .values_list("created_at", "initiator__name", "partner__name")
    ):
        other = partner if initiator == association.name else initiator
        events.append(Event(_day(starts_on), "partnership", other))
    for published, title in (
        CaseStudyPage.objects.live()
        .filter(association=association)
        .values_list("first_published_at", "title")
    ):
        events.append(Event(_day(published), "case_study", title))
    return events


def _title(titles):
    """A certificate's title in the reader's language (its titles are kept per language)."""
    titles = titles or {}
    language = (get_language() or "en").split("-")[0]
    return titles.get(language) or titles.get("en") or next(iter(titles.values()), "")
