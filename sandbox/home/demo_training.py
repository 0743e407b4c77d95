"""Demo training modules: a catalogue in each language with the modules of the data files
in ``sandbox/demo_content/modules/`` (read and checked by ``demo_content.load_modules``).

Each module exists in the languages of its file (English, French and Arabic unless it says
otherwise) as translations of one another (same translation key), under the catalogue of its
language. Idempotent: pages are looked up by
locale and slug.
"""

import uuid

from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.models import Locale

from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from courses.actions import CompleteLessonAction, EnrolAction, SubmitQuizAction
from courses.models import CatalogueIndexPage, CoursePage, LessonPage, QuizAttempt
from courses.quiz import correct_answers
from sandbox.home.demo_content import LANGUAGES, load_modules
from sandbox.home.models import HomePage
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    deliverable_block,
    paragraph_block,
    quiz_block,
)

STEP_NAMESPACE = uuid.UUID("6f0c7b52-3d3e-4c53-9a55-0d6f5a1e2b71")
CATALOGUE = {
    "en": (
        "Training modules",
        "<p>Modules on project engineering and on the programme's "
        "strategic axes, for every country and specialized group.</p>",
    ),
    "fr": (
        "Modules de formation",
        "<p>Des modules sur l'ingénierie de projet et les axes "
        "stratégiques du programme, pour chaque pays et groupe spécialisé.</p>",
    ),
    "ar": (
        "الوحدات التكوينية",
        "<p>وحدات حول هندسة المشاريع والمحاور الاستراتيجية للبرنامج، لكل بلد ولكل فئة خاصة.</p>",
    ),
}


def _callout(text):
    return {
        "type": "callout",
        "value": {"kind": "tip", "text": f"<p>{escape(text)}</p>"},
    }


def _step_id(module_slug, lesson, number):
    """A deliverable block's id, the same in every language version (the step across
    translations) and on every load."""
    return str(uuid.uuid5(STEP_NAMESPACE, f"{module_slug}/{lesson['slug']}/{number}"))


def _deliverable(module_slug, lesson, number, step, language):
    block = deliverable_block(
        step["kind"],
        step["title"][language],
        rubric=[
            (
                criterion["name"][language],
                [(level["label"][language], level["points"]) for level in criterion["levels"]],
            )
            for criterion in step["rubric"]
        ],
        is_required=step["required"],
        instructions=f"<p>{escape(step['instructions'][language])}</p>",
    )
    block["id"] = _step_id(module_slug, lesson, number)
    return block


def _lesson_body(lesson, language, module_slug=""):
    body = [paragraph_block(f"<p>{escape(text)}</p>") for text in lesson["body"][language]]
    if lesson.get("callout"):
        body.append(_callout(lesson["callout"][language]))
    quiz = lesson.get("quiz")
    if quiz:
        body.append(
            quiz_block(
                quiz["title"][language],
                [
                    (
                        question["text"][language],
                        [
                            (
                                option["text"][language],
                                option["correct"],
                                option["feedback"][language],
                            )
                            for option in question["options"]
                        ],
                        question["multiple"],
                    )
                    for question in quiz["questions"]
                ],
                pass_mark=quiz["pass_mark"],
                max_attempts=quiz["max_attempts"],
            )
        )
    for number, step in enumerate(lesson.get("deliverables", []), 1):
        body.append(_deliverable(module_slug, lesson, number, step, language))
    return body


def ensure_index_pages(model, factory, texts, slug):
    """A ``model`` page under the home page of each language, translations of one another:
    ``texts`` gives each language's (title, intro)."""
    pages = {}
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.get(locale=locale)
        page = model.objects.child_of(home).first()
        if page is None:
            title, intro = texts[language]
            extra = {}
            if "en" in pages:
                extra["translation_key"] = pages["en"].translation_key
            page = factory(
                parent=home, title=title, intro=intro, slug=slug, locale=locale, **extra
            )
        pages[language] = page
    return pages


def ensure_catalogues():
    """A catalogue under the home page of each language, translations of one another."""
    return ensure_index_pages(CatalogueIndexPage, CatalogueIndexPageFactory, CATALOGUE, "modules")


def ensure_course(module, catalogues, created_courses):
    pages = {}
    # A module written in some languages only is left untranslated in the others.
    for language in module["languages"]:
        catalogue = catalogues[language]
        existing = CoursePage.objects.child_of(catalogue).filter(slug=module["slug"]).first()
        if existing:
            pages[language] = existing
            continue
        objectives = "".join(f"<li>{escape(o)}</li>" for o in module["objectives"][language])
        extra = {}
        first = next(iter(pages.values()), None)
        if first is not None:
            extra["translation_key"] = first.translation_key
        course = CoursePageFactory(
            parent=catalogue,
            locale=catalogue.locale,
            slug=module["slug"],
            title=module["title"][language],
            summary=module["summary"][language],
            objectives=f"<ul>{objectives}</ul>",
            strategic_axis=StrategicAxis.objects.get(code=module["axis"]),
            countries=list(Country.objects.filter(code__in=module["countries"])),
            specialized_groups=list(SpecializedGroup.objects.filter(code__in=module["groups"])),
            prerequisites=[created_courses[(slug, language)] for slug in module["prerequisites"]],
            tags=module["tags"],
            language=language,
            level=module["level"],
            format=module["format"],
            estimated_hours=module["hours"],
            leads_to_certificate=module["certificate"],
            **extra,
        )
        trainers = get_user_model().objects.filter(username__in=module.get("trainers", []))
        if trainers:
            course.trainers.set(trainers)
            course.save_revision().publish()
        lesson_keys = [None] * len(module["lessons"])
        if first is not None:
            lesson_keys = [lesson.translation_key for lesson in first.lessons()]
        for lesson, key in zip(module["lessons"], lesson_keys, strict=True):
            LessonPageFactory(
                parent=course,
                locale=catalogue.locale,
                slug=lesson["slug"],
                title=lesson["title"][language],
                body=_lesson_body(lesson, language, module["slug"]),
                estimated_minutes=lesson["minutes"],
                is_preview=lesson["preview"],
                **({"translation_key": key} if key else {}),
            )
        pages[language] = course
    for language, page in pages.items():
        created_courses[(module["slug"], language)] = page
    return pages


def pass_quizzes(user, lesson, token_prefix):
    """Answer every quiz of ``lesson`` correctly, once (demo history only; the generated
    world's too)."""
    for quiz_id, quiz in lesson.quizzes:
        if QuizAttempt.objects.filter(user=user, lesson=lesson, quiz_id=quiz_id).exists():
            continue
        SubmitQuizAction(
            lesson,
            user=user,
            quiz_id=quiz_id,
            answers=correct_answers(quiz),
            submission_token=f"{token_prefix}-{quiz_id}",
        ).execute()


def ensure_learner_history(learner, courses):
    """The demo learner completed the French foundations module and is halfway into another."""
    foundations = courses[("project-engineering-foundations", "fr")]
    EnrolAction(foundations, user=learner).execute()
    for lesson in LessonPage.objects.child_of(foundations).live().specific():
        pass_quizzes(learner, lesson, "demo")
        # A lesson with a required deliverable completes when a trainer accepts the
        # association's work (demo_workbook.py).
        if not lesson.required_quiz_ids and not lesson.required_deliverable_ids:
            CompleteLessonAction(lesson, user=learner).execute()
    cultural = courses[("cultural-projects-link-with-morocco", "fr")]
    EnrolAction(cultural, user=learner).execute()
    first = LessonPage.objects.child_of(cultural).live().order_by("path").first().specific
    if not first.required_quiz_ids:
        CompleteLessonAction(first, user=learner).execute()


def load_training(users):
    catalogues = ensure_catalogues()
    created = {}
    for module in load_modules():
        ensure_course(module, catalogues, created)
    ensure_learner_history(users["learner"], created)
    return {
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
    }
