"""The Wagtail admin's pages of the calls for projects (issue #22), checked by axe-core in
English, French and Arabic, on the demo site of ``make sandbox``.

Programme staff's eligibility check (``calls/eligibility_admin.py``: the calls, a call's
applications, an application with its checklist) and the follow-up of funded projects
(``calls/followup_admin.py``: the projects, a project with its agreement and tranches, a
report with its review form), each in the admin's language, which is the signed-in person's
preference (their Wagtail ``UserProfile.preferred_language``). Each page must answer 200, say
its language and direction on ``<html>``, and pass axe-core's WCAG 2.x A and AA rules on the
whole page: Wagtail 8's own chrome (menu, header, breadcrumbs) passes them as these pages use
it, so nothing is excluded; :data:`EXCLUDED_CHROME` is where a known issue of Wagtail's own
markup would go, with its reason, and never a selector of ours.

The auditor's pages (``calls/history_admin.py``: the calls, a call's history, the same
filtered to one kind of change) are checked the same way, signed in as the demo's auditor. The
programme reports' calls figures are a source of the reports' own pages
(``reports/sources.py``), not a view of ours: they are not visited here.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations, describe_violations
from tests.text_direction import arabic_under_latin, unisolated_latin

LANGUAGES = ["en", "fr", "ar"]
DIRECTIONS = {"en": "ltr", "fr": "ltr", "ar": "rtl"}
CURRENT_CALL = "partnership-programme-current"
PREVIOUS_CALL = "partnership-programme-previous"
# Wagtail's own markup that axe-core is told to skip, each with its reason: none today.
EXCLUDED_CHROME = {}


def prefers(username, language):
    """The person's admin language, as their account settings would set it."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


def sign_in_to_the_admin(page, username):
    from sandbox.testing.factories import DEMO_PASSWORD

    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def work_to_do():
    """What the demo leaves done that staff would still have forms for: the project on last
    year's reserve list funded after all (its agreement to record), and the late interim
    report filed (to review)."""
    from django.utils import timezone

    from capacity_lms.calls.followup_models import ProjectReport
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.review_models import Decision

    reserve = Application.objects.filter(
        call__slug=PREVIOUS_CALL, status=Application.Status.RESERVE
    ).first()
    Decision.objects.filter(application=reserve).update(outcome="funded", amount=1000)
    Application.objects.filter(pk=reserve.pk).update(status=Application.Status.FUNDED)
    late = ProjectReport.objects.filter(status="due", due_on__lt=timezone.localdate()).first()
    ProjectReport.objects.filter(pk=late.pk).update(
        status="submitted", submitted_at=timezone.now()
    )
    return reserve, late


def staff_pages():
    """The admin paths programme staff work on, by name, reached through the demo data."""
    from django.urls import reverse

    from capacity_lms.calls.followup_models import ProjectReport
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.pages import CallPage

    to_agree, to_review = work_to_do()

    current = CallPage.objects.get(slug=CURRENT_CALL, locale__language_code="en")
    waiting = (
        Application.objects.filter(call=current, status=Application.Status.SUBMITTED)
        .order_by("pk")
        .first()
    )
    decided = (
        Application.objects.filter(call__slug=PREVIOUS_CALL, status=Application.Status.REFUSED)
        .order_by("pk")
        .first()
    )
    approved = ProjectReport.objects.filter(approved_at__isnull=False).order_by("pk").first()
    due = ProjectReport.objects.filter(status="due").order_by("due_on").first()
    return {
        "eligibility-calls": reverse("capacity_calls_review:index"),
        "eligibility-applications": reverse("capacity_calls_review:call", args=[current.pk]),
        "eligibility-checklist": reverse("capacity_calls_review:application", args=[waiting.pk]),
        "eligibility-decided": reverse("capacity_calls_review:application", args=[decided.pk]),
        "funded-projects": reverse("capacity_calls_followup:index"),
        "funded-project": reverse(
            "capacity_calls_followup:project", args=[approved.application_id]
        ),
        "agreement-to-record": reverse("capacity_calls_followup:project", args=[to_agree.pk]),
        "report-approved": reverse("capacity_calls_followup:report", args=[approved.pk]),
        "report-to-review": reverse("capacity_calls_followup:report", args=[to_review.pk]),
        "report-due": reverse("capacity_calls_followup:report", args=[due.pk]),
    }


def problems_on(page, name, path, language):
    response = page.goto(path)
    if response.status != 200:
        return [f"{name} ({path}) answered {response.status}"]
    spoken = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    if spoken != [language, DIRECTIONS[language]]:
        return [f"{name} ({path}) says lang, dir = {spoken}"]
    context = {"exclude": list(EXCLUDED_CHROME)} if EXCLUDED_CHROME else None
    violations = accessibility_violations(page, context)
    problems = [f"{name} ({path}):\n{describe_violations(violations)}"] if violations else []
    # Our content (the admin's <main>) in the page's language: Latin text left unisolated
    # under Arabic (a string not translated, a name without <bdi>), Arabic under a Latin lang.
    content = f'<html lang="{language}"><body>{page.locator("main").inner_html()}</body></html>'
    for check in (unisolated_latin, arabic_under_latin):
        found = check(content)
        if found:
            problems.append(f"{name} ({path}), {check.__name__}:\n    " + "\n    ".join(found))
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_calls_admin_page_passes_axe(page, demo_site, lang):
    prefers("staff", lang)
    sign_in_to_the_admin(page, "staff")
    visits = staff_pages()
    problems = [
        problem for name, path in visits.items() for problem in problems_on(page, name, path, lang)
    ]
    assert not problems, (
        f"{len(problems)} problem(s) on the {len(visits)} admin pages in {lang}:\n\n"
        + "\n\n".join(problems)
    )


def auditor_pages():
    """The admin paths the auditor reads: last year's call has the longest history."""
    from django.urls import reverse

    from capacity_lms.calls.pages import CallPage

    current = CallPage.objects.get(slug=CURRENT_CALL, locale__language_code="en")
    previous = CallPage.objects.get(slug=PREVIOUS_CALL, locale__language_code="en")
    history = reverse("capacity_calls_history:call", args=[previous.pk])
    return {
        "history-calls": reverse("capacity_calls_history:index"),
        "history-current": reverse("capacity_calls_history:call", args=[current.pk]),
        "history-previous": history,
        "history-declarations": history + "?what=declared",
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_auditor_page_passes_axe(page, demo_site, lang):
    prefers("auditor", lang)
    sign_in_to_the_admin(page, "auditor")
    visits = auditor_pages()
    problems = [
        problem for name, path in visits.items() for problem in problems_on(page, name, path, lang)
    ]
    assert not problems, (
        f"{len(problems)} problem(s) on the auditor's {len(visits)} pages in {lang}:\n\n"
        + "\n\n".join(problems)
    )
