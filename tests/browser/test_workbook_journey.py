"""Issue 24's "Done when" in a real browser, in Arabic and in French: the project workbook from
the first draft to an application with the same figures.

Salma and Omar are members of one association, enrolled in two language versions of a
project-engineering module (Salma in the language under test, Omar in the other one). Salma
opens the logical framework step from the lesson's "Your association's workbook" panel, fills
it (a second expected result added in place with "Add a row") and saves a draft; Omar, in his
own browser and language, fills the budget (two lines and the funding) and submits it; Salma
submits the logical framework. Amina, the module's trainer, scores it against the rubric and
asks for changes with a comment: Salma's e-mail says so in her language, and its link takes
her back to the step, where she changes the result's text and submits again. Amina accepts the
logical framework and the budget; the lesson, whose required steps they are, is completed for
both members. Salma, now an admin of the association, starts an application to the open call
from the Workbooks page: its logical framework and its edit page show the workbook's result
and budget lines.

Every page is in the language under test (``dir=rtl`` in Arabic) but Omar's, and axe checks the
step page, the trainer's queue and the review page. Visible text is asserted through the
catalogues (strings already translated) or as the test typed it.
"""

import copy
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in

OTHER_VERSION = {"ar": "fr", "fr": "ar"}
MODULE_TITLE = {"ar": "هندسة المشاريع", "fr": "Ingénierie de projet"}
LESSON_TITLE = {"ar": "خطط وحدد الكلفة", "fr": "Planifier et chiffrer"}
LOGFRAME_TITLE = {"ar": "الإطار المنطقي", "fr": "Cadre logique", "en": "Logical framework"}
BUDGET_TITLE = {"ar": "الميزانية", "fr": "Budget du projet", "en": "Budget"}
RESULT = {"ar": "مساعدة 40 تلميذا", "fr": "40 élèves aidés"}
FIXED_RESULT = {"ar": "مساعدة 45 تلميذا", "fr": "45 élèves aidés"}
SECOND_RESULT = {"ar": "لقاء الأولياء بالمدرسين", "fr": "Les parents rencontrent les enseignants"}
COMMENT = "Name how many pupils you can really help: the room holds 45."
CALL_TITLE = "Partnership programme"
LINES = [
    ("staff", "Tutors", "month", "6", "500"),
    ("equipment", "Books", "", "1", "600"),
]
RUBRIC = {
    "logframe": [
        ("Causes and effects are linked", [("Not yet", 0), ("Partly", 2), ("Clearly", 4)])
    ],
    "budget": [("The lines add up", [("No", 0), ("Yes", 2)])],
}


def translated(language, message):
    """``message`` as the catalogues of ``language`` give it; fails if it is not translated."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(message)
    assert text != message, f"{message!r} has no {language} translation"
    return text


def localized(language, name, *args):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args)


def translate(page, language, title, body=None):
    """A published translation of ``page`` into ``language``, titled ``title`` (its body
    replaced by ``body``, raw stream data with the same block ids, when given)."""
    from wagtail.models import Locale

    locale = Locale.objects.get_or_create(language_code=language)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    if body is not None:
        translation.body = body
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def titled(blocks, titles):
    """A copy of the raw ``blocks`` with each deliverable step titled from ``titles``."""
    blocks = copy.deepcopy(blocks)
    for block, title in zip(blocks, titles, strict=True):
        block["value"]["title"] = title
    return blocks


def build_world(language):
    """An English module with Arabic and French versions, whose one lesson holds a required
    logical framework and a required budget step; Salma (reading it in ``language``) and
    Omar (in the other version), members of one association; Amina, its trainer; an open
    call with its ``language`` translation."""
    from wagtail.models import Locale

    from capacity_lms.people.models import Membership
    from capacity_lms.people.roles import TRAINERS
    from capacity_lms.projects.deliverables import DeliverableKind
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from capacity_lms.taxonomy.models import StrategicAxis
    from courses.models import CoursePage, Enrolment
    from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
    from sandbox.testing.factories import (
        AssociationFactory,
        CatalogueIndexPageFactory,
        CoursePageFactory,
        LearnerProfileFactory,
        LessonPageFactory,
        UserFactory,
        deliverable_block,
    )
    from sandbox.testing.world import ensure_wagtail_site
    from tests.integration.conftest import in_group

    load_standard_taxonomy()
    root = ensure_wagtail_site().root_page
    catalogue = CatalogueIndexPageFactory(parent=root)
    course = CoursePageFactory(
        parent=catalogue,
        title="Project engineering",
        strategic_axis=StrategicAxis.objects.get(code="project-engineering"),
    )
    steps = [
        deliverable_block(
            DeliverableKind.LOGFRAME, "Logical framework", rubric=RUBRIC["logframe"]
        ),
        deliverable_block(DeliverableKind.BUDGET, "Budget", rubric=RUBRIC["budget"]),
    ]
    lesson = LessonPageFactory(parent=course, title="Plan and cost it", body=steps)
    courses, lessons = {"en": course}, {"en": lesson}
    for version in ("ar", "fr"):
        courses[version] = translate(course, version, MODULE_TITLE[version])
        lessons[version] = translate(
            lesson,
            version,
            LESSON_TITLE[version],
            titled(steps, [LOGFRAME_TITLE[version], BUDGET_TITLE[version]]),
        )

    association = AssociationFactory(name="Association Figuig Avenir")
    members = {}
    for username, first, last, version in (
        ("member-salma", "Salma", "Benali", language),
        ("member-omar", "Omar", "Alami", OTHER_VERSION[language]),
    ):
        person = UserFactory(
            username=username, first_name=first, last_name=last, email=f"{username}@example.org"
        )
        LearnerProfileFactory(user=person, preferred_language=version)
        Membership.objects.create(user=person, association=association)
        Enrolment.objects.create(user=person, course=courses[version])
        members[username] = person
    trainer = in_group(
        UserFactory(
            username="trainer-amina",
            first_name="Amina",
            last_name="Idrissi",
            email="trainer-amina@example.org",
        ),
        TRAINERS,
    )
    course = CoursePage.objects.get(pk=course.pk)  # as its lesson and translations left it
    course.trainers.add(trainer)
    course.save()  # a page's trainers are its cluster's: saved with the page

    calls = CallIndexPageFactory(parent=root)
    call = CallPageFactory(parent=calls, title=CALL_TITLE, slug="partnership")
    call_translation = call.copy_for_translation(
        Locale.objects.get_or_create(language_code=language)[0], copy_parents=True
    )
    call_translation.save_revision().publish()
    return {
        "association": association,
        "salma": members["member-salma"],
        "omar": members["member-omar"],
        "trainer": trainer,
        "lessons": lessons,
        "steps": {"logframe": steps[0]["id"], "budget": steps[1]["id"]},
        "call": call_translation,
    }


@pytest.fixture(params=["ar", "fr"])
def language(request):
    return request.param


@pytest.fixture
def world(pytestconfig, live_server, transactional_db, language):
    return fresh_world(pytestconfig, lambda: build_world(language))


def in_language(page, language):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", re.compile(f"^{language}"))
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


def path_of(page):
    return urlsplit(page.url).path


def open_step_from_the_lesson(page, language, lesson, title):
    """From the lesson page's "Your association's workbook" panel to the step ``title``."""
    page.goto(lesson.url)
    in_language(page, language)
    panel = page.locator("section.cl-panel[aria-labelledby=lesson-work-heading]")
    expect(panel.locator("h2")).to_have_text(translated(language, "Your association's workbook"))
    panel.get_by_role("link", name=title, exact=True).click()
    expect(page.locator("h1")).to_have_text(title)
    in_language(page, language)


def draft_the_logframe(page, language, world):
    """Salma fills the logical framework, a second result added in place, and saves a draft."""
    open_step_from_the_lesson(page, language, world["lessons"][language], LOGFRAME_TITLE[language])
    form = page.locator("main form.cl-form")
    form.locator("#id_sections-overall_objective").fill("Fewer pupils leave school early")
    form.locator("#id_objectives-0-text").fill("Homework help twice a week")
    form.locator("#id_results-0-objective").fill("1")
    form.locator("#id_results-0-text").fill(RESULT[language])

    page.evaluate("window.sameDocument = true")  # gone if the page were loaded again
    results = form.locator("[data-formset=results] [data-formset-rows] > fieldset")
    expect(results).to_have_count(1)
    form.locator("button[name=add][value=results]").click()
    expect(results).to_have_count(2)
    assert page.evaluate("window.sameDocument === true")
    expect(form.locator("#id_results-0-text")).to_have_value(RESULT[language])
    expect(page.locator("#id_results-1-objective")).to_be_focused()
    form.locator("#id_results-1-objective").fill("1")
    form.locator("#id_results-1-text").fill(SECOND_RESULT[language])

    form.locator("#id_activities-0-result").fill("1")
    form.locator("#id_activities-0-text").fill("Recruit tutors")
    form.locator("#id_indicators-0-result").fill("1")
    form.locator("#id_indicators-0-text").fill("Pupils helped")
    form.locator("#id_indicators-0-unit").fill("pupils")
    form.locator("#id_indicators-0-baseline").fill("0")
    form.locator("#id_indicators-0-target").fill("40")
    form.locator("#id_indicators-0-source").fill("Register")
    form.locator("#id_assumptions-0-text").fill("The school lends a room")
    assert_accessible(page)
    form.locator("button[name=save]").click()
    expect(page.locator(".cl-message--success")).to_contain_text(
        translated(language, "Saved as a draft.")
    )
    in_language(page, language)
    expect(form.locator("#id_results-1-text")).to_have_value(SECOND_RESULT[language])
    assert_accessible(page)


def submit_the_budget(page, version, world):
    """Omar, in his module's version, fills two budget lines and the funding, and submits."""
    open_step_from_the_lesson(page, version, world["lessons"][version], BUDGET_TITLE[version])
    form = page.locator("main form.cl-form")
    for number, (category, description, unit, quantity, unit_cost) in enumerate(LINES):
        form.locator(f"#id_lines-{number}-category").select_option(category)
        form.locator(f"#id_lines-{number}-description").fill(description)
        form.locator(f"#id_lines-{number}-unit").fill(unit)
        form.locator(f"#id_lines-{number}-quantity").fill(quantity)
        form.locator(f"#id_lines-{number}-unit_cost").fill(unit_cost)
        form.locator(f"#id_lines-{number}-currency").fill("MAD")
    form.locator("#id_funding-requested_amount").fill("3000")
    form.locator("#id_funding-own_contribution").fill("600")
    form.locator("button[name=submit]").click()
    expect(page.locator(".cl-message--success")).to_contain_text(
        translated(version, "Submitted: the module's trainers are told.")
    )
    expect(page.locator("main form.cl-form")).to_have_count(0)


def submit(page, language):
    page.locator("main form.cl-form button[name=submit]").click()
    expect(page.locator(".cl-message--success")).to_contain_text(
        translated(language, "Submitted: the module's trainers are told.")
    )
    expect(page.locator("main form.cl-form")).to_have_count(0)


def review(trainer, language, deliverable, title, level, decision, comment=""):
    """Amina opens ``deliverable`` from her queue, gives the rubric's criterion ``level``,
    writes ``comment`` and sends ``decision``; back on the queue."""
    queue = localized(language, "capacity_lms:workbook_queue")
    trainer.goto(queue)
    in_language(trainer, language)
    review_path = localized(language, "capacity_lms:workbook_review", deliverable.pk)
    link = trainer.locator(f"#waiting-heading ~ table a[href='{review_path}']")
    expect(link).to_have_text(title)
    assert_accessible(trainer)
    link.click()
    in_language(trainer, language)
    expect(trainer.locator("h1")).to_have_text(title)
    form = trainer.locator("main form.cl-form")
    form.locator(f"input[name=criterion_0][value='{level}']").check()
    if comment:
        form.locator("#id_comment").fill(comment)
    form.locator(f"input[name=decision][value={decision}]").check()
    assert_accessible(trainer)
    send = form.locator("button[type=submit]")
    expect(send).to_have_text(translated(language, "Send the review"))
    send.click()
    expect(trainer).to_have_url(re.compile(re.escape(queue) + "$"))


def the_changes_email(language, world):
    """The e-mail Salma got for the changes asked, in her language; its link's path."""
    from django.core import mail

    salma = world["salma"]
    sent = [message for message in mail.outbox if message.to == [salma.email]]
    assert len(sent) == 1, [message.subject for message in mail.outbox]
    message = sent[0]
    assert message.subject == translated(language, "Changes asked for: %(title)s") % {
        "title": LOGFRAME_TITLE[language]
    }
    assert (
        translated(language, "A trainer asks for changes to the work of %(association)s.")
        % {"association": world["association"].name}
        in message.body
    )
    assert COMMENT in message.body
    link = re.search(r"https?://\S+", message.body).group(0)
    return urlsplit(link).path


def test_a_workbook_from_two_members_drafts_to_an_application(new_context, language, world):
    from capacity_lms.calls.models import Application
    from capacity_lms.people.models import Membership
    from capacity_lms.workbook.models import Deliverable, Workbook
    from courses.models import LessonCompletion

    version = OTHER_VERSION[language]
    lessons = world["lessons"]
    salma = new_context().new_page()
    sign_in(salma, language, "member-salma", lessons[language].url)
    draft_the_logframe(salma, language, world)
    logframe = Deliverable.objects.get(kind="logframe")
    assert logframe.status == Deliverable.Status.DRAFT

    omar = new_context().new_page()
    sign_in(omar, version, "member-omar", lessons[version].url)
    submit_the_budget(omar, version, world)
    salma.reload()
    submit(salma, language)
    budget = Deliverable.objects.get(kind="budget")
    assert Workbook.objects.get().deliverables.count() == 2
    assert {item.status for item in (budget, Deliverable.objects.get(kind="logframe"))} == {
        Deliverable.Status.SUBMITTED
    }

    trainer = new_context().new_page()
    sign_in(trainer, language, "trainer-amina", localized(language, "capacity_lms:workbook_queue"))
    review(
        trainer,
        language,
        logframe,
        LOGFRAME_TITLE[language],
        1,
        "changes_requested",
        COMMENT,
    )
    logframe.refresh_from_db()
    assert logframe.status == Deliverable.Status.CHANGES_REQUESTED

    # Salma follows her e-mail's link back to the step, reads the comment and fixes the result.
    salma.goto(the_changes_email(language, world))
    in_language(salma, language)
    expect(salma.locator("h1")).to_have_text(LOGFRAME_TITLE[language])
    expect(salma.locator("article.cl-review")).to_contain_text(COMMENT)
    result = salma.locator("#id_results-0-text")
    expect(result).to_have_value(RESULT[language])
    result.fill(FIXED_RESULT[language])
    submit(salma, language)

    review(trainer, language, logframe, LOGFRAME_TITLE[language], 2, "accepted")
    review(trainer, language, budget, BUDGET_TITLE[language], 1, "accepted")
    expect(trainer.locator("#waiting-heading ~ p")).to_have_text(
        translated(language, "Nothing waits for a review.")
    )
    assert_accessible(trainer)
    assert set(Deliverable.objects.values_list("status", flat=True)) == {"accepted"}

    # The lesson holding the required steps is completed, for each member in their version.
    salma.goto(lessons[language].url)
    in_language(salma, language)
    expect(salma.locator(".cl-lesson__completion .cl-status--completed")).to_have_text(
        translated(language, "You have completed this lesson.")
    )
    assert LessonCompletion.objects.filter(user=world["omar"], lesson=lessons[version]).exists()

    # Salma, an admin of the association now, starts an application from the workbook.
    Membership.objects.filter(user=world["salma"]).update(role=Membership.Role.LEADER)
    salma.goto(localized(language, "capacity_lms:workbooks"))
    in_language(salma, language)
    start = localized(language, "capacity_lms:application_start", world["call"].pk)
    button = salma.locator(f"form[action='{start}'] button")
    expect(button).to_have_text(
        translated(language, "Start an application to %(call)s") % {"call": CALL_TITLE}
    )
    button.click()
    expect(salma).to_have_url(re.compile(r"/applications/\d+/$"))
    application = Application.objects.get()
    assert application.started_from == Workbook.objects.get()
    edit_path = localized(language, "capacity_lms:application_edit", application.pk)
    assert path_of(salma) == edit_path
    in_language(salma, language)
    form = salma.locator("main form.cl-form")
    for number, (category, description, unit, quantity, unit_cost) in enumerate(LINES):
        expect(form.locator(f"#id_lines-{number}-category")).to_have_value(category)
        expect(form.locator(f"#id_lines-{number}-description")).to_have_value(description)
        expect(form.locator(f"#id_lines-{number}-unit")).to_have_value(unit)
        expect(form.locator(f"#id_lines-{number}-quantity")).to_have_value(
            re.compile(rf"^{quantity}([.,]0+)?$")
        )
        expect(form.locator(f"#id_lines-{number}-unit_cost")).to_have_value(
            re.compile(rf"^{unit_cost}([.,]0+)?$")
        )
    expect(form.locator("#id_funding-requested_amount")).to_have_value(
        re.compile(r"^3000([.,]0+)?$")
    )
    expect(form.locator("#id_funding-own_contribution")).to_have_value(
        re.compile(r"^600([.,]0+)?$")
    )

    salma.goto(localized(language, "capacity_lms:application_logframe", application.pk))
    in_language(salma, language)
    frame = salma.locator("main form.cl-form")
    expect(frame.locator("#id_results-0-text")).to_have_value(FIXED_RESULT[language])
    expect(frame.locator("#id_results-1-text")).to_have_value(SECOND_RESULT[language])
    expect(frame.locator("#id_activities-0-text")).to_have_value("Recruit tutors")
    expect(frame.locator("#id_indicators-0-text")).to_have_value("Pupils helped")
