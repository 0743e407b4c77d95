"""A project-engineering module in English and French whose second lesson holds deliverable
steps; an association with two members enrolled in different language versions; the
module's trainer, another module's trainer and another association's member."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from capacity_lms.people.models import Membership
from capacity_lms.people.roles import TRAINERS
from capacity_lms.projects.deliverables import DeliverableKind
from courses.models import Enrolment
from sandbox.testing.factories import (
    AssociationFactory,
    LessonPageFactory,
    UserFactory,
    deliverable_block,
    paragraph_block,
)
from tests.integration.conftest import in_group
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    make_course,
    site_root,
    taxonomy,
)

RUBRIC = [
    ("Causes and effects are linked", [("Not yet", 0), ("Partly", 2), ("Clearly", 4)]),
    ("Target groups are named", [("No", 0), ("Yes", 2)]),
]


def translate(page, language):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def module(catalogue):  # noqa: F811  (fixtures)
    """{"en": course, "fr": course, "lesson": {"en", "fr"}, "steps": {kind: block id}}."""
    course = make_course(catalogue, lessons=1, quiz=False, title="Project engineering")
    needs = deliverable_block(DeliverableKind.NEEDS_ANALYSIS, "Needs analysis", rubric=RUBRIC)
    notes = deliverable_block(DeliverableKind.TEXT, "Lessons learnt", is_required=False)
    lesson = LessonPageFactory(
        parent=course,
        title="Your project's needs",
        body=[paragraph_block("<p>Start from the problem.</p>"), needs, notes],
    )
    logframe = deliverable_block(DeliverableKind.LOGFRAME, "Logical framework", rubric=RUBRIC[:1])
    budget = deliverable_block(DeliverableKind.BUDGET, "Budget")
    timeline = deliverable_block(DeliverableKind.TIMELINE, "Timeline", is_required=False)
    planning = LessonPageFactory(
        parent=course, title="Plan and cost it", body=[logframe, budget, timeline]
    )
    french = translate(course, "fr")
    french_lesson = translate(lesson, "fr")
    translate(planning, "fr")
    return {
        "en": course,
        "fr": french,
        "lesson": {"en": lesson, "fr": french_lesson},
        "planning": planning,
        "steps": {
            "needs": needs["id"],
            "notes": notes["id"],
            "logframe": logframe["id"],
            "budget": budget["id"],
            "timeline": timeline["id"],
        },
    }


@pytest.fixture
def people(module):
    association = AssociationFactory(name="Association Horizons Lyon")
    other_association = AssociationFactory(name="Association Rif Bruxelles")
    fatima = UserFactory(
        username="fatima", first_name="Fatima", last_name="Alaoui", email="fatima@example.org"
    )
    omar = UserFactory(
        username="omar", first_name="Omar", last_name="Benali", email="omar@example.org"
    )
    stranger = UserFactory(username="stranger", email="stranger@example.org")
    for person in (fatima, omar):
        Membership.objects.create(user=person, association=association)
    Membership.objects.create(user=stranger, association=other_association)
    Enrolment.objects.create(user=fatima, course=module["en"])
    Enrolment.objects.create(user=omar, course=module["fr"])
    Enrolment.objects.create(user=stranger, course=module["en"])
    trainer = in_group(
        UserFactory(username="trainer-amina", first_name="Amina", email="amina@example.org"),
        TRAINERS,
    )
    other_trainer = in_group(
        UserFactory(username="trainer-karim", email="karim@example.org"), TRAINERS
    )
    module["fr"].trainers.add(trainer)
    module["fr"].save()
    return {
        "association": association,
        "other_association": other_association,
        "fatima": fatima,
        "omar": omar,
        "stranger": stranger,
        "trainer": trainer,
        "other_trainer": other_trainer,
    }


def step_url(module, language, association, step="needs"):
    from django.urls import reverse

    pk = getattr(association, "pk", association)
    lesson = module["lesson"][language] if step in ("needs", "notes") else module["planning"]
    return reverse("capacity_lms:workbook_step", args=[pk, lesson.pk, module["steps"][step]])
