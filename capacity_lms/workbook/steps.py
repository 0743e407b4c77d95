"""A deliverable step as the workbook finds it: the lesson (one language version), the block
in its live revision, and the keys that name the step in every language."""

from dataclasses import dataclass

from courses.models import LessonPage


@dataclass(frozen=True)
class Step:
    lesson: LessonPage
    step_id: str
    value: object  # the block's value: kind, title, instructions, rubric, due date

    @property
    def course(self):
        return self.lesson.course

    @property
    def course_key(self):
        return self.course.translation_key

    @property
    def lesson_key(self):
        return self.lesson.translation_key

    @property
    def kind(self):
        return self.value["kind"]

    @property
    def rubric(self):
        return list(self.value["rubric"])


def find_step(lesson_pk, step_id):
    """The live step ``step_id`` of live lesson ``lesson_pk``, or None."""
    lesson = LessonPage.objects.live().filter(pk=lesson_pk).first()
    if lesson is None:
        return None
    value = dict(lesson.deliverables).get(str(step_id)[:64])
    return Step(lesson, str(step_id), value) if value is not None else None


def _in_language(lessons, step_id, locale_id):
    """The step ``step_id`` in the first of ``lessons`` (versions of one lesson) that holds it,
    the version in ``locale_id`` first."""
    for lesson in sorted(lessons, key=lambda version: version.locale_id != locale_id):
        value = dict(lesson.deliverables).get(step_id)
        if value is not None:
            return Step(lesson, step_id, value)
    return None


def step_in_language(lesson_key, step_id, locale_id):
    """The step in the lesson's version in ``locale_id`` (else any live version)."""
    lessons = LessonPage.objects.live().filter(translation_key=lesson_key)
    return _in_language(lessons, step_id, locale_id)


def steps_for(deliverables):
    """{deliverable pk: Step} in the reader's language where the lesson has it (else another
    live version): one query for every lesson of ``deliverables``."""
    from wagtail.models import Locale

    keys = {deliverable.lesson_key for deliverable in deliverables}
    if not keys:
        return {}
    try:
        locale_id = Locale.get_active().pk
    except Locale.DoesNotExist:
        locale_id = None
    versions = {}
    for lesson in LessonPage.objects.live().filter(translation_key__in=keys):
        versions.setdefault(lesson.translation_key, []).append(lesson)
    found = {
        deliverable.pk: _in_language(
            versions.get(deliverable.lesson_key, []), deliverable.step_id, locale_id
        )
        for deliverable in deliverables
    }
    return {pk: step for pk, step in found.items() if step is not None}
