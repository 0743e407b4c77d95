"""Moderators are told of reports and held posts (issue #23, point 4): one e-mail to each
moderator of the space, in their language; not to the author, a removed moderator, or one who
chose no e-mail; nothing once the report was dealt with."""

import pytest
from django.core import mail

from capacity_lms.exchange.alerts import alert_moderators
from capacity_lms.exchange.models import Space
from capacity_lms.exchange.moderation import DismissReports, ReportPost
from capacity_lms.exchange.people_models import NotificationPreference, PostReport
from capacity_lms.exchange.posting import Reply, StartThread, saved
from capacity_lms.exchange.spaces import space_for
from capacity_lms.people.models import LearnerProfile
from sandbox.testing.factories import RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def newcomer(world):
    person = UserFactory(username="newcomer-sara")
    RegistrationFactory(workshop=world.workshop, user=person, status="confirmed")
    return person


def test_a_report_tells_each_moderator_once_in_their_language(world, newcomer, committing):
    LearnerProfile.objects.update_or_create(
        user=world.people.trainer, defaults={"preferred_language": "fr"}
    )
    with committing():
        thread = (
            StartThread(
                space_for("workshop", world.workshop.pk),
                user=world.people.learner,
                title="Logical framework",
                body="Where do we start?",
                language="en",
            )
            .execute()
            .thread
        )
        post = Reply(thread, user=newcomer, body="Buy my course!", language="en").execute()
    mail.outbox.clear()
    with committing():
        ReportPost(post, user=world.people.learner, reason="Advertising").execute()
    assert recipients() == sorted([world.people.trainer.email, world.people.staff.email])
    to_trainer = next(m for m in mail.outbox if m.to == [world.people.trainer.email])
    assert to_trainer.subject == "Un message a été signalé : Logical framework"
    assert "Advertising" in to_trainer.body and "/moderation/" in to_trainer.body
    # A second report of the same post by the same reader tells nobody again.
    mail.outbox.clear()
    with committing():
        ReportPost(post, user=world.people.learner, reason="Again").execute()
    assert mail.outbox == []


def test_a_held_first_post_tells_the_moderators_but_not_who_chose_no_email(
    world, newcomer, committing
):
    space = saved(space_for("workshop", world.workshop.pk))
    Space.objects.filter(pk=space.pk).update(holds_first_posts=True)
    NotificationPreference.objects.create(user=world.people.staff, mode="none")
    mail.outbox.clear()
    with committing():
        StartThread(
            space_for("workshop", world.workshop.pk),
            user=newcomer,
            title="Hello",
            body="My first question.",
            language="en",
        ).execute()
    assert recipients() == [world.people.trainer.email]
    assert "waits for a moderator" in mail.outbox[0].subject


def test_a_modules_trainers_and_editors_hear_of_reports_in_its_space(world, committing):
    space = space_for("module", world.course.translation_key)
    with committing():
        post = StartThread(
            space, user=world.people.learner, title="Quiz 2", body="Is it hard?", language="en"
        ).execute()
    mail.outbox.clear()
    with committing():
        ReportPost(post, user=world.people.course_trainer, reason="Off topic").execute()
    # The reporter is a moderator too: told like the others, never of their own post.
    assert recipients() == sorted(
        [
            world.people.course_trainer.email,
            world.people.editor.email,
            world.people.staff.email,
        ]
    )


def test_a_report_dealt_with_before_the_task_runs_tells_nobody(world, newcomer, committing):
    with committing():
        post = StartThread(
            space_for("workshop", world.workshop.pk),
            user=newcomer,
            title="Hello",
            body="Hello all",
            language="en",
        ).execute()
    report = PostReport.objects.create(post=post, reporter=world.people.learner, reason="x")
    DismissReports(post, user=world.people.trainer).execute()
    mail.outbox.clear()
    assert alert_moderators.call("report", report.pk) == 0
    assert mail.outbox == []
