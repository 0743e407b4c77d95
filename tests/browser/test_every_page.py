"""Every page of the package, in Arabic, French and English, checked by axe-core.

One test per (role, language) opens a list of pages on the demo site of ``make sandbox`` (a
visitor's, the demo learner's, the demo trainer's), some of them in a second state (a form
sent empty, a wrong answer, a wrong code, a rate limit reached, a link from a reader of another
language), checks that it speaks the language of its URL in that language's direction, runs
axe-core's WCAG 2.x A and AA rules on it, checks that each part carries the language it is
written in (no Arabic text whose nearest ``lang`` is a Latin language, no Latin text left
unisolated under an Arabic one: WCAG 2.2 SC 3.1.2, see ``tests/text_direction.py``) and fails
once with every violation of every page (a page that cannot be reached or brought to its state
is one more entry). The key pages are
photographed in Arabic and French on a phone and on a desktop, into
``tests/artifacts/screenshots/<language>/``.

``test_every_page_type_and_html_route_is_visited`` keeps the lists whole: a page type of the
package or a route of its namespace that no list visits and :data:`EXCLUDED` does not name
fails it, so a page added tomorrow is a page checked tomorrow.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from sandbox.home.demo_content import load_modules
from tests.browser.accessibility import accessibility_violations, describe_violations
from tests.browser.journeys import sign_in
from tests.browser.partners_demo import build_partner_demo
from tests.text_direction import arabic_under_latin, unisolated_latin

SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
LANGUAGES = ["en", "fr", "ar"]
DIRECTIONS = {"en": "ltr", "fr": "ltr", "ar": "rtl"}
PHOTOGRAPHED = ["ar", "fr"]

# The demo content each list reaches (sandbox/home/demo*.py).
CATALOGUE_FILTER = "?axis=project-engineering"
NO_MATCH = "?q=zzzqqq"
PREVIEW_COURSE = "project-engineering-foundations"
ENROLLED_COURSE = "cultural-projects-link-with-morocco"
PREREQUISITE_COURSE = "monitoring-evaluation-reporting"
LOCKED_COURSE = "school-support-children-abroad"
WORKSHOP_WITH_SEATS = "project-engineering-paris"
FULL_WORKSHOP = "women-leadership-turin"
PAST_WORKSHOP = "association-accounts-lyon"
OPEN_CALL = "partnership-programme-current"
DECIDED_CALL = "partnership-programme-previous"
# The case study written in each language, and one translated into it in part (its title,
# summary and tags; its story and facts still in the language they were written in).
CASE_STUDIES = {
    "en": ("home-visits-elderly-rotterdam", "soutien-scolaire-raval-barcelone"),
    "fr": ("soutien-scolaire-raval-barcelone", "maktab-irshad-qanouni-torino"),
    "ar": ("maktab-irshad-qanouni-torino", "home-visits-elderly-rotterdam"),
}
# Content a reader of each language follows a link to in another language, not translated into
# theirs (``?not_translated=``): (page type, slug, the language it is in).
FRENCH_ONLY_COURSE = "crowdfunding-association-projects"
UNTRANSLATED_CASE_STUDIES = {
    "en": ("mentorat-jeunes-emploi-lyon", "fr"),
    "fr": ("home-visits-elderly-rotterdam", "en"),
    "ar": ("mentorat-jeunes-emploi-lyon", "fr"),
}
# A language in which a reader of each language opens a page that is translated into theirs.
ANOTHER_LANGUAGE = {"en": "fr", "fr": "ar", "ar": "en"}

# The association of the demo learner, funded by last year's call.
FUNDED_ASSOCIATION = "Association Jeunesse Maroc-France"
# The committee's ranking shows this many applications a page (calls/chair_views.py).
RANKING_PAGE_SIZE = 100

# Package routes and page types no list visits, and why.
EXCLUDED = {
    "capacity_lms:calls_minutes": "the minutes' PDF, not HTML; the chair's only",
    "capacity_lms:calls_decide": "POST only: the chair's decision, then a redirect",
    "capacity_lms:calls_stage": "POST only: the chair moves the call on, then a redirect",
    "capacity_lms:set_language": "POST only: the language switcher's action, a redirect",
    "capacity_lms:workshop_register": "POST only: registers and redirects",
    "capacity_lms:workshop_cancel": "POST only: cancels and redirects",
    "capacity_lms:workshop_calendar": "an iCalendar feed (.ics), not HTML",
    "capacity_lms:session_calendar": "an iCalendar feed (.ics), not HTML",
    "capacity_lms:course_calendar": "an iCalendar feed (.ics), not HTML",
    "capacity_lms:country_calendar": "an iCalendar feed (.ics), not HTML",
    "capacity_lms:trainer_calendar": "an iCalendar feed (.ics), not HTML",
    "capacity_lms:personal_calendar": "an iCalendar feed (.ics), not HTML",
    "capacity_lms:attendance_export_workshop": "a CSV or XLSX file, not HTML",
    "capacity_lms:attendance_export_rates": "a CSV file, not HTML",
    "capacity_lms:attendance_export_meeting": "a CSV or XLSX file, not HTML",
    "capacity_lms:certificate_keys": "the public keys as JSON (JWKS), not HTML",
    "capacity_lms:certificate_download": "the certificate's PDF, not HTML",
    "capacity_lms:certificate_signed": "the signed certificate (JWS), not HTML",
    "capacity_lms:certificate_open_badge": "the certificate's Open Badges credential (JSON)",
    "capacity_lms:credential_did": "the programme's DID document (JSON), not HTML",
    "capacity_lms:credential_status_list": "a signed revocation list (JSON), not HTML",
    "capacity_lms:certificate_verify_credential": (
        "POST only: answers with the verification page (visited as certificate_verify) or "
        "the verification form with a message"
    ),
    "capacity_lms:library_rss": "an RSS feed, not HTML",
    "capacity_lms:library_atom": "an Atom feed, not HTML",
    "capacity_lms:case_study_pdf": "the case study's PDF, not HTML",
    "capacity_lms:case_study_attachment": "a submitted file, served as a download, not HTML",
    "capacity_lms:exchange_attachment": "a post's file, served as a download, not HTML",
    "capacity_lms:association_join_registered": "POST only: asks to join, then redirects",
    "capacity_lms:association_request_withdraw": "POST only: withdraws, then redirects",
    "capacity_lms:association_request_accept": "POST only: accepts, then redirects",
    "capacity_lms:association_request_refuse": "POST only: refuses, then redirects",
    "capacity_lms:directory_associations_rss": "an RSS feed, not HTML",
    "capacity_lms:directory_associations_atom": "an Atom feed, not HTML",
    "capacity_lms:directory_offers_rss": "an RSS feed, not HTML",
    "capacity_lms:directory_offers_atom": "an Atom feed, not HTML",
    "capacity_lms:network_partnership_confirm": "POST only: confirms and redirects",
    "capacity_lms:network_partnership_decline": "POST only: declines and redirects",
    "capacity_lms:network_partnership_end": "POST only: ends and redirects",
    "capacity_lms:network_offer_close": "POST only: closes and redirects",
    "capacity_lms:network_message_read": "POST only: marks read and redirects",
    "capacity_lms:application_start": "POST only: starts an application, then redirects",
    "capacity_lms:application_submit": "POST only: submits, then redirects",
    "capacity_lms:application_withdraw": "POST only: withdraws, then redirects",
    "capacity_lms:application_reopen": "POST only: reopens as a draft, then redirects",
    "capacity_lms:application_budget_download": "the budget as an XLSX file, not HTML",
    "capacity_lms:application_document_download": (
        "an application's document, served as a download, not HTML"
    ),
    "capacity_lms:application_document_remove": "POST only: removes a document, then redirects",
    "capacity_lms:exchange_new_thread": (
        "POST only: starts a thread, then redirects; its refusal page is the visit "
        "exchange-new-thread-empty"
    ),
    "capacity_lms:exchange_reply": (
        "POST only: replies, then redirects; its refusal page is the visit exchange-reply-empty"
    ),
    "capacity_lms:exchange_follow_space": "POST only: follows a space, then redirects",
    "capacity_lms:exchange_follow_thread": "POST only: follows a thread, then redirects",
    "capacity_lms:exchange_thread_read": "POST only: marks a thread read, then redirects",
    "capacity_lms:exchange_solution": "POST only: marks the answer, then redirects",
    "capacity_lms:exchange_lock": "POST only: locks or unlocks a thread, then redirects",
    "capacity_lms:exchange_delete_post": "POST only: deletes one's post, then redirects",
    "capacity_lms:exchange_hide_post": "POST only: a moderator hides a post, then redirects",
    "capacity_lms:exchange_show_post": "POST only: a moderator shows a post, then redirects",
    "capacity_lms:exchange_dismiss_reports": "POST only: dismisses reports, then redirects",
    "capacity_lms:workbook_alerts": "POST only: a trainer's choice of e-mails, then redirects",
    "capacity_lms:workbook_file": "a workbook step's file, served as a download, not HTML",
    "capacity_lms:workbook_xlsx": "a workbook's logical framework and budget as XLSX, not HTML",
    "capacity_lms:workbook_pdf": "the whole workbook's PDF, not HTML",
    "capacity_lms:exchange_remove_person": "POST only: removes a person, then redirects",
    "capacity_lms:exchange_readmit": "POST only: lets a person back, then redirects",
    "capacity_lms:exchange_space_settings": "POST only: saves a space's settings, redirects",
}


@dataclass(frozen=True)
class Visit:
    """One page to check: what it covers, how to reach it, what to do there first.

    ``target(demo)`` gives a path, or a page whose URL is the path, or None when the language
    has no such page; ``query`` (a string, or ``query(demo)``) is added to it.
    ``covers`` names the route (``namespace:name``) or page type (``app_label.Model``) the
    page is; the test checks the claim. ``act(page, demo)`` brings the page to the state to
    check (a form sent, a button pressed); ``settings`` are in force while it is visited.
    """

    name: str
    covers: str
    target: object
    query: object = ""
    status: int = 200
    act: object = None
    settings: dict = field(default_factory=dict)
    photographed: bool = False


def localized(language, name, *args, **kwargs):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def demo_pages(language):
    """The demo objects the lists reach, in ``language``."""
    from capacity_lms.calls.followup_models import ProjectReport
    from capacity_lms.calls.pages import CallIndexPage, CallPage
    from capacity_lms.certificates.models import Certificate
    from capacity_lms.library.models import CaseStudyPage, LibraryIndexPage
    from capacity_lms.network.pages import DirectoryPage
    from capacity_lms.network.profiles import public_associations
    from capacity_lms.workshops.models import Session
    from courses.models import CatalogueIndexPage, CoursePage, LessonPage
    from sandbox.home.models import HomePage

    in_language = {"locale__language_code": language}

    def course(slug):
        return CoursePage.objects.get(slug=slug, **in_language)

    def lesson(course_page, **filters):
        lessons = LessonPage.objects.child_of(course_page).live().specific().order_by("path")
        return lessons.filter(**filters).first()

    enrolled = course(ENROLLED_COURSE)
    quiz_lesson = next(each for each in enrolled.lessons().specific() if each.quizzes)
    original, translated = CASE_STUDIES[language]
    untranslated, untranslated_in = UNTRANSLATED_CASE_STUDIES[language]
    certificates = Certificate.objects.select_related("user")
    return SimpleNamespace(
        language=language,
        home=HomePage.objects.get(**in_language),
        catalogue=CatalogueIndexPage.objects.get(**in_language),
        preview_course=course(PREVIEW_COURSE),
        preview_lesson=lesson(course(PREVIEW_COURSE), is_preview=True),
        prerequisite_course=course(PREREQUISITE_COURSE),
        enrolled_course=enrolled,
        quiz_lesson=quiz_lesson,
        locked_lesson=lesson(course(LOCKED_COURSE), is_preview=False),
        library=LibraryIndexPage.objects.get(**in_language),
        case_study=CaseStudyPage.objects.get(slug=original, **in_language),
        translated_case_study=(
            CaseStudyPage.objects.get(slug=translated, **in_language) if translated else None
        ),
        untranslated_course=(
            None if language == "fr" else CoursePage.objects.get(slug=FRENCH_ONLY_COURSE)
        ),
        untranslated_case_study=CaseStudyPage.objects.get(
            slug=untranslated, locale__language_code=untranslated_in
        ),
        course_in_another_language=CoursePage.objects.get(
            slug=PREVIEW_COURSE, locale__language_code=ANOTHER_LANGUAGE[language]
        ),
        certificate=certificates.filter(user__username="learner").live().first(),
        revoked_certificate=certificates.filter(user__username="sanae").first(),
        past_session=Session.objects.get(workshop__slug=PAST_WORKSHOP),
        directory=DirectoryPage.objects.get(**in_language),
        listed_association=public_associations().order_by("pk").first(),
        calls=CallIndexPage.objects.get(**in_language),
        open_call=CallPage.objects.get(slug=OPEN_CALL, **in_language),
        decided_call=CallPage.objects.get(slug=DECIDED_CALL, **in_language),
        # Last year's funded project of the learner's association: its interim report is
        # approved, its final report due.
        funded_interim=ProjectReport.objects.get(
            application__association__name=FUNDED_ASSOCIATION, number=1
        ),
        funded_final=ProjectReport.objects.get(
            application__association__name=FUNDED_ASSOCIATION, number=2
        ),
    )


def meeting_now():
    """A meeting of the Paris workshop (the demo trainer's, the demo learner registered)
    happening now, whose check-in is open: the demo's meetings are past or to come."""
    from django.utils import timezone

    from capacity_lms.workshops.models import Workshop
    from sandbox.testing.factories import SessionFactory

    now = timezone.now().astimezone(datetime.UTC).replace(second=0, microsecond=0)
    midnight = now.replace(hour=0, minute=0)
    start = max(now - datetime.timedelta(minutes=10), midnight)
    end = min(now + datetime.timedelta(minutes=60), midnight.replace(hour=23, minute=59))
    return SessionFactory(
        workshop=Workshop.objects.get(slug=WORKSHOP_WITH_SEATS),
        date=start.date(),
        start_time=start.time(),
        end_time=end.time(),
        time_zone="UTC",
    )


def wrong_answers(lesson):
    """For each question of the demo lesson's quiz, the position of its first wrong answer."""
    course = next(module for module in load_modules() if module["slug"] == lesson.course.slug)
    content = next(each for each in course["lessons"] if each["slug"] == lesson.slug)
    return [
        next(n for n, option in enumerate(question["options"]) if not option["correct"])
        for question in content["quiz"]["questions"]
    ]


# What is done on a page before it is checked.


def send(page, button, status):
    """Press ``button`` (a selector) and check the status of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.locator(button).click()
    if navigation.value.status != status:
        raise AssertionError(f"sending the form answered {navigation.value.status}, not {status}")


def sign_in_wrongly(page, demo):
    page.locator("#id_username").fill("learner")
    page.locator("#id_password").fill("not the password")
    page.locator("form.cl-form button[type=submit]").click()
    expect(page.locator("#login-errors")).to_be_visible()


def check_signed_file_offline(page, demo):
    page.locator("#cl-offline-token").fill(demo.certificate.signed_payload)
    page.locator("#cl-offline-form [type=submit]").click()
    expect(page.locator("#cl-offline-result .cl-verdict--valid")).to_have_count(1)


def send_the_quiz_empty(page, demo):
    page.locator("form.cl-quiz__form button[type=submit]").click()
    expect(page.locator(".cl-quiz .cl-message--error")).to_be_visible()


def answer_the_quiz_wrongly(page, demo):
    questions = page.locator("form.cl-quiz__form fieldset.cl-question")
    for number, position in enumerate(wrong_answers(demo.quiz_lesson)):
        questions.nth(number).locator("input").nth(position).check()
    page.locator("form.cl-quiz__form button[type=submit]").click()
    expect(page.locator(".cl-quiz p.cl-status[role=status]")).to_be_visible()


def send_the_submission_empty(page, demo):
    page.locator("form.cl-submission button[type=submit]").click()
    expect(page.locator("#submission-errors")).to_be_visible()


def send_the_registration_empty(page, demo):
    page.locator("form.cl-submission button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()


def leads_the_funded_association():
    """The demo learner, a member of the funded association, as its admin (who files reports)."""
    from capacity_lms.people.models import Membership

    Membership.objects.filter(
        user__username="learner", association__name=FUNDED_ASSOCIATION
    ).update(role=Membership.Role.LEADER)


def send_the_questionnaire_empty(page, demo):
    send(page, "main form.cl-questionnaire button[type=submit]", status=400)


def capacities_of_the_funded_association(demo):
    from capacity_lms.people.models import Association

    association = Association.objects.get(name=FUNDED_ASSOCIATION)
    return localized(demo.language, "capacity_lms:association_capacities", association.pk)


def association_route(name, attribute):
    return lambda demo: localized(demo.language, name, getattr(demo, attribute).pk)


def associations_of_the_learner():
    """The demo learner as the admin of an association with a request to join waiting, and a
    verified association they may ask to join."""
    from django.contrib.auth import get_user_model

    from capacity_lms.people.models import Membership
    from capacity_lms.people.records import MembershipRequest
    from sandbox.testing.factories import AssociationFactory, UserFactory

    learner = get_user_model().objects.get(username="learner")
    led = AssociationFactory(name="Jeunesse Solidaire Agadir-Bruxelles", city="Bruxelles")
    Membership.objects.create(user=learner, association=led, role=Membership.Role.LEADER)
    MembershipRequest.objects.create(
        user=UserFactory(username="asker", first_name="Sara", last_name="Amrani"),
        association=led,
        message="Bonjour, je voudrais aider.",
    )
    other = AssociationFactory(name="Atlas Entraide Montréal", city="Montréal")
    return led, other


def application_of_the_learner(led_association, open_call):
    """The application of the association the demo learner leads to the open call, complete,
    with a version kept (the demo data has none for that association)."""
    from capacity_lms.calls.applications import snapshot
    from sandbox.testing.call_factories import application_for

    application = application_for(open_call, led_association)
    application.versions.create(number=1, snapshot=snapshot(application))
    return application


def follow_up_of_the_learner(demo):
    """The path of the follow-up of the demo learner's certificate, sent and not answered
    (written here, with the demo's follow-up questionnaire)."""
    from django.utils import timezone

    from capacity_lms.evaluation.follow_ups import active_questionnaire
    from capacity_lms.evaluation.models import FollowUp, Questionnaire
    from sandbox.testing.questionnaire_factories import make_questionnaire, scale, section

    questionnaire = active_questionnaire() or make_questionnaire(
        kind=Questionnaire.Kind.FOLLOW_UP, sections=[section("Since", [scale("We used it.")])]
    )
    follow_up, _created = FollowUp.objects.update_or_create(
        certificate=demo.certificate,
        defaults={
            "user": demo.certificate.user,
            "questionnaire": questionnaire,
            "due_on": timezone.localdate(),
            "sent_at": timezone.now(),
            "answered_at": None,
            "answers": {},
            "score": None,
        },
    )
    return localized(demo.language, "capacity_lms:follow_up", follow_up.pk)


def reaction_of_the_learner(state):
    """A target: the demo learner's reaction to a meeting of the past Lyon workshop (the demo
    trainer's), written here: ``open`` (not answered), ``answered`` (read-only) or ``closed``
    (its window over)."""

    def target(demo):
        import datetime

        from django.contrib.auth import get_user_model
        from django.utils import timezone

        from capacity_lms.evaluation.models import Reaction, ReactionRequest

        learner = get_user_model().objects.get(username="learner")
        session = demo.past_session
        day = session.occurrence_dates()[{"open": -1, "answered": -2, "closed": 0}[state]]
        opens_at = timezone.now() - datetime.timedelta(days=20 if state == "closed" else 1)
        request, _created = ReactionRequest.objects.update_or_create(
            user=learner,
            subject=ReactionRequest.Subject.MEETING,
            session=session,
            occurrence_date=day,
            defaults={"opens_at": opens_at, "closes_at": opens_at + datetime.timedelta(days=14)},
        )
        request.trainers.set(session.workshop.trainers.all())
        Reaction.objects.filter(request=request).delete()
        if state == "answered":
            Reaction.objects.create(
                request=request,
                content_rating=4,
                trainer_rating=5,
                comment="Des exemples très concrets, merci.",
                signed=True,
                answered_at=opens_at,
            )
        return localized(demo.language, "capacity_lms:reaction", request.pk)

    return target


def reactions_about_the_trainer(demo):
    """Six answers about the past Lyon workshop of the demo trainer (enough for its figures),
    with an unsigned comment in Arabic and a signed one in French; the path of the trainer's
    page."""
    from django.utils import timezone

    from capacity_lms.evaluation.models import Reaction, ReactionRequest
    from sandbox.testing.factories import UserFactory

    session = demo.past_session
    day = session.occurrence_dates()[0]
    now = timezone.now()
    comments = {0: ("كان الإيقاع سريعا بعض الشيء.", False), 1: ("Très clair, merci.", True)}
    for number in range(6):
        person = UserFactory(username=f"reaction-{number}", first_name="Nadia", last_name="Amrani")
        request, _created = ReactionRequest.objects.get_or_create(
            user=person,
            subject=ReactionRequest.Subject.MEETING,
            session=session,
            occurrence_date=day,
            defaults={"opens_at": now, "closes_at": now},
        )
        request.trainers.set(session.workshop.trainers.all())
        comment, signed = comments.get(number, ("", False))
        Reaction.objects.get_or_create(
            request=request,
            defaults={
                "content_rating": 3 + number % 3,
                "trainer_rating": 4,
                "comment": comment,
                "signed": signed,
                "answered_at": now,
            },
        )
    return localized(demo.language, "capacity_lms:reaction_mine")


def all_reactions(demo):
    """Staff's page of every trainer's reactions, with those about the demo trainer."""
    reactions_about_the_trainer(demo)
    return localized(demo.language, "capacity_lms:reaction_all")


def send_the_reaction_empty(page, demo):
    send(page, "main form.cl-form button[type=submit]", status=400)


def association_named(name):
    from capacity_lms.people.models import Association

    return Association.objects.get(name=name)


def application_route(name, **kwargs):
    return lambda demo: localized(demo.language, name, pk=demo.application.pk, **kwargs)


def create_the_calendar_address(page, demo):
    page.locator("button[name=action][value=create]").click()
    expect(page.locator("button[name=action][value=revoke]")).to_be_visible()


def type_a_wrong_code(page, demo):
    from capacity_lms.attendance.checkin import current_short_code

    code = current_short_code(demo.meeting, demo.meeting.date)
    page.locator("#check-in-code").fill(f"{(int(code) + 1) % 1_000_000:06d}")
    page.locator("form.cl-check-in__code button").click()
    expect(page.locator("[data-refusal]").first).to_be_visible()


def type_any_code_too_often(page, demo):
    page.locator("#check-in-code").fill("000000")
    send(page, "form.cl-check-in__code button", status=429)


def send_the_submission_too_often(page, demo):
    send(page, "form.cl-submission button[type=submit]", status=429)


def check_in_from_the_link(page, demo):
    page.locator(".cl-check-in__button").click()
    expect(page.locator("[data-outcome=marked]")).to_be_visible()


def expect_the_translation_notice(page, demo):
    notice = page.locator(".cl-translation-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("lang", demo.language)


def send_the_import_empty(page, demo):
    page.locator("main form[enctype] button[type=submit]").click()
    expect(page.locator("main form .errorlist").first).to_be_visible()


def check_in_token(demo):
    from capacity_lms.attendance.checkin import make_token

    return localized(
        demo.language,
        "capacity_lms:check_in_token",
        token=make_token(demo.meeting, demo.meeting.date),
    )


def meeting(name, session_attribute, day_of=lambda session: session.date):
    def target(demo):
        session = getattr(demo, session_attribute)
        return localized(demo.language, name, session_pk=session.pk, day=day_of(session))

    return target


def route(name, *args, **kwargs):
    return lambda demo: localized(demo.language, name, *args, **kwargs)


def certificate_path(attribute):
    return lambda demo: localized(
        demo.language, "capacity_lms:certificate_verify", f"{getattr(demo, attribute).code}/"
    )


def unknown_code(demo):
    code = demo.certificate.code
    unknown = code[:-1] + ("A" if code[-1] != "A" else "B")
    return localized(demo.language, "capacity_lms:certificate_verify", f"{unknown}/")


def from_a_reader_of_the_language(demo):
    """The query of a link to a page in another language than the reader's."""
    from capacity_lms.core.translation import not_translated_url

    return not_translated_url("", demo.language)


def send_the_network_form_empty(page, demo):
    page.locator("main form.cl-form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()


def send_a_message_too_often(page, demo):
    page.locator("#id_body").fill("Bonjour")
    send(page, "main form.cl-form button[type=submit]", status=429)


def network(name, attribute=None, **kwargs):
    """A route of the network naming one of ``demo.partners``' objects (its pk)."""

    def target(demo):
        args = (getattr(demo.partners, attribute).pk,) if attribute else ()
        return localized(demo.language, name, *args, **kwargs)

    return target


def about_the_offer(demo):
    return f"?about={demo.partners.offer.pk}"


def limited(scope):
    """Settings under which ``scope`` refuses every request with its 429 page."""
    return {"CAPACITY_LMS_RATE_LIMITS": {scope: "0/3600"}}


def exchange_demo():
    """The demo's exchange spaces the lists reach (sandbox/demo_content/exchange): the Paris
    workshop's cohort space and its answered question, the learner's partnership's space, a
    topic space, a case study's discussion, the conversation about Sefrou's need."""
    from capacity_lms.exchange.models import Thread
    from capacity_lms.exchange.notices import unsubscribe_token

    question = Thread.objects.get(space__kind="workshop")
    posts = list(question.posts.order_by("created_at", "pk"))
    return SimpleNamespace(
        cohort=question.space,
        question=question,
        asked=posts[0],
        answer=posts[1],
        partnership=Thread.objects.get(space__kind="partnership").space,
        topic=Thread.objects.filter(space__kind="axis").order_by("pk").first().space,
        discussion=Thread.objects.get(space__kind="case_study").space,
        conversation=Thread.objects.get(space__kind="offer").space,
        unsubscribe=unsubscribe_token(posts[0].author),
    )


def workbook_step(kind):
    """The demo learner's association's step of ``kind`` (demo_workbook.py), in the lesson of
    the visit's language."""

    def target(demo):
        from capacity_lms.workbook.models import Deliverable
        from courses.models import LessonPage

        deliverable = Deliverable.objects.select_related("workbook").get(kind=kind)
        lesson = LessonPage.objects.get(
            translation_key=deliverable.lesson_key, locale__language_code=demo.language
        )
        return localized(
            demo.language,
            "capacity_lms:workbook_step",
            deliverable.workbook.association_id,
            lesson.pk,
            deliverable.step_id,
        )

    return target


def workbook_review(kind):
    def target(demo):
        from capacity_lms.workbook.models import Deliverable

        pk = Deliverable.objects.get(kind=kind).pk
        return localized(demo.language, "capacity_lms:workbook_review", pk)

    return target


def workbook_import(demo):
    """The import page of the demo learner's association's workbook (its logframe accepted
    and budget submitted: the page says why no file is taken now)."""
    from capacity_lms.workbook.models import Deliverable

    pk = Deliverable.objects.get(kind="logframe").workbook_id
    return localized(demo.language, "capacity_lms:workbook_import", pk)


def exchange(name, attribute):
    """A route of the exchange naming one of ``demo.exchange``'s spaces, threads or posts."""

    def target(demo):
        found = getattr(demo.exchange, attribute)
        if attribute in ("cohort", "partnership", "topic", "discussion", "conversation"):
            return localized(demo.language, name, found.kind, found.target_key())
        return localized(demo.language, name, found.pk)

    return target


def send_the_thread_form_empty(page, demo):
    page.locator("main form[action$='/new/'] button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()


def send_the_reply_empty(page, demo):
    page.locator("main form[action$='/reply/'] button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()


def committee_at_work(demo):
    """The demo committee with work to do on this year's call (the demo's reviews are all
    last year's, declared and submitted): its submitted applications found eligible, reviewer2
    assigned to two of them, one declared free of conflict (its scoring form open), the other
    not declared yet; and enough reviewed applications for a second page of ranking."""
    import random

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from capacity_lms.calls.models import Application
    from capacity_lms.calls.review_models import ReviewAssignment
    from sandbox.testing.committee_factories import bulk_reviewed_applications

    users = get_user_model().objects.in_bulk(
        ["reviewer1", "reviewer2", "reviewer3"], field_name="username"
    )
    demo.current_call = demo.open_call.canonical()
    demo.previous_call = demo.decided_call.canonical()
    submitted = Application.objects.filter(
        call=demo.current_call, status=Application.Status.SUBMITTED
    ).order_by("pk")
    to_declare, to_score = submitted[:2]
    submitted.update(status=Application.Status.ELIGIBLE)
    demo.undeclared = ReviewAssignment.objects.create(
        application=to_declare, reviewer=users["reviewer2"], assigned_by=users["reviewer1"]
    )
    ReviewAssignment.objects.create(
        application=to_score,
        reviewer=users["reviewer2"],
        assigned_by=users["reviewer1"],
        conflict=False,
        declared_at=timezone.now(),
    )
    demo.to_score, demo.to_assign = to_score, to_declare
    last_year = ReviewAssignment.objects.filter(application__call=demo.previous_call)
    demo.reviewed = (
        last_year.filter(reviewer=users["reviewer2"], submitted_at__isnull=False)
        .order_by("pk")
        .first()
        .application
    )
    demo.conflicted = last_year.filter(conflict=True).first().application
    bulk_reviewed_applications(
        demo.current_call,
        [users["reviewer2"], users["reviewer3"]],
        RANKING_PAGE_SIZE + 1,
        random.Random(22),
    )


def committee_route(name, attribute):
    return lambda demo: localized(demo.language, name, getattr(demo, attribute).pk)


def send_the_form_empty(page, demo):
    send(page, "main form.cl-form button[type=submit]", status=200)
    expect(page.locator("#form-errors")).to_be_visible()


VISITOR = [
    Visit("home", "sandbox_home.HomePage", lambda demo: demo.home, photographed=True),
    Visit("programme", "capacity_lms:programme", route("capacity_lms:programme")),
    Visit(
        "catalogue",
        "capacity_courses.CatalogueIndexPage",
        lambda demo: demo.catalogue,
        photographed=True,
    ),
    Visit(
        "catalogue-filtered",
        "capacity_courses.CatalogueIndexPage",
        lambda demo: demo.catalogue,
        query=CATALOGUE_FILTER,
    ),
    Visit(
        "catalogue-no-match",
        "capacity_courses.CatalogueIndexPage",
        lambda demo: demo.catalogue,
        query=NO_MATCH,
    ),
    Visit(
        "course",
        "capacity_courses.CoursePage",
        lambda demo: demo.preview_course,
        photographed=True,
    ),
    Visit("preview-lesson", "capacity_courses.LessonPage", lambda demo: demo.preview_lesson),
    Visit("library", "capacity_lms.LibraryIndexPage", lambda demo: demo.library),
    # Calls for projects: the list (current and archive), this year's open call, last year's.
    Visit("calls", "capacity_lms.CallIndexPage", lambda demo: demo.calls, photographed=True),
    Visit("open-call", "capacity_lms.CallPage", lambda demo: demo.open_call, photographed=True),
    Visit("decided-call", "capacity_lms.CallPage", lambda demo: demo.decided_call),
    # The association directory: its index (filtered, and matching nothing), the map and a
    # verified association's page are routes of the one DirectoryPage.
    Visit(
        "directory", "capacity_lms.DirectoryPage", lambda demo: demo.directory, photographed=True
    ),
    Visit(
        "directory-filtered",
        "capacity_lms.DirectoryPage",
        lambda demo: demo.directory,
        query="?kind=abroad&country=fr",
    ),
    Visit(
        "directory-no-match",
        "capacity_lms.DirectoryPage",
        lambda demo: demo.directory,
        query=NO_MATCH,
    ),
    Visit(
        "directory-map",
        "capacity_lms.DirectoryPage",
        lambda demo: demo.directory,
        query="map/",
        photographed=True,
    ),
    Visit(
        "association",
        "capacity_lms.DirectoryPage",
        lambda demo: demo.directory,
        query=lambda demo: f"{demo.listed_association.pk}/",
        photographed=True,
    ),
    Visit(
        "library-no-match",
        "capacity_lms.LibraryIndexPage",
        lambda demo: demo.library,
        query=NO_MATCH,
    ),
    Visit(
        "case-study",
        "capacity_lms.CaseStudyPage",
        lambda demo: demo.case_study,
        photographed=True,
    ),
    Visit(
        "translated-case-study",
        "capacity_lms.CaseStudyPage",
        lambda demo: demo.translated_case_study,
    ),
    # Followed from a listing in the reader's language: the page says so in that language.
    Visit(
        "untranslated-course",
        "capacity_courses.CoursePage",
        lambda demo: demo.untranslated_course,
        query=from_a_reader_of_the_language,
        act=expect_the_translation_notice,
    ),
    Visit(
        "untranslated-case-study",
        "capacity_lms.CaseStudyPage",
        lambda demo: demo.untranslated_case_study,
        query=from_a_reader_of_the_language,
        act=expect_the_translation_notice,
    ),
    Visit(
        "course-in-another-language",
        "capacity_courses.CoursePage",
        lambda demo: demo.course_in_another_language,
        query=from_a_reader_of_the_language,
        act=expect_the_translation_notice,
    ),
    Visit("workshops", "capacity_lms:workshop_list", route("capacity_lms:workshop_list")),
    Visit(
        "workshop",
        "capacity_lms:workshop_detail",
        route("capacity_lms:workshop_detail", slug=WORKSHOP_WITH_SEATS),
        photographed=True,
    ),
    Visit(
        "full-workshop",
        "capacity_lms:workshop_detail",
        route("capacity_lms:workshop_detail", slug=FULL_WORKSHOP),
    ),
    Visit(
        "verify",
        "capacity_lms:certificate_verify_index",
        route("capacity_lms:certificate_verify_index"),
    ),
    Visit(
        "certificate",
        "capacity_lms:certificate_verify",
        certificate_path("certificate"),
        photographed=True,
    ),
    Visit(
        "revoked-certificate",
        "capacity_lms:certificate_verify",
        certificate_path("revoked_certificate"),
    ),
    Visit("unknown-certificate", "capacity_lms:certificate_verify", unknown_code, status=404),
    Visit(
        "verify-too-many",
        "capacity_lms:certificate_verify",
        certificate_path("certificate"),
        status=429,
        settings=limited("certificate_verify"),
    ),
    Visit(
        "offline", "capacity_lms:certificate_offline", route("capacity_lms:certificate_offline")
    ),
    Visit(
        "offline-checked",
        "capacity_lms:certificate_offline",
        route("capacity_lms:certificate_offline"),
        act=check_signed_file_offline,
    ),
    Visit("sign-in", "login", route("login")),
    Visit("sign-in-error", "login", route("login"), act=sign_in_wrongly),
    Visit("network-board", "capacity_lms:network_board", network("capacity_lms:network_board")),
    Visit(
        "network-offer",
        "capacity_lms:network_offer",
        network("capacity_lms:network_offer", "offer"),
    ),
]

LEARNER = [
    # A signed-in member reads the call's dates in their own zone too.
    Visit("open-call-signed-in", "capacity_lms.CallPage", lambda demo: demo.open_call),
    # The follow-up of the learner's association's funded project (the learner is its admin
    # here): the project, an approved report, and the final report's form, empty and sent.
    Visit(
        "my-funded-projects",
        "capacity_lms:calls_my_projects",
        route("capacity_lms:calls_my_projects"),
        photographed=True,
    ),
    Visit(
        "funded-report-approved",
        "capacity_lms:calls_report",
        lambda demo: localized(demo.language, "capacity_lms:calls_report", demo.funded_interim.pk),
    ),
    Visit(
        "funded-report-form",
        "capacity_lms:calls_report",
        lambda demo: localized(demo.language, "capacity_lms:calls_report", demo.funded_final.pk),
    ),
    Visit(
        "funded-report-form-empty",
        "capacity_lms:calls_report",
        lambda demo: localized(demo.language, "capacity_lms:calls_report", demo.funded_final.pk),
        act=send_the_network_form_empty,
    ),
    Visit(
        "my-learning",
        "capacity_lms:my_learning",
        route("capacity_lms:my_learning"),
        photographed=True,
    ),
    # The catalogue and the library show a member their statuses and what they may do.
    Visit("catalogue", "capacity_courses.CatalogueIndexPage", lambda demo: demo.catalogue),
    Visit("library", "capacity_lms.LibraryIndexPage", lambda demo: demo.library),
    # Completed in French (the demo history); in English and Arabic, not enrolled yet.
    Visit("foundations-course", "capacity_courses.CoursePage", lambda demo: demo.preview_course),
    # Its prerequisite is the foundations module: completed in French only.
    Visit(
        "course-with-prerequisite",
        "capacity_courses.CoursePage",
        lambda demo: demo.prerequisite_course,
    ),
    Visit("enrolled-course", "capacity_courses.CoursePage", lambda demo: demo.enrolled_course),
    Visit(
        "lesson-quiz",
        "capacity_courses.LessonPage",
        lambda demo: demo.quiz_lesson,
        photographed=True,
    ),
    Visit(
        "lesson-quiz-empty",
        "capacity_courses.LessonPage",
        lambda demo: demo.quiz_lesson,
        act=send_the_quiz_empty,
    ),
    Visit(
        "lesson-quiz-wrong",
        "capacity_courses.LessonPage",
        lambda demo: demo.quiz_lesson,
        act=answer_the_quiz_wrongly,
    ),
    Visit(
        "locked-lesson", "capacity_courses.LessonPage", lambda demo: demo.locked_lesson, status=403
    ),
    Visit(
        "submit-case-study",
        "capacity_lms:case_study_submit",
        lambda demo: localized(demo.language, "capacity_lms:case_study_submit", demo.library.pk),
    ),
    Visit(
        "submit-case-study-empty",
        "capacity_lms:case_study_submit",
        lambda demo: localized(demo.language, "capacity_lms:case_study_submit", demo.library.pk),
        act=send_the_submission_empty,
    ),
    Visit("my-submissions", "capacity_lms:my_submissions", route("capacity_lms:my_submissions")),
    Visit(
        "registered-workshop",
        "capacity_lms:workshop_detail",
        route("capacity_lms:workshop_detail", slug=WORKSHOP_WITH_SEATS),
    ),
    Visit(
        "waiting-list-workshop",
        "capacity_lms:workshop_detail",
        route("capacity_lms:workshop_detail", slug=FULL_WORKSHOP),
    ),
    Visit("my-calendar", "capacity_lms:my_calendar", route("capacity_lms:my_calendar")),
    Visit(
        "my-calendar-address",
        "capacity_lms:my_calendar",
        route("capacity_lms:my_calendar"),
        act=create_the_calendar_address,
    ),
    Visit("check-in", "capacity_lms:check_in", route("capacity_lms:check_in"), photographed=True),
    Visit(
        "check-in-wrong-code",
        "capacity_lms:check_in",
        route("capacity_lms:check_in"),
        act=type_a_wrong_code,
    ),
    Visit("check-in-link", "capacity_lms:check_in_token", check_in_token),
    Visit(
        "checked-in",
        "capacity_lms:check_in_token",
        check_in_token,
        act=check_in_from_the_link,
    ),
    Visit(
        "no-meetings-to-train",
        "capacity_lms:attendance_sessions",
        route("capacity_lms:attendance_sessions"),
    ),
    Visit("my-data", "capacity_lms:my_data", route("capacity_lms:my_data")),
    Visit(
        "my-associations",
        "capacity_lms:association_mine",
        route("capacity_lms:association_mine"),
    ),
    Visit(
        "register-association",
        "capacity_lms:association_register",
        route("capacity_lms:association_register"),
    ),
    Visit(
        "register-association-empty",
        "capacity_lms:association_register",
        route("capacity_lms:association_register"),
        status=200,
        act=send_the_registration_empty,
    ),
    Visit(
        "join-association",
        "capacity_lms:association_join",
        association_route("capacity_lms:association_join", "other_association"),
    ),
    Visit(
        "manage-association",
        "capacity_lms:association_manage",
        association_route("capacity_lms:association_manage", "led_association"),
    ),
    Visit(
        "edit-association",
        "capacity_lms:association_edit",
        association_route("capacity_lms:association_edit", "led_association"),
    ),
    # The application of the association the learner leads, to this year's call (#22).
    Visit(
        "my-applications", "capacity_lms:application_mine", route("capacity_lms:application_mine")
    ),
    Visit(
        "application",
        "capacity_lms:application_edit",
        application_route("capacity_lms:application_edit"),
        photographed=True,
    ),
    Visit(
        "application-sent-empty",
        "capacity_lms:application_edit",
        application_route("capacity_lms:application_edit"),
        act=lambda page, demo: (
            page.locator("#id_sections-title").fill(""),
            send(page, "main form.cl-form button[type=submit]:not([name])", status=400),
        ),
    ),
    Visit(
        "application-logframe",
        "capacity_lms:application_logframe",
        application_route("capacity_lms:application_logframe"),
    ),
    Visit(
        "application-budget-upload",
        "capacity_lms:application_budget_upload",
        application_route("capacity_lms:application_budget_upload"),
    ),
    Visit(
        "application-document-upload",
        "capacity_lms:application_document_upload",
        application_route("capacity_lms:application_document_upload"),
    ),
    Visit(
        "application-version",
        "capacity_lms:application_version",
        application_route("capacity_lms:application_version", number=1),
    ),
    Visit(
        "check-in-too-many",
        "capacity_lms:check_in",
        route("capacity_lms:check_in"),
        act=type_any_code_too_often,
        settings=limited("check_in"),
    ),
    Visit(
        "submit-case-study-too-many",
        "capacity_lms:case_study_submit",
        lambda demo: localized(demo.language, "capacity_lms:case_study_submit", demo.library.pk),
        act=send_the_submission_too_often,
        settings=limited("case_study_submit"),
    ),
    # The associative network: the learner is an admin of their association here.
    Visit(
        "network-board",
        "capacity_lms:network_board",
        network("capacity_lms:network_board"),
        photographed=True,
    ),
    Visit(
        "network-offer",
        "capacity_lms:network_offer",
        network("capacity_lms:network_offer", "offer"),
    ),
    Visit(
        "network-own-need-and-matches",
        "capacity_lms:network_offer",
        network("capacity_lms:network_offer", "need"),
    ),
    Visit(
        "network-post-offer",
        "capacity_lms:network_offer_post",
        network("capacity_lms:network_offer_post"),
    ),
    Visit(
        "network-post-offer-empty",
        "capacity_lms:network_offer_post",
        network("capacity_lms:network_offer_post"),
        act=send_the_network_form_empty,
    ),
    Visit(
        "network-edit-need",
        "capacity_lms:network_offer_edit",
        network("capacity_lms:network_offer_edit", "need"),
    ),
    Visit(
        "network-report-offer",
        "capacity_lms:network_offer_report",
        network("capacity_lms:network_offer_report", "offer"),
    ),
    Visit(
        "network-matches", "capacity_lms:network_matches", network("capacity_lms:network_matches")
    ),
    Visit(
        "network-partnerships",
        "capacity_lms:network_partnerships",
        network("capacity_lms:network_partnerships"),
        photographed=True,
    ),
    Visit(
        "network-declare-partnership",
        "capacity_lms:network_partnership_declare",
        network("capacity_lms:network_partnership_declare"),
    ),
    Visit(
        "network-declare-partnership-empty",
        "capacity_lms:network_partnership_declare",
        network("capacity_lms:network_partnership_declare"),
        act=send_the_network_form_empty,
    ),
    Visit(
        "network-contact",
        "capacity_lms:network_contact",
        network("capacity_lms:network_contact", "theirs"),
        query=about_the_offer,
        photographed=True,
    ),
    Visit(
        "network-contact-too-many",
        "capacity_lms:network_contact",
        network("capacity_lms:network_contact", "theirs"),
        query=about_the_offer,
        act=send_a_message_too_often,
        settings=limited("relayed_message"),
    ),
    Visit(
        "network-messages",
        "capacity_lms:network_messages",
        network("capacity_lms:network_messages"),
    ),
    Visit(
        "network-message",
        "capacity_lms:network_message",
        network("capacity_lms:network_message", "message"),
    ),
    Visit(
        "network-report-message",
        "capacity_lms:network_message_report",
        network("capacity_lms:network_message_report", "message"),
    ),
    Visit(
        "exchange-spaces",
        "capacity_lms:exchange_spaces",
        route("capacity_lms:exchange_spaces"),
        photographed=True,
    ),
    Visit(
        "exchange-search",
        "capacity_lms:exchange_search",
        route("capacity_lms:exchange_search"),
        query="?q=budget",
    ),
    Visit(
        "exchange-cohort",
        "capacity_lms:exchange_space",
        exchange("capacity_lms:exchange_space", "cohort"),
        photographed=True,
    ),
    Visit(
        "exchange-new-thread-empty",
        "capacity_lms:exchange_space",
        exchange("capacity_lms:exchange_space", "cohort"),
        act=send_the_thread_form_empty,
    ),
    Visit(
        "exchange-topic",
        "capacity_lms:exchange_space",
        exchange("capacity_lms:exchange_space", "topic"),
    ),
    Visit(
        "exchange-partnership",
        "capacity_lms:exchange_space",
        exchange("capacity_lms:exchange_space", "partnership"),
    ),
    Visit(
        "exchange-case-study-discussion",
        "capacity_lms:exchange_space",
        exchange("capacity_lms:exchange_space", "discussion"),
    ),
    Visit(
        "exchange-offer-conversation",
        "capacity_lms:exchange_space",
        exchange("capacity_lms:exchange_space", "conversation"),
    ),
    Visit(
        "exchange-thread",
        "capacity_lms:exchange_thread",
        exchange("capacity_lms:exchange_thread", "question"),
        photographed=True,
    ),
    Visit(
        "exchange-reply-empty",
        "capacity_lms:exchange_thread",
        exchange("capacity_lms:exchange_thread", "question"),
        act=send_the_reply_empty,
    ),
    Visit(
        "exchange-notifications",
        "capacity_lms:exchange_notifications",
        route("capacity_lms:exchange_notifications"),
    ),
    Visit(
        "exchange-unsubscribe",
        "capacity_lms:exchange_unsubscribe",
        lambda demo: localized(
            demo.language, "capacity_lms:exchange_unsubscribe", demo.exchange.unsubscribe
        ),
    ),
    Visit(
        "exchange-edit-post",
        "capacity_lms:exchange_edit_post",
        exchange("capacity_lms:exchange_edit_post", "asked"),
    ),
    Visit(
        "exchange-report",
        "capacity_lms:exchange_report",
        exchange("capacity_lms:exchange_report", "answer"),
    ),
    Visit("workbooks", "capacity_lms:workbooks", route("capacity_lms:workbooks")),
    Visit(
        "workbook-needs-draft",
        "capacity_lms:workbook_step",
        workbook_step("needs_analysis"),
        photographed=True,
    ),
    Visit("workbook-logframe-accepted", "capacity_lms:workbook_step", workbook_step("logframe")),
    Visit("workbook-budget-submitted", "capacity_lms:workbook_step", workbook_step("budget")),
    Visit("workbook-import", "capacity_lms:workbook_import", workbook_import),
    # The self-assessment of the association the learner leads (none taken yet), sent empty,
    # and the capacities of the funded association (two years of self-assessments, #25).
    Visit(
        "self-assessment",
        "capacity_lms:self_assessment",
        association_route("capacity_lms:self_assessment", "led_association"),
        photographed=True,
    ),
    Visit(
        "self-assessment-empty",
        "capacity_lms:self_assessment",
        association_route("capacity_lms:self_assessment", "led_association"),
        act=send_the_questionnaire_empty,
    ),
    Visit(
        "association-capacities",
        "capacity_lms:association_capacities",
        capacities_of_the_funded_association,
        photographed=True,
    ),
    # Evaluation (#25): the follow-up of the learner's certificate, shown and sent empty; the
    # timeline of the learner's funded association.
    Visit("follow-up", "capacity_lms:follow_up", follow_up_of_the_learner),
    Visit(
        "follow-up-sent-empty",
        "capacity_lms:follow_up",
        follow_up_of_the_learner,
        act=lambda page, demo: send(page, "main form.cl-questionnaire button[type=submit]", 400),
    ),
    Visit(
        "association-timeline",
        "capacity_lms:association_timeline",
        lambda demo: localized(
            demo.language,
            "capacity_lms:association_timeline",
            association_named(FUNDED_ASSOCIATION).pk,
        ),
    ),
    # Reactions (#25): the form of a meeting the learner attended, sent empty, answered and
    # closed.
    Visit("reaction", "capacity_lms:reaction", reaction_of_the_learner("open"), photographed=True),
    Visit(
        "reaction-sent-empty",
        "capacity_lms:reaction",
        reaction_of_the_learner("open"),
        act=send_the_reaction_empty,
    ),
    Visit("reaction-answered", "capacity_lms:reaction", reaction_of_the_learner("answered")),
    Visit("reaction-closed", "capacity_lms:reaction", reaction_of_the_learner("closed")),
]

TRAINER = [
    Visit("workbook-queue", "capacity_lms:workbook_queue", route("capacity_lms:workbook_queue")),
    Visit(
        "workbook-review",
        "capacity_lms:workbook_review",
        workbook_review("budget"),
        photographed=True,
    ),
    Visit(
        "exchange-moderation",
        "capacity_lms:exchange_moderation",
        exchange("capacity_lms:exchange_moderation", "cohort"),
    ),
    Visit(
        "meetings", "capacity_lms:attendance_sessions", route("capacity_lms:attendance_sessions")
    ),
    Visit(
        "roster",
        "capacity_lms:attendance_roster",
        meeting("capacity_lms:attendance_roster", "meeting"),
    ),
    Visit(
        "past-roster",
        "capacity_lms:attendance_roster",
        meeting("capacity_lms:attendance_roster", "past_session"),
    ),
    Visit(
        "no-meeting",
        "capacity_lms:attendance_roster",
        meeting(
            "capacity_lms:attendance_roster",
            "past_session",
            lambda session: session.date + datetime.timedelta(days=1),
        ),
        status=404,
    ),
    Visit(
        "check-in-screen",
        "capacity_lms:attendance_check_in_screen",
        meeting("capacity_lms:attendance_check_in_screen", "meeting"),
    ),
    Visit(
        "attendance-files",
        "capacity_lms:attendance_transfer",
        route("capacity_lms:attendance_transfer", slug=PAST_WORKSHOP),
    ),
    Visit(
        "import-roster",
        "capacity_lms:attendance_import_roster",
        route("capacity_lms:attendance_import_roster", slug=PAST_WORKSHOP),
    ),
    Visit(
        "import-roster-empty",
        "capacity_lms:attendance_import_roster",
        route("capacity_lms:attendance_import_roster", slug=PAST_WORKSHOP),
        act=send_the_import_empty,
    ),
    Visit(
        "import-online-report",
        "capacity_lms:attendance_import_online",
        route("capacity_lms:attendance_import_online", slug=PAST_WORKSHOP),
    ),
    Visit(
        "submission-refused",
        "capacity_lms:case_study_submit",
        lambda demo: localized(demo.language, "capacity_lms:case_study_submit", demo.library.pk),
        status=403,
    ),
    # Not an admin of any association: told why, in a page of its own.
    Visit(
        "network-declare-refused",
        "capacity_lms:network_partnership_declare",
        network("capacity_lms:network_partnership_declare"),
        status=403,
    ),
    # Reactions (#25): the averages and comments about the trainer's past workshop.
    Visit("reactions-mine", "capacity_lms:reaction_mine", reactions_about_the_trainer),
]

# Programme staff (the demo's "staff"): every trainer's reactions, all and filtered.
STAFF = [
    Visit("reactions-all", "capacity_lms:reaction_all", all_reactions, photographed=True),
    Visit(
        "reactions-all-filtered",
        "capacity_lms:reaction_all",
        route("capacity_lms:reaction_all"),
        query="?since=2020-01-01&until=2020-12-31",
    ),
]

# A reviewer of the demo committee (reviewer2), with this year's work of committee_at_work().
REVIEWER = [
    Visit("my-reviews", "capacity_lms:calls_my_reviews", route("capacity_lms:calls_my_reviews")),
    Visit(
        "declare-interest",
        "capacity_lms:calls_declare",
        committee_route("capacity_lms:calls_declare", "undeclared"),
    ),
    Visit(
        "declare-interest-empty",
        "capacity_lms:calls_declare",
        committee_route("capacity_lms:calls_declare", "undeclared"),
        act=send_the_form_empty,
    ),
    Visit(
        "review-to-score",
        "capacity_lms:calls_review_application",
        committee_route("capacity_lms:calls_review_application", "to_score"),
        photographed=True,
    ),
    Visit(
        "review-to-score-empty",
        "capacity_lms:calls_review_application",
        committee_route("capacity_lms:calls_review_application", "to_score"),
        act=send_the_form_empty,
    ),
    Visit(
        "review-submitted",
        "capacity_lms:calls_review_application",
        committee_route("capacity_lms:calls_review_application", "reviewed"),
    ),
]

# The chair of the demo committee (reviewer1), who reviews last year's applications too.
CHAIR = [
    Visit(
        "chair-my-reviews", "capacity_lms:calls_my_reviews", route("capacity_lms:calls_my_reviews")
    ),
    Visit(
        "ranking-decided",
        "capacity_lms:calls_ranking",
        committee_route("capacity_lms:calls_ranking", "previous_call"),
    ),
    Visit(
        "ranking-in-review",
        "capacity_lms:calls_ranking",
        committee_route("capacity_lms:calls_ranking", "current_call"),
        photographed=True,
    ),
    Visit(
        "ranking-second-page",
        "capacity_lms:calls_ranking",
        committee_route("capacity_lms:calls_ranking", "current_call"),
        query="?page=2",
    ),
    Visit(
        "assign",
        "capacity_lms:calls_assign",
        committee_route("capacity_lms:calls_assign", "to_assign"),
    ),
    Visit(
        "assign-empty",
        "capacity_lms:calls_assign",
        committee_route("capacity_lms:calls_assign", "to_assign"),
        act=send_the_form_empty,
    ),
    Visit(
        "assign-with-a-conflict",
        "capacity_lms:calls_assign",
        committee_route("capacity_lms:calls_assign", "conflicted"),
    ),
]


def covered_by(path, language):
    """The route name ``path`` resolves to in ``language``."""
    from django.urls import resolve
    from django.utils import translation

    with translation.override(language):
        return resolve(urlsplit(path).path).view_name


def open_visit(page, visit, demo):
    """Go to the visit's page and bring it to its state; returns the path."""
    from django.core.cache import cache
    from django.test import override_settings
    from wagtail.models import Page

    target = visit.target(demo)
    query = visit.query(demo) if callable(visit.query) else visit.query
    if target is None:
        return None
    if isinstance(target, Page):
        is_a = target.specific_class._meta.label
        path = target.url + query
    else:
        is_a = covered_by(target, demo.language)
        path = target + query
    if is_a != visit.covers:
        raise AssertionError(f"{path} is {is_a}, not {visit.covers}")
    try:
        with override_settings(**visit.settings):
            response = page.goto(path)
            if response.status != visit.status:
                raise AssertionError(f"{path} answered {response.status}, not {visit.status}")
            if visit.act:
                visit.act(page, demo)
    finally:
        if visit.settings:
            # The refused requests still counted against the person's usual limits.
            cache.clear()
    return path


def photograph(page, visit, language):
    """The page in full, on a desktop and on a phone, where axe checks it again (targets and
    contrast change with the layout); returns the problems."""
    folder = SCREENSHOTS / language
    folder.mkdir(parents=True, exist_ok=True)
    problems = []
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        screenshot = folder / f"{visit.name}-{width}.png"
        screenshot.unlink(missing_ok=True)
        page.screenshot(path=screenshot, full_page=True)
        if not screenshot.exists() or screenshot.stat().st_size == 0:
            problems.append(f"{visit.name}: no screenshot at {screenshot}")
        if viewport is PHONE:
            violations = accessibility_violations(page)
            if violations:
                problems.append(f"{visit.name} on a phone:\n{describe_violations(violations)}")
    page.set_viewport_size(DESKTOP)
    return problems


def expect_language(page, path):
    """The page speaks the language of its URL, in that language's direction."""
    language = path.split("/")[1]
    spoken = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    if spoken != [language, DIRECTIONS[language]]:
        raise AssertionError(f"the page says lang, dir = {spoken}")


def check_every_page(page, visits, demo):
    """Visit each page; every violation and failure of every page, as one readable list."""
    fail_on(*problems_of_every_page(page, visits, demo), demo.language)


def fail_on(problems, checked, language):
    assert checked, "no page was checked"
    if problems:
        pytest.fail(
            f"{len(problems)} problem(s) on the {checked} pages checked in {language}:\n\n"
            + "\n\n".join(problems),
            pytrace=False,
        )


def problems_of_every_page(page, visits, demo):
    """Visit each page; (every violation and failure of every page, how many were checked)."""
    problems = []
    checked = 0
    for visit in visits:
        try:
            path = open_visit(page, visit, demo)
            if path is None:
                continue
            expect_language(page, path)
            violations = accessibility_violations(page)
            checked += 1
        except (AssertionError, PlaywrightError) as error:
            problems.append(f"{visit.name} ({page.url}): {error}")
            continue
        if violations:
            problems.append(f"{visit.name} ({path}):\n{describe_violations(violations)}")
        html = page.content()
        stray = unisolated_latin(html)
        if stray:
            problems.append(
                f"{visit.name} ({path}): Latin text under an Arabic lang that nothing isolates "
                "(a name without <bdi>, content without lang/dir, a string not translated, or "
                "a part labelled with the wrong language):\n    " + "\n    ".join(stray)
            )
        mislabelled = arabic_under_latin(html)
        if mislabelled:
            problems.append(
                f"{visit.name} ({path}): Arabic text whose nearest lang is another language "
                "(content not labelled with the language it was written in):\n    "
                + "\n    ".join(mislabelled)
            )
        if visit.photographed and demo.language in PHOTOGRAPHED:
            problems.extend(photograph(page, visit, demo.language))
    return problems, checked


@pytest.fixture
def desktop_page(page):
    page.set_viewport_size(DESKTOP)
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_passes_axe(desktop_page, demo_site, lang):
    demo = demo_pages(lang)
    demo.partners = build_partner_demo()
    check_every_page(desktop_page, VISITOR, demo)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_member_page_passes_axe(desktop_page, demo_site, lang):
    from django.contrib.auth import get_user_model

    from courses.actions import EnrolAction

    demo = demo_pages(lang)
    demo.meeting = meeting_now()
    demo.partners = build_partner_demo()
    # In French the demo learner is enrolled already; in the other languages, enrolled here.
    EnrolAction(
        demo.enrolled_course, user=get_user_model().objects.get(username="learner")
    ).execute()
    demo.led_association, demo.other_association = associations_of_the_learner()
    leads_the_funded_association()
    demo.application = application_of_the_learner(demo.led_association, demo.open_call)
    demo.exchange = exchange_demo()
    sign_in(desktop_page, lang, "learner", localized(lang, "capacity_lms:my_learning"))
    check_every_page(desktop_page, LEARNER, demo)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_trainer_page_passes_axe(desktop_page, demo_site, lang):
    demo = demo_pages(lang)
    demo.meeting = meeting_now()
    demo.partners = build_partner_demo()
    demo.exchange = exchange_demo()
    sign_in(desktop_page, lang, "trainer", localized(lang, "capacity_lms:attendance_sessions"))
    check_every_page(desktop_page, TRAINER, demo)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_staff_page_passes_axe(desktop_page, demo_site, lang):
    demo = demo_pages(lang)
    sign_in(desktop_page, lang, "staff", localized(lang, "capacity_lms:reaction_all"))
    check_every_page(desktop_page, STAFF, demo)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_committee_page_passes_axe(desktop_page, demo_site, lang):
    demo = demo_pages(lang)
    committee_at_work(demo)
    sign_in(desktop_page, lang, "reviewer2", localized(lang, "capacity_lms:calls_my_reviews"))
    problems, checked = problems_of_every_page(desktop_page, REVIEWER, demo)
    desktop_page.context.clear_cookies()
    sign_in(desktop_page, lang, "reviewer1", localized(lang, "capacity_lms:calls_my_reviews"))
    chair_problems, chair_checked = problems_of_every_page(desktop_page, CHAIR, demo)
    fail_on(problems + chair_problems, checked + chair_checked, lang)


def test_every_page_type_and_html_route_is_visited():
    from wagtail.models import get_page_models

    from tests.integration.security.routes import package_routes

    page_types = {
        model._meta.label
        for model in get_page_models()
        if model._meta.app_label in ("capacity_lms", "capacity_courses")
    }
    routes = {route.name for route in package_routes() if route.namespace == "capacity_lms"}
    every_list = (VISITOR, LEARNER, TRAINER, STAFF, REVIEWER, CHAIR)
    visited = {visit.covers for visits in every_list for visit in visits}
    assert not EXCLUDED.keys() - routes - page_types, "EXCLUDED names what no longer exists"
    assert not EXCLUDED.keys() & visited, "EXCLUDED names what the lists visit"
    missing = sorted((routes | page_types) - visited - EXCLUDED.keys())
    assert not missing, (
        "Not checked by axe in any language; add a Visit, or a reason to EXCLUDED: "
        + ", ".join(missing)
    )
