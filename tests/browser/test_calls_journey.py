"""Issue 22's journey in a real browser, in French and in Arabic: from a call to a case study.

Amal, admin of an association, drafts an application on the open call (sections, a logical
framework with an objective, a result, an activity and an indicator, a budget line and the
funding), saves and submits it. The deadline then passes (the call's closing day is moved to
yesterday in the database: a live server has no frozen clock). Hind, programme staff, marks it
eligible in the Wagtail admin. Omar, the chair, opens the committee's review and assigns Nadia
and Youssef; each declares no conflict and scores every criterion with a comment. Omar funds
the project and closes the session. Amal reads the decision on her application's page (the
outcome, the amount, a reviewer's comment, no reviewer's name). Hind records the agreement;
Amal files the final report with the indicator's value and the spending; Hind approves it and
turns it into a case-study draft, which the test finds in the library with the report's text.

The public pages are in the language under test (``dir=rtl`` in Arabic) and axe checks each of
them; the Wagtail admin is the staff member's, in English. Visible text is asserted through the
catalogues (strings already translated); the decision's new strings are asserted by structure
(``data-decision*`` attributes and the amount), as their translations are merged separately.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in, sign_in_to_admin

PROJECT = {"fr": "Compétences numériques à Figuig", "ar": "المهارات الرقمية في فجيج"}
ACTIVITIES_DONE = "Forty young people followed twelve evening classes at the youth centre."
REVIEWERS = {"reviewer-nadia": ("Nadia", "Cherkaoui"), "reviewer-youssef": ("Youssef", "Berrada")}


def translated(language, message):
    """``message`` as the catalogues of ``language`` give it; fails if it is not translated."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(message)
    assert text != message, f"{message!r} has no {language} translation"
    return text


def shown_number(language, value):
    """``value`` as the page shows a number in ``language`` (decimal separator and all)."""
    from decimal import Decimal

    from django.utils import formats, translation

    with translation.override(language):
        return formats.localize(Decimal(value))


def localized(language, name, *args):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args)


def build_world(language):
    """An English call open now with its fr and ar translations, a committee (Omar chairs,
    Nadia and Youssef review), a verified association whose admin is Amal, Hind (staff) and
    an English library for the case study."""
    from wagtail.models import Locale

    from capacity_lms.people.models import Association
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from capacity_lms.taxonomy.models import Country
    from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
    from sandbox.testing.committee_factories import CommitteeMemberFactory
    from sandbox.testing.factories import (
        AssociationFactory,
        LibraryIndexPageFactory,
        UserFactory,
    )
    from sandbox.testing.network_factories import association_admin
    from sandbox.testing.world import ensure_wagtail_site

    load_standard_taxonomy()
    root = ensure_wagtail_site().root_page
    calls = CallIndexPageFactory(parent=root)
    call = CallPageFactory(parent=calls, title="Partnership programme", slug="partnership")
    translation = call.copy_for_translation(
        Locale.objects.get_or_create(language_code=language)[0], copy_parents=True
    )
    translation.save_revision().publish()
    chair = UserFactory(username="chair-omar", first_name="Omar", last_name="Alami")
    CommitteeMemberFactory(call=call, user=chair, is_chair=True, department="Finance")
    reviewers = []
    for username, (first, last) in REVIEWERS.items():
        person = UserFactory(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@ministry.example.org",
        )
        CommitteeMemberFactory(call=call, user=person, department="Youth")
        reviewers.append(person)
    association = AssociationFactory(
        name="Association Figuig Avenir",
        host_country=Country.objects.get(code="fr"),
        verification_status=Association.VerificationStatus.VERIFIED,
        founding_year=2010,
        languages=[language],
    )
    admin = association_admin(
        association, username="admin-amal", first_name="Amal", last_name="Tahiri"
    )
    staff = UserFactory(username="staff-hind", is_staff=True, is_superuser=True)
    library = LibraryIndexPageFactory(parent=root)
    return {
        "call": call,
        "translation": translation,
        "chair": chair,
        "reviewers": reviewers,
        "association": association,
        "admin": admin,
        "staff": staff,
        "library": library,
    }


@pytest.fixture(params=["fr", "ar"])
def language(request):
    return request.param


@pytest.fixture
def world(pytestconfig, live_server, transactional_db, language):
    return fresh_world(pytestconfig, lambda: build_world(language))


def in_language(page, language):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", re.compile(f"^{language}"))
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


def actor(new_context, language, username, next_path):
    """A browser of its own for ``username``, signed in, on ``next_path``."""
    page = new_context().new_page()
    sign_in(page, language, username, next_path)
    return page


def draft_and_submit(page, language, world):
    """Amal starts the application from My applications, fills it and submits it."""
    in_language(page, language)
    expect(page.locator("h1")).to_have_text(translated(language, "My applications"))
    assert_accessible(page)
    start = localized(language, "capacity_lms:application_start", world["translation"].pk)
    page.locator(f"form[action='{start}'] button").click()
    expect(page).to_have_url(re.compile(r"/learning/applications/\d+/$"))
    edit_path = re.sub(r"^https?://[^/]+", "", page.url)
    form = page.locator("main form.cl-form")
    form.locator("#id_sections-title").fill(PROJECT[language])
    form.locator("#id_sections-summary").fill("Evening classes in digital skills.")
    form.locator("#id_sections-context").fill("Young people leave school without them.")
    form.locator("#id_sections-target_groups").fill("Young people aged 15 to 25.")
    form.locator("#id_sections-overall_objective").fill("More young people find work.")
    form.locator("#id_lines-0-category").select_option("staff")
    form.locator("#id_lines-0-description").fill("Trainer")
    form.locator("#id_lines-0-unit").fill("hour")
    form.locator("#id_lines-0-quantity").fill("100")
    form.locator("#id_lines-0-unit_cost").fill("500")
    form.locator("#id_lines-0-currency").fill("MAD")
    form.locator("#id_funding-requested_amount").fill("40000")
    form.locator("#id_funding-own_contribution").fill("10000")
    form.locator("button[type=submit]:not([name])").click()
    expect(page.locator(".cl-message").first).to_contain_text(
        translated(language, "Your application is saved.")
    )
    assert_accessible(page)

    page.locator("a[href$='/logframe/']").click()
    in_language(page, language)
    frame = page.locator("main form.cl-form")
    frame.locator("#id_objectives-0-text").fill("Teach digital skills")
    frame.locator("#id_results-0-objective").fill("1")
    frame.locator("#id_results-0-text").fill("Forty young people trained")
    frame.locator("#id_activities-0-result").fill("1")
    frame.locator("#id_activities-0-text").fill("Weekly evening classes")
    frame.locator("#id_indicators-0-result").fill("1")
    frame.locator("#id_indicators-0-text").fill("Young people trained")
    frame.locator("#id_indicators-0-unit").fill("people")
    frame.locator("#id_indicators-0-baseline").fill("0")
    frame.locator("#id_indicators-0-target").fill("40")
    frame.locator("#id_indicators-0-source").fill("Attendance sheets")
    frame.locator("#id_assumptions-0-text").fill("The youth centre lends a room")
    frame.locator("button[type=submit]").click()
    expect(page.locator(".cl-message").first).to_contain_text(
        translated(language, "The logical framework is saved.")
    )
    assert_accessible(page)

    page.locator(f"main nav a[href='{edit_path}']").click()
    submit = page.locator("form[action$='/submit/'] button")
    expect(submit).to_have_text(translated(language, "Submit the application"))
    submit.click()
    expect(page.locator("[data-application-status]")).to_have_attribute(
        "data-application-status", "submitted"
    )
    assert_accessible(page)


def close_the_call(call):
    """The deadline passes: the call closed yesterday (the server's clock cannot be frozen)."""
    from django.utils import timezone

    from capacity_lms.calls.pages import CallPage

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    CallPage.objects.filter(pk=call.pk).update(closes_on=yesterday)


def mark_eligible(admin, application):
    from django.urls import reverse

    admin.goto(reverse("capacity_calls_review:application", args=[application.pk]))
    form = admin.locator("main form").first
    radios = form.locator("input[type=radio][value=pass]")
    for number in range(radios.count()):
        radios.nth(number).check()
    form.locator("button[type=submit]").click()
    expect(admin).to_have_url(
        re.compile(re.escape(reverse("capacity_calls_review:call", args=[application.call_id])))
    )


def open_review_and_assign(chair, language, world, application):
    call = world["call"]
    in_language(chair, language)
    assert_accessible(chair)
    stage = chair.locator(
        f"form[action='{localized(language, 'capacity_lms:calls_stage', call.pk)}'] button"
    )
    expect(stage).to_have_text(translated(language, "Open the committee's review"))
    stage.click()
    for reviewer in world["reviewers"]:
        chair.goto(localized(language, "capacity_lms:calls_assign", application.pk))
        in_language(chair, language)
        chair.locator("#id_reviewer").select_option(str(reviewer.pk))
        chair.locator("main form.cl-form button[type=submit]").click()
        expect(chair.locator("main table")).to_contain_text(reviewer.get_full_name())
    assert_accessible(chair)


def declare_and_score(reviewer_page, language, application, number):
    from capacity_lms.calls.pages import CallCriterion

    in_language(reviewer_page, language)
    assert_accessible(reviewer_page)
    reviewer_page.locator("a[href*='/calls/review/assignments/']").first.click()
    in_language(reviewer_page, language)
    assert_accessible(reviewer_page)
    reviewer_page.locator("input[name=conflict][value=no]").check()
    sign = reviewer_page.locator("main form.cl-form button[type=submit]")
    expect(sign).to_have_text(translated(language, "Sign the declaration"))
    sign.click()
    expect(reviewer_page).to_have_url(
        re.compile(
            re.escape(localized(language, "capacity_lms:calls_review_application", application.pk))
            + "$"
        )
    )
    form = reviewer_page.locator("main form.cl-form")
    for criterion in CallCriterion.objects.filter(call=application.call):
        form.locator(f"#id_score_{criterion.pk}").fill(str(4 - number))
        form.locator(f"#id_comment_{criterion.pk}").fill(
            f"Reviewer comment {number} on {criterion.name}."
        )
    assert_accessible(reviewer_page)
    form.locator("button[type=submit]").click()
    expect(reviewer_page.locator(".cl-message").first).to_contain_text(
        translated(language, "Your scores are submitted.")
    )
    expect(reviewer_page.locator("main form.cl-form")).to_have_count(0)


def decide_and_close(chair, language, world, application):
    call = world["call"]
    chair.goto(localized(language, "capacity_lms:calls_ranking", call.pk))
    decide = chair.locator(
        f"form[action='{localized(language, 'capacity_lms:calls_decide', application.pk)}']"
    )
    decide.locator(f"#decide-{application.pk}-outcome").select_option("funded")
    decide.locator(f"#decide-{application.pk}-amount").fill("35000")
    decide.locator(f"#decide-{application.pk}-reason").fill("A clear logical framework.")
    decide.locator("button[type=submit]").click()
    # The chair's message is new (translated separately): the decided row shows the amount.
    expect(chair.locator(".cl-message--success")).to_have_count(1)
    expect(chair.locator("main table")).to_contain_text(
        f"{shown_number(language, '35000.00')} MAD"
    )
    assert_accessible(chair)
    close = chair.locator(
        f"form[action='{localized(language, 'capacity_lms:calls_stage', call.pk)}'] button"
    )
    expect(close).to_have_text(translated(language, "Close the session: the call is decided"))
    close.click()
    expect(chair.locator(".cl-message").first).to_contain_text(
        translated(language, "The call has moved to its next step.")
    )


def read_the_decision(page, language, world, application):
    page.goto(localized(language, "capacity_lms:application_edit", application.pk))
    in_language(page, language)
    decision = page.locator("section[data-decision]")
    expect(decision).to_have_attribute("data-decision", "funded")
    expect(decision.locator("[data-decision-outcome]")).to_have_text(
        translated(language, "Funded")
    )
    expect(decision.locator("[data-decision-amount]")).to_have_text(
        f"{shown_number(language, '35000.00')} MAD"
    )
    expect(decision.locator("[data-decision-reason]")).to_have_text("A clear logical framework.")
    expect(decision.locator("[data-decision-comments] li").first).to_contain_text(
        "Reviewer comment"
    )
    expect(decision.locator("[data-decision-comments] li")).to_have_count(6)
    html = page.content()
    for person in world["reviewers"]:
        for trace in (person.first_name, person.last_name, person.username, person.email):
            assert trace not in html
    assert_accessible(page)
    followup = decision.locator("a[data-decision-followup]")
    expect(followup).to_have_text(translated(language, "My funded projects"))
    followup.click()
    in_language(page, language)
    expect(page.locator("h1")).to_have_text(translated(language, "My funded projects"))


def record_the_agreement(admin, application):
    from django.urls import reverse
    from django.utils import timezone

    today = timezone.localdate()
    admin.goto(reverse("capacity_calls_followup:project", args=[application.pk]))
    form = admin.locator("main form").first
    form.locator("#id_amount").fill("35000")
    form.locator("#id_signed_on").fill(today.isoformat())
    form.locator("#id_tranche_1_amount").fill("35000")
    form.locator("#id_tranche_1_date").fill(today.isoformat())
    form.locator("#id_report_1_kind").select_option("final")
    form.locator("#id_report_1_date").fill((today + datetime.timedelta(days=30)).isoformat())
    form.locator("button[type=submit]").click()
    expect(admin.locator(".messages .success")).to_be_visible()


def file_the_final_report(page, language, application):
    from capacity_lms.projects.models import BudgetLine, Indicator

    page.goto(localized(language, "capacity_lms:calls_my_projects"))
    in_language(page, language)
    page.locator("a[href*='/calls/reports/']").first.click()
    in_language(page, language)
    form = page.locator("main form.cl-form")
    form.locator("#id_activities_done").fill(ACTIVITIES_DONE)
    form.locator("#id_success_factors").fill("The youth centre's evening rooms.")
    indicator = Indicator.objects.get(project=application.project)
    form.locator(f"#id_value_{indicator.pk}").fill("38")
    line = BudgetLine.objects.get(project=application.project)
    form.locator(f"#id_spent_{line.pk}").fill("48000")
    assert_accessible(page)
    submit = form.locator("button[type=submit]")
    expect(submit).to_have_text(translated(language, "Submit the report"))
    submit.click()
    expect(page.locator(".cl-message").first).to_contain_text(
        translated(language, "Your report is submitted. Programme staff will review it.")
    )


def approve_and_capitalise(admin, report):
    from django.urls import reverse

    admin.goto(reverse("capacity_calls_followup:report", args=[report.pk]))
    form = admin.locator("main form").first
    form.locator("input[name=decision][value=approve]").check()
    form.locator("button[type=submit]").click()
    expect(admin.locator(".messages .success")).to_be_visible()
    admin.goto(reverse("capacity_calls_followup:report", args=[report.pk]))
    admin.locator(
        f"form[action='{reverse('capacity_calls_followup:case_study', args=[report.pk])}'] button"
    ).click()
    expect(admin).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def test_from_a_call_to_a_case_study(new_context, language, world):
    from capacity_lms.calls.followup_models import ProjectReport
    from capacity_lms.calls.models import Application
    from capacity_lms.library.models import CaseStudyPage

    association = actor(
        new_context,
        language,
        "admin-amal",
        localized(language, "capacity_lms:application_mine"),
    )
    draft_and_submit(association, language, world)
    application = Application.objects.get(association=world["association"])
    assert application.status == Application.Status.SUBMITTED
    assert application.project.title == PROJECT[language]
    close_the_call(world["call"])

    staff = new_context().new_page()
    sign_in_to_admin(staff, "staff-hind")
    mark_eligible(staff, application)
    application.refresh_from_db()
    assert application.status == Application.Status.ELIGIBLE

    chair = actor(
        new_context,
        language,
        "chair-omar",
        localized(language, "capacity_lms:calls_ranking", world["call"].pk),
    )
    open_review_and_assign(chair, language, world, application)
    for number, reviewer in enumerate(world["reviewers"]):
        reviewer_page = actor(
            new_context,
            language,
            reviewer.username,
            localized(language, "capacity_lms:calls_my_reviews"),
        )
        declare_and_score(reviewer_page, language, application, number)
    decide_and_close(chair, language, world, application)

    read_the_decision(association, language, world, application)

    record_the_agreement(staff, application)
    file_the_final_report(association, language, application)
    report = ProjectReport.objects.get(application=application)
    assert report.status == ProjectReport.Status.SUBMITTED
    approve_and_capitalise(staff, report)

    report.refresh_from_db()
    assert report.status == ProjectReport.Status.APPROVED
    case_study = CaseStudyPage.objects.get(pk=report.case_study_id)
    assert not case_study.live
    assert case_study.title == PROJECT[language]
    assert case_study.get_parent().pk == world["library"].pk
    assert ACTIVITIES_DONE in case_study.what_was_done
    assert [(row.indicator, row.result) for row in case_study.indicators.all()] == [
        ("Young people trained", "38 people")
    ]
