"""Double clicks and parallel runs against a real database (PostgreSQL in CI): the same form
sent eight times at once is one post with one file; eight digest runs at once send one e-mail.
"""

import uuid

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from capacity_lms.exchange.models import Post, PostAttachment, Thread
from capacity_lms.exchange.notices import send_digests
from capacity_lms.exchange.people_models import Follow, Notice, NotificationPreference
from capacity_lms.exchange.posting import Reply, StartThread
from capacity_lms.exchange.spaces import space_for
from capacity_lms.people.roles import TRAINERS
from sandbox.testing.factories import CountryFactory, RegistrationFactory, UserFactory
from tests.concurrency import run_together
from tests.integration.conftest import in_group, make_workshop
from tests.integration.library.conftest import media_root  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_rows", "media_root"),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def cohort():
    trainer = in_group(UserFactory(username="parallel-trainer"), TRAINERS)
    learner = UserFactory(username="parallel-learner")
    workshop = make_workshop(CountryFactory(code="fr", name_en="France"), trainers=[trainer])
    RegistrationFactory(workshop=workshop, user=learner, status="confirmed")
    return space_for("workshop", workshop.pk), learner, trainer


def test_a_thread_sent_eight_times_at_once_is_one_thread(cohort):
    space, learner, _trainer = cohort
    key = uuid.uuid4()

    def send():
        StartThread(
            space_for(space.kind, space.target_key()),
            user=learner,
            title="Budget",
            body="Our draft budget.",
            language="fr",
            submission_key=key,
        ).execute()

    assert run_together([send] * 8) == []
    assert Thread.objects.count() == 1 and Post.objects.count() == 1


def test_a_reply_with_a_file_sent_eight_times_at_once_is_one_post_and_one_file(
    cohort,
    media_root,  # noqa: F811
):
    space, learner, trainer = cohort
    thread = (
        StartThread(space, user=learner, title="Budget", body="Our draft budget.", language="fr")
        .execute()
        .thread
    )
    key = uuid.uuid4()

    def send():
        Reply(
            Thread.objects.get(pk=thread.pk),
            user=trainer,
            body="Here is a template.",
            language="fr",
            submission_key=key,
            files=[SimpleUploadedFile("template.pdf", PDF)],
        ).execute()

    assert run_together([send] * 8) == []
    assert Post.objects.filter(author=trainer).count() == 1
    assert PostAttachment.objects.count() == 1
    private = media_root.parent / f"{media_root.name}-private"
    assert len([path for path in private.rglob("*") if path.is_file()]) == 1
    assert Thread.objects.get(pk=thread.pk).post_count == 2


def test_eight_digest_runs_at_once_send_one_email(cohort):
    space, learner, trainer = cohort
    thread = (
        StartThread(space, user=trainer, title="Welcome", body="Ask here.", language="en")
        .execute()
        .thread
    )
    NotificationPreference.objects.create(user=learner, mode="daily")
    Follow.objects.create(user=learner, thread=thread)
    mail.outbox.clear()
    Reply(thread, user=trainer, body="The room changed.", language="en").execute()
    assert Notice.objects.filter(user=learner).count() == 1
    assert run_together([send_digests] * 8) == []
    assert len(mail.outbox) == 1
