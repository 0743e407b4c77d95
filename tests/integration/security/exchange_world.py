"""The exchange spaces in the access matrix's world: the cohort space of the trainer's
workshop (the learner is registered), a thread the learner started, the trainer's reply (with a
file), and a
person the trainer removed from the space. The other learner and the other trainer are in
another workshop: every URL naming this space, thread or post is a 404 for them."""

from django.core.files.uploadedfile import SimpleUploadedFile

from capacity_lms.exchange.moderation import RemoveFromSpace
from capacity_lms.exchange.notices import unsubscribe_token
from capacity_lms.exchange.posting import Reply, StartThread, saved
from capacity_lms.exchange.spaces import space_for
from sandbox.testing.factories import RegistrationFactory, UserFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build_exchange_world(people, objects):
    workshop = objects["workshop"]
    space = saved(space_for("workshop", workshop.pk))
    question = StartThread(
        space,
        user=people["learner"],
        title="Writing the logical framework",
        body="Where do we start the logical framework?",
        language="en",
    ).execute()
    answer = Reply(
        question.thread,
        user=people["trainer"],
        body="Start from the problem tree.",
        language="en",
        files=[SimpleUploadedFile("tree.pdf", PDF_BYTES)],
    ).execute()
    removed = UserFactory(username="removed-ali")
    RegistrationFactory(workshop=workshop, user=removed, status="confirmed")
    removal = RemoveFromSpace(
        space, user=people["trainer"], person=removed, reason="Advertising."
    ).execute()
    objects.update(
        exchange_unsubscribe_token=unsubscribe_token(people["learner"]),
        exchange_space=space,
        exchange_thread=question.thread,
        exchange_question=question,
        exchange_answer=answer,
        exchange_file=answer.attachments.get(),
        exchange_removal=removal,
    )
