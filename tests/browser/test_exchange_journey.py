"""Issue 23's journey in a real browser, in Arabic and in English, by keyboard alone and without
JavaScript: a learner asks a question in a workshop's cohort space, its trainer answers and
marks it solved, the learner gets one e-mail; a post another member reported is hidden by the
trainer from the space's moderation page.

Every browser context runs with JavaScript turned off, and every form is reached with the Tab
key, filled by typing and sent with Enter: no click anywhere. The pages are in the language
under test (``dir=rtl`` in Arabic). axe-core needs scripts, so it checks these same pages in
``test_every_page.py`` (the member's and the trainer's lists), in the three languages.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import fresh_world

QUESTION = {
    "en": ("Volunteers in the budget", "Do we count our volunteers' hours as our own share?"),
    "ar": ("العمل التطوعي في الميزانية", "هل نحتسب ساعات المتطوعين ضمن مساهمتنا الذاتية؟"),
}
ANSWER = "Yes: value them at a facilitator's hourly rate, with a signed timesheet."
OFF_TOPIC = "Cheap flights to Casablanca, write to me!"
MOST_TABS = 150


def build_world(language):
    from capacity_lms.people.models import LearnerProfile
    from capacity_lms.people.roles import TRAINERS
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from capacity_lms.taxonomy.models import Country
    from sandbox.testing.factories import RegistrationFactory, UserFactory
    from tests.integration.conftest import in_group, make_workshop

    load_standard_taxonomy()
    trainer = in_group(
        UserFactory(username="trainer-amina", first_name="Amina", last_name="Saidi"), TRAINERS
    )
    workshop = make_workshop(Country.objects.get(code="fr"), trainers=[trainer], sessions=1)
    learner = UserFactory(
        username="learner-hajar", first_name="Hajar", last_name="Alaoui", email="h@example.org"
    )
    LearnerProfile.objects.create(user=learner, preferred_language=language)
    other = UserFactory(username="member-karim", first_name="Karim", last_name="Bennis")
    for person in (learner, other):
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
    return {"workshop": workshop, "trainer": trainer, "learner": learner, "other": other}


@pytest.fixture(params=["ar", "en"])
def language(request):
    return request.param


@pytest.fixture
def world(pytestconfig, live_server, transactional_db, language):
    return fresh_world(pytestconfig, lambda: build_world(language))


def tab_to(page, locator):
    """Press Tab until ``locator`` has the focus (fails if it never gets it)."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def press(page, button):
    """Send ``button``'s form with Enter, and wait for the page it leads to."""
    tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def signed_in(new_context, language, username, next_path):
    """A browser of its own, scripts off, signed in by keyboard, on ``next_path``."""
    from sandbox.testing.factories import DEMO_PASSWORD

    page = new_context(java_script_enabled=False).new_page()
    page.set_default_timeout(15000)
    page.goto(f"/{language}/accounts/login/?next={next_path}")
    type_into(page, page.locator("#id_username"), username)
    type_into(page, page.locator("#id_password"), DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))
    return page


def in_language(page, language):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", re.compile(f"^{language}"))
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


def test_a_question_answered_solved_told_and_a_reported_post_hidden(new_context, language, world):
    from django.core import mail
    from django.urls import reverse
    from django.utils import translation

    from capacity_lms.exchange.models import Post, Thread
    from capacity_lms.exchange.posting import Reply

    with translation.override(language):
        space_path = reverse(
            "capacity_lms:exchange_space", args=["workshop", world["workshop"].pk]
        )
    title, body = QUESTION[language]

    # The learner asks.
    learner = signed_in(new_context, language, "learner-hajar", space_path)
    in_language(learner, language)
    type_into(learner, learner.locator("#id_title"), title)
    type_into(learner, learner.locator("#id_body"), body)
    press(learner, learner.locator("main form[action$='/new/'] button[type=submit]"))
    expect(learner).to_have_url(re.compile(r"/exchange/threads/\d+/$"))
    expect(learner.locator("h1")).to_have_text(title)
    expect(learner.locator("h1")).to_have_attribute("lang", language)
    thread = Thread.objects.get()
    mail.outbox.clear()

    # The trainer answers and marks the answer.
    thread_path = re.sub(r"^https?://[^/]+", "", learner.url)
    trainer = signed_in(new_context, language, "trainer-amina", thread_path)
    in_language(trainer, language)
    type_into(trainer, trainer.locator("#id_body"), ANSWER)
    press(trainer, trainer.locator("main form[action$='/reply/'] button[type=submit]"))
    expect(trainer.locator(".cl-post__body", has_text=ANSWER)).to_be_visible()
    answer = Post.objects.get(author=world["trainer"])
    press(trainer, trainer.locator(f"#post-{answer.pk} form[action$='/solution/'] button"))
    thread.refresh_from_db()
    assert thread.solution_id == answer.pk

    # One e-mail, to the learner, in the learner's language.
    assert [message.to for message in mail.outbox] == [[world["learner"].email]]
    with translation.override(language):
        assert translation.gettext("New post: %(title)s") % {"title": title} in (
            mail.outbox[0].subject
        )

    # Another member posts off topic; the learner reports it.
    spam = Reply(thread, user=world["other"], body=OFF_TOPIC, language="en").execute()
    with translation.override(language):
        learner.goto(reverse("capacity_lms:exchange_report", args=[spam.pk]))
    in_language(learner, language)
    type_into(learner, learner.locator("#id_reason"), "Advertising.")
    press(learner, learner.locator("main form.cl-form button[type=submit]"))
    expect(learner).to_have_url(re.compile(re.escape(thread_path) + "$"))
    # Its moderators are told, the trainer among them.
    told = [address for message in mail.outbox for address in message.to]
    assert world["trainer"].email in told and world["other"].email not in told

    # The trainer hides it from the moderation page, with a reason.
    with translation.override(language):
        moderation = reverse(
            "capacity_lms:exchange_moderation", args=["workshop", world["workshop"].pk]
        )
    trainer.goto(moderation)
    in_language(trainer, language)
    type_into(trainer, trainer.locator(f"#hide-{spam.pk}"), "Off topic.")
    with trainer.expect_navigation():
        trainer.keyboard.press("Enter")
    spam.refresh_from_db()
    assert spam.status == Post.Status.HIDDEN
    learner.goto(thread_path)
    expect(learner.locator("main")).not_to_contain_text(OFF_TOPIC)
    expect(learner.locator("main")).to_contain_text(ANSWER)
