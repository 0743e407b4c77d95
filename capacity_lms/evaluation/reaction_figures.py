"""The averages and comments of reactions, as trainers and programme staff read them.

A trainer reads only the reactions about them (their name in the request's trainers). Each
figure (the content's average, the trainer's) is shown once at least
``CAPACITY_LMS_REACTION_MIN_ANSWERS`` answers make it, per workshop or module and overall
(across meetings). When the overall figure is shown, a workshop's own figure could be worked
out from it and the others': rows are then hidden until what they hold together reaches the
threshold too (complementary suppression), so no figure of fewer answers can be recovered.

Comments: a signed one carries its person's name; an unsigned one only its text, the month
it was written in and what it is about. Staff read every figure, with its count.

Every function here runs a fixed number of queries, whatever the number of reactions.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language

from capacity_lms.conf import get_setting
from capacity_lms.core.names import person_name
from capacity_lms.evaluation.models import Reaction
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage

WORKSHOP = "request__session__workshop"
MODULE = "request__course__translation_key"
GROUPS = (WORKSHOP, MODULE)


def minimum_answers():
    return get_setting("REACTION_MIN_ANSWERS")


@dataclass
class Figure:
    """An average of ``answers`` ratings (``total`` summed); ``shown`` says whether a reader
    may see it."""

    answers: int = 0
    total: int = 0
    shown: bool = True

    @property
    def average(self):
        return round(self.total / self.answers, 1) if self.answers else None

    def add(self, other):
        self.answers += other.answers
        self.total += other.total


@dataclass
class Row:
    """The figures of one workshop or module (or, as ``overall``, of all of them)."""

    subject: object = None  # a Workshop or a CoursePage, None overall
    content: Figure = field(default_factory=Figure)
    trainer: Figure = field(default_factory=Figure)

    @property
    def answers(self):
        return self.content.answers

    def add(self, other):
        self.content.add(other.content)
        self.trainer.add(other.trainer)


def _aggregate(reactions, *keys):
    return reactions.values(*keys).annotate(
        answers=Count("pk"),
        content_total=Sum("content_rating"),
        trainer_answers=Count("trainer_rating"),
        trainer_total=Sum("trainer_rating"),
    )


def _row_of(values):
    return Row(
        content=Figure(values["answers"], values["content_total"] or 0),
        trainer=Figure(values["trainer_answers"], values["trainer_total"] or 0),
    )


def _subjects(workshop_ids, course_keys):
    """Workshops by id and modules by translation key (the version in the reader's language
    when there is one), in two queries."""
    workshops = Workshop.objects.in_bulk([pk for pk in workshop_ids if pk])
    language = (get_language() or "").split("-")[0]
    courses = {}
    for course in CoursePage.objects.filter(
        translation_key__in=[key for key in course_keys if key]
    ).select_related("locale"):
        known = courses.get(course.translation_key)
        if known is None or course.locale.language_code == language:
            courses[course.translation_key] = course
    return workshops, courses


def suppress(figures, minimum):
    """Hide each figure of fewer than ``minimum`` answers, then, while the hidden ones hold
    between 1 and ``minimum - 1`` answers together (the overall figure minus the shown ones
    would give them away), the smallest shown one too."""
    shown = sorted(
        (figure for figure in figures if figure.answers >= minimum),
        key=lambda figure: figure.answers,
    )
    hidden = sum(figure.answers for figure in figures if figure.answers < minimum)
    while shown and 0 < hidden < minimum:
        hidden += shown.pop(0).answers
    kept = {id(figure) for figure in shown}
    for figure in figures:
        figure.shown = id(figure) in kept


def _rows(aggregates):
    """One Row per aggregate (same order), with its workshop or module."""
    workshops, courses = _subjects(
        {values[WORKSHOP] for values in aggregates}, {values[MODULE] for values in aggregates}
    )
    rows = []
    for values in aggregates:
        row = _row_of(values)
        row.subject = workshops.get(values[WORKSHOP]) or courses.get(values[MODULE])
        rows.append(row)
    return rows


def _in_order(rows):
    return sorted(rows, key=lambda row: (str(row.subject or "").lower(), -row.answers))


def trainer_summary(trainer, minimum=None):
    """``(overall, rows)``: the reactions about ``trainer``, overall and per workshop or
    module, each figure shown only under the threshold's rules (module docstring)."""
    minimum = minimum_answers() if minimum is None else minimum
    aggregates = list(_aggregate(Reaction.objects.filter(request__trainers=trainer), *GROUPS))
    rows = _in_order(_rows(aggregates))
    overall = Row()
    for row in rows:
        overall.add(row)
    for part in ("content", "trainer"):
        whole = getattr(overall, part)
        whole.shown = whole.answers >= minimum
        figures = [getattr(row, part) for row in rows]
        if whole.shown:
            suppress(figures, minimum)
        else:
            for figure in figures:
                figure.shown = False
    return overall, rows


def staff_summary(reactions):
    """``[(trainer or None, overall, rows)]``: every trainer's figures over ``reactions`` (a
    queryset of Reaction), all shown, with their counts; None gathers the reactions about
    modules without trainers."""
    aggregates = list(_aggregate(reactions, "request__trainers", *GROUPS))
    people = get_user_model().objects.in_bulk(
        [values["request__trainers"] for values in aggregates if values["request__trainers"]]
    )
    by_trainer = {}
    for values, row in zip(aggregates, _rows(aggregates), strict=True):
        by_trainer.setdefault(values["request__trainers"], []).append(row)
    summary = []
    for trainer_id, rows in by_trainer.items():
        overall = Row()
        for row in rows:
            overall.add(row)
        summary.append((people.get(trainer_id), overall, _in_order(rows)))
    summary.sort(key=lambda item: (item[0] is None, person_name(item[0]).lower()))
    return summary


@dataclass(frozen=True)
class Comment:
    """A comment as a reader sees it: ``name`` is empty unless its person signed it."""

    text: str
    month: object
    subject: object
    name: str = ""
    trainers: tuple = ()


def comment_reactions(reactions, with_trainers=False):
    """The reactions of ``reactions`` that carry a comment, newest month first; within a
    month in the order of their text, which says nothing of who answered when."""
    comments = (
        reactions.exclude(comment="")
        .annotate(month=TruncMonth("answered_at"))
        .select_related("request__user", "request__session__workshop", "request__course__locale")
        .order_by("-month", "comment", "pk")
    )
    if with_trainers:
        comments = comments.prefetch_related("request__trainers")
    return comments


def as_comments(reactions, with_trainers=False):
    """Each reaction (from :func:`comment_reactions`) as a :class:`Comment`: the name only
    when signed, the month and no finer date, no link."""
    shown = []
    for reaction in reactions:
        request = reaction.request
        subject = request.session.workshop if request.session_id else request.course
        shown.append(
            Comment(
                text=reaction.comment,
                month=reaction.month,
                subject=subject,
                name=person_name(request.user) if reaction.signed else "",
                trainers=tuple(request.trainers.all()) if with_trainers else (),
            )
        )
    return shown
