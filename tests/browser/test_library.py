"""Issue 7's library in a real browser: a member's case study, from the form to the filters.

Salma, a member of an association, submits a case study through the library's form and sees it
"with the editors" on My submissions; Karim, an editor and moderator, approves it in the Wagtail
admin, which publishes it; then anyone finds it by searching the library and by filtering on its
country and axis, while the case study that was already there drops out of the country filter;
and Salma's My submissions links to the published page. axe checks the form, My submissions
and the search results.

Checks go by structure (cards, links, hrefs, classes), titles by their text.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in, sign_in_to_admin

TITLE = "Zellige workshop for teenagers in Ghent"
EXISTING_TITLE = "Homework clubs in Lyon"


def moderation_workflow():
    """Wagtail's default "Moderators approval" workflow, which its migration attaches to the
    root page (the migrated snapshot keeps it): every page of the site goes through it."""
    from wagtail.models import Page, Workflow

    workflow = Workflow.objects.get(workflow_pages__page=Page.get_first_root_node())
    assert [task.specific.groups.get().name for task in workflow.tasks.all()] == ["Moderators"]
    return workflow


def build_world():
    """An English library with one published case study in France, Salma (a member of an
    association) and Karim (an editor and moderator), under Wagtail's moderation workflow."""
    import datetime

    from django.contrib.auth.models import Group

    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from capacity_lms.taxonomy.models import Country, StrategicAxis
    from sandbox.testing.factories import (
        AssociationFactory,
        CaseStudyPageFactory,
        LibraryIndexPageFactory,
        MembershipFactory,
        UserFactory,
    )
    from sandbox.testing.world import ensure_wagtail_site

    load_standard_taxonomy()
    library = LibraryIndexPageFactory(parent=ensure_wagtail_site().root_page)
    existing = CaseStudyPageFactory(
        parent=library,
        title=EXISTING_TITLE,
        host_country=Country.objects.get(code="fr"),
        strategic_axes=[StrategicAxis.objects.get(code="school-support")],
        started_on=datetime.date(2023, 9, 1),
    )
    workflow = moderation_workflow()
    association = AssociationFactory(
        name="Association Jeunesse Maroc-Belgique", host_country=Country.objects.get(code="be")
    )
    member = UserFactory(username="salma", first_name="Salma", last_name="Bennani")
    MembershipFactory(user=member, association=association)
    editor = UserFactory(username="karim", first_name="Karim", last_name="Tazi")
    editor.groups.set(Group.objects.filter(name__in=["Editors", "Moderators"]))
    assert editor.has_perm("wagtailadmin.access_admin")
    return {
        "library": library,
        "existing": existing,
        "workflow": workflow,
        "association": association,
        "member": member,
        "editor": editor,
    }


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_world)


def localized(name, language="en", **kwargs):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, **kwargs)


def submit_case_study(page, world):
    """Salma fills the library's form and sends it; she lands on My submissions."""
    from capacity_lms.taxonomy.models import Country, StrategicAxis

    library = world["library"]
    page.goto(library.url)
    page.locator(
        f"a[href='{localized('capacity_lms:case_study_submit', args=[library.pk])}']"
    ).click()
    form = page.locator("form.cl-submission")
    expect(form).to_be_visible()
    assert_accessible(page)

    form.locator("#id_title").fill(TITLE)
    form.locator("#id_summary").fill(
        "Teenagers of Moroccan origin learnt zellige from a master craftsman in Ghent."
    )
    form.locator("#id_association").select_option(str(world["association"].pk))
    form.locator("#id_host_country").select_option(str(Country.objects.get(code="be").pk))
    axis = StrategicAxis.objects.get(code="cultural-link")
    form.locator(f"input[name=strategic_axes][value='{axis.pk}']").check()
    form.locator("#id_tags").fill("crafts, teenagers")
    form.locator("#id_started_on").fill("2024-10-05")
    form.locator("#id_ended_on").fill("2025-06-28")
    form.locator("#id_budget").fill("8500")
    form.locator("#id_context").fill("<p>Teenagers knew little of the crafts of Morocco.</p>")
    form.locator("#id_what_was_done").fill(
        "<p>Twelve Saturday workshops with a <strong>maâlem</strong> from Fez.</p>"
    )
    form.locator("#id_results").fill("<p>A fountain panel for the community centre.</p>")
    form.locator("#id_indicator_1").fill("Teenagers taking part")
    form.locator("#id_baseline_1").fill("0")
    form.locator("#id_result_1").fill("18")
    form.locator("#id_contact_email").fill("salma@example.org")
    form.locator("button[type=submit]").click()


def approve_in_the_admin(admin, case_study):
    """Karim signs in to the Wagtail admin, opens the case study from the dashboard's "Awaiting
    your review" panel and approves it from the edit page's footer."""
    sign_in_to_admin(admin, "karim")

    edit_path = f"/admin/pages/{case_study.pk}/edit/"
    awaiting = admin.locator("#awaiting-review-content")
    awaiting.locator(f"a[href='{edit_path}']", has_text=TITLE).click()
    expect(admin).to_have_url(re.compile(re.escape(edit_path) + "$"))

    footer = admin.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    expect(admin.locator(".messages .success")).to_contain_text(TITLE)


def cards(page):
    return page.locator(".cl-results .cl-case-study-card")


def expect_only_the_new_case_study(page, case_study):
    expect(cards(page)).to_have_count(1)
    link = cards(page).locator(f"a[href='{case_study.url}']")
    expect(link).to_have_text(TITLE)


def test_member_submits_editor_publishes_anyone_finds_it(page, world, browser, live_server):
    from django.core import mail
    from wagtail.models import WorkflowState

    from capacity_lms.library.models import CaseStudyPage

    library, existing = world["library"], world["existing"]
    my_submissions = localized("capacity_lms:my_submissions")

    # Salma sends her case study; it waits for the editors and is nowhere in the library yet.
    sign_in(page, "en", "salma", library.url)
    submit_case_study(page, world)
    expect(page).to_have_url(re.compile(re.escape(my_submissions) + "$"))
    submission = page.locator(".cl-card", has_text=TITLE)
    expect(submission.locator(".cl-status--in_moderation")).to_have_count(1)
    expect(submission.locator("a")).to_have_count(0)
    assert_accessible(page)
    case_study = CaseStudyPage.objects.get(title=TITLE, submitted_by=world["member"])
    assert not case_study.live
    page.goto(f"{library.url}?q=Zellige")
    expect(cards(page)).to_have_count(0)
    expect(page.locator("#id_country option[value=be]")).to_have_count(0)

    # Karim approves it in the Wagtail admin: the workflow's only task, so it is published,
    # and Salma, who cannot open the admin, gets the library's e-mail with the public link.
    editor = browser.new_context(base_url=live_server.url, locale="en-GB")
    approve_in_the_admin(editor.new_page(), case_study)
    editor.close()
    case_study.refresh_from_db()
    assert case_study.live
    assert case_study.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    (outcome,) = [message for message in mail.outbox if world["member"].email in message.to]
    assert case_study.url in outcome.body

    # Anyone finds it by searching and by filtering; the other case study is not a match.
    visitor = browser.new_context(base_url=live_server.url, locale="en-GB")
    anyone = visitor.new_page()
    anyone.goto(library.url)
    expect(cards(anyone)).to_have_count(2)
    filters = anyone.locator("form.cl-filters")

    filters.locator("#id_q").fill("Zellige")
    filters.locator("button[type=submit]").click()
    expect(anyone).to_have_url(re.compile(r"[?&]q=Zellige"))
    expect_only_the_new_case_study(anyone, case_study)
    assert_accessible(anyone)

    anyone.goto(library.url)
    filters.locator("#id_country").select_option("be")
    filters.locator("button[type=submit]").click()
    expect(anyone).to_have_url(re.compile(r"[?&]country=be"))
    expect_only_the_new_case_study(anyone, case_study)
    expect(cards(anyone).locator(f"a[href='{existing.url}']")).to_have_count(0)

    anyone.goto(library.url)
    filters.locator("#id_axis").select_option("cultural-link")
    filters.locator("button[type=submit]").click()
    expect(anyone).to_have_url(re.compile(r"[?&]axis=cultural-link"))
    expect_only_the_new_case_study(anyone, case_study)

    anyone.goto(library.url)
    filters.locator("#id_country").select_option("fr")
    filters.locator("button[type=submit]").click()
    expect(cards(anyone)).to_have_count(1)
    expect(cards(anyone).locator(f"a[href='{existing.url}']")).to_have_text(EXISTING_TITLE)
    visitor.close()

    # Salma's My submissions now says published, with a link to the public page.
    page.goto(my_submissions)
    submission = page.locator(".cl-card", has_text=TITLE)
    expect(submission.locator(".cl-status--published")).to_have_count(1)
    expect(submission.locator(f"a[href='{case_study.url}']")).to_have_text(TITLE)
    assert_accessible(page)
    submission.locator("a").click()
    expect(page.locator("h1")).to_have_text(TITLE)
