"""The impact figures (issue #25, point 5): what people answered and what their associations
did afterwards, counted with the same engine, dimensions and scopes as the training figures.

- **Self-assessment score**: the mean score (0 to 100) of the associations' self-assessments,
  by capacity area and period: the areas before and after training. One answer is one
  association's self-assessment of a year.
- **Reactions**: the mean content rating and the mean trainer rating (1 to 5), in the workshop's
  country and axis for a meeting, in the learner's country and the module's axis for a module.
- **Learning gain**: the mean of the learners' post-test minus pre-test scores, in points.
- **Follow-up score**: the mean score of the follow-up questionnaires answered.
- **Later facts**: the associations that did, after a member's first certificate, what training
  prepares for (applied to a call, were funded, declared a partnership, published a case study;
  as an association's timeline lists them), each counted once, on the day it first did.

Every one is protected: an entry from fewer than ``CAPACITY_LMS_REPORT_MIN_ANSWERS`` answers
is hidden, and so is what would give it away (``suppression.py``). A trainer's scope reads the
facts of their workshops: the reactions to their meetings and the follow-ups of their
workshops' certificates; the other figures belong to no workshop and show them nothing.
"""

from django.db.models import DateField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.decisions import announced
from capacity_lms.calls.models import Application
from capacity_lms.certificates.models import Certificate
from capacity_lms.evaluation.models import AreaScore, FollowUp, LearningGain, Reaction
from capacity_lms.evaluation.timeline import LATER_FACTS
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Association
from capacity_lms.reports.definitions import Metric, Source, association_paths

IMPACT = _("Impact")


def person_paths(prefix, training=""):
    """A person's groups, associations and their kinds through ``prefix`` (``"user__"``);
    the country is the training's (``training`` reaching its workshop), else the person's."""
    residence = f"{prefix}capacity_profile__country_of_residence__code"
    return {
        "group": f"{prefix}capacity_profile__specialized_groups__code",
        "association": f"{prefix}capacity_memberships__association_id",
        "kind": f"{prefix}capacity_memberships__association__kind",
        "country": Coalesce(f"{training}workshop__country__code", residence)
        if training
        else residence,
    }


def training_paths(module, workshop):
    """The axis and course of a module (``module`` reaching it) or a workshop's."""
    return {
        "axis": Coalesce(
            f"{module}strategic_axis__code", f"{workshop}workshop__strategic_axis__code"
        ),
        "course": Coalesce(
            f"{module}translation_key", f"{workshop}workshop__course__translation_key"
        ),
    }


SELF_ASSESSMENT = {
    **association_paths("assessment__association__"),
    "area": "area__code",
}


def _reactions():
    return Reaction.objects.all()


def _trainer_reactions():
    return Reaction.objects.filter(trainer_rating__isnull=False)


def _reaction_source(facts):
    return Source(
        facts,
        "answered_at",
        {
            **person_paths("request__user__", training="request__session__"),
            **training_paths("request__course__", "request__session__"),
        },
        workshop="request__session__workshop",
    )


def _follow_ups():
    return FollowUp.objects.filter(answered_at__isnull=False, score__isnull=False)


# -- What associations did after training ----------------------------------------------------


def _day(path):
    return TruncDate(path)


def _first_certificate():
    """The day one of the association's members was first certified."""
    return Subquery(
        Certificate.objects.exclude(status=Certificate.Status.REPLACED)
        .filter(user__capacity_memberships__association=OuterRef("pk"))
        .order_by("issued_on")
        .values("issued_on")[:1],
        output_field=DateField(),
    )


def _first_after_training(facts, date):
    """The first day after ``trained_on`` of ``facts`` (already about the association)."""
    return Subquery(
        facts.annotate(day=_day(date))
        .filter(day__gt=OuterRef("trained_on"))
        .order_by("day")
        .values("day")[:1],
        output_field=DateField(),
    )


def _applied():
    return _first_after_training(
        Application.objects.filter(association=OuterRef("pk"), submitted_at__isnull=False),
        "submitted_at",
    )


def _funded():
    return _first_after_training(
        Application.objects.filter(
            announced(), association=OuterRef("pk"), decision__outcome="funded"
        ),
        "decision__decided_at",
    )


def _partnership():
    return _first_after_training(
        Partnership.objects.shown().filter(
            Q(initiator=OuterRef("pk")) | Q(partner=OuterRef("pk"))
        ),
        "created_at",
    )


def _case_study():
    return _first_after_training(
        CaseStudyPage.objects.live().filter(association=OuterRef("pk")), "first_published_at"
    )


LATER = {
    "applied": _applied,
    "funded": _funded,
    "partnership": _partnership,
    "case_study": _case_study,
}


def _associations_that(kind):
    """The associations (in the database, not refused) with a ``kind`` later fact, each with
    the day it first happened after training (``later_on``)."""

    def facts():
        return (
            Association.objects.live()
            .exclude(verification_status=Association.VerificationStatus.REJECTED)
            .annotate(trained_on=_first_certificate())
            .annotate(later_on=LATER[kind]())
            .filter(later_on__isnull=False)
        )

    return facts


IMPACT_SOURCES = {
    "area_scores": Source(
        lambda: AreaScore.objects.all(),
        "assessment__taken_at",
        SELF_ASSESSMENT,
        answers="assessment",
    ),
    "reactions": _reaction_source(_reactions),
    "trainer_reactions": _reaction_source(_trainer_reactions),
    "learning_gains": Source(
        lambda: LearningGain.objects.all(),
        "measured_at",
        {
            **person_paths("user__"),
            "axis": "course__strategic_axis__code",
            "course": "course__translation_key",
        },
    ),
    "follow_ups": Source(
        _follow_ups,
        "answered_at",
        {
            **person_paths("user__", training="certificate__"),
            **training_paths("certificate__course__", "certificate__"),
        },
        workshop="certificate__workshop",
    ),
    **{
        f"later_{kind}": Source(_associations_that(kind), "later_on", association_paths())
        for kind in LATER
    },
}


def _mean(label, source, numerator):
    return Metric(
        label,
        source,
        "score",
        numerator=numerator,
        scale=1,
        protected=True,
        choice_group=IMPACT,
    )


LATER_LABELS = {
    "applied": _("Associations that applied to a call after training"),
    "funded": _("Associations funded by a call after training"),
    "partnership": _("Associations that declared a partnership after training"),
    "case_study": _("Associations that published a case study after training"),
}

IMPACT_METRICS = {
    "self_assessment_score": _mean(
        _("Self-assessment score (mean, 0 to 100)"), "area_scores", "score"
    ),
    "content_rating": _mean(
        _("Reactions: content rating (mean, 1 to 5)"), "reactions", "content_rating"
    ),
    "trainer_rating": _mean(
        _("Reactions: trainer rating (mean, 1 to 5)"), "trainer_reactions", "trainer_rating"
    ),
    "learning_gain": _mean(
        _("Learning gain (mean points, post-test minus pre-test)"), "learning_gains", "gain"
    ),
    "follow_up_score": _mean(_("Follow-up score (mean, 0 to 100)"), "follow_ups", "score"),
    **{
        f"later_{kind}": Metric(
            LATER_LABELS[kind], f"later_{kind}", protected=True, choice_group=IMPACT
        )
        for kind, _label in LATER_FACTS
    },
}
