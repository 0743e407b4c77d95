"""Files on posts (issue #23, point 2): checked like library submissions (by content, size and
count, with bounded work), kept in private storage, downloaded only by who may see the post;
a refused file, a double click or a failed write leaves no post and no file behind."""

import io
import os
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from capacity_lms.core.actions import ActionRefused
from capacity_lms.exchange import posting
from capacity_lms.exchange.models import Post, PostAttachment, Thread
from capacity_lms.exchange.moderation import HidePost
from capacity_lms.exchange.posting import Reply, StartThread
from capacity_lms.exchange.spaces import space_for
from capacity_lms.privacy.actions import ErasePersonAction
from tests.integration.library.conftest import media_root  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media_root")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored(media_root):  # noqa: F811  (the fixture's value)
    root = media_root.parent / f"{media_root.name}-private"
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _folders, names in os.walk(root)
        for name in names
    )


def ask(world, files=(), **kwargs):
    return StartThread(
        space_for("workshop", world.workshop.pk),
        user=world.people.learner,
        title="Our budget",
        body="Here is our draft budget.",
        language="en",
        files=files,
        **kwargs,
    ).execute()


def download_url(attachment):
    return reverse(
        "capacity_lms:exchange_attachment", args=[attachment.pk, attachment.original_name]
    )


def test_a_post_carries_its_files_and_who_may_read_the_post_downloads_them(
    client,
    world,
    media_root,  # noqa: F811
):
    post = ask(world, files=[upload("plan.pdf")])
    attachment = post.attachments.get()
    assert (attachment.original_name, attachment.kind, attachment.size) == ("plan.pdf", "pdf", 45)
    assert len(stored(media_root)) == 1
    client.force_login(world.people.trainer)
    page = client.get(reverse("capacity_lms:exchange_thread", args=[post.thread_id]))
    assert download_url(attachment) in page.content.decode()
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_nobody_outside_the_space_and_no_wrong_name_reaches_a_file(client, world):
    attachment = ask(world, files=[upload()]).attachments.get()
    url = download_url(attachment)
    assert client.get(url).status_code == 302  # signed out: sign in first
    client.force_login(world.people.other)
    assert client.get(url).status_code == 404
    client.force_login(world.people.trainer)
    wrong = reverse("capacity_lms:exchange_attachment", args=[attachment.pk, "other.pdf"])
    assert client.get(wrong).status_code == 404
    assert client.post(url).status_code == 405


def test_a_hidden_posts_files_are_for_its_moderators_only(client, world):
    post = ask(world, files=[upload()])
    reply = Reply(
        post.thread, user=world.people.trainer, body="See mine", language="en", files=[upload()]
    ).execute()
    HidePost(reply, user=world.people.staff, reason="Wrong file").execute()
    url = download_url(reply.attachments.get())
    client.force_login(world.people.learner)
    assert client.get(url).status_code == 404
    client.force_login(world.people.staff)
    assert client.get(url).status_code == 200


def docx_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("plan.pdf", b"<html><script>alert(1)</script></html>", "its content is not"),
        ("photo.jpg", PDF, "a PDF document"),
        ("tool.exe", b"MZ\x90\x00", "not an accepted type"),
        ("empty.pdf", b"", "is empty"),
        ("bomb.docx", None, "bomb.docx"),
    ],
)
def test_a_hostile_file_is_refused_by_name_and_nothing_is_written(
    world,
    media_root,  # noqa: F811
    name,
    content,
    said,
):
    content = docx_bomb() if content is None else content
    with pytest.raises(ActionRefused) as refused:
        ask(world, files=[upload("fine.pdf"), upload(name, content)])
    assert said in str(refused.value) and name in str(refused.value)
    assert not Post.objects.exists() and not Thread.objects.exists()
    assert not PostAttachment.objects.exists() and stored(media_root) == []


def test_at_most_the_configured_number_of_files(world, settings):
    settings.CAPACITY_LMS_EXCHANGE_MAX_ATTACHMENTS = 2
    with pytest.raises(ActionRefused, match="at most 2 files"):
        ask(world, files=[upload(f"{n}.pdf") for n in range(3)])
    settings.CAPACITY_LMS_EXCHANGE_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ActionRefused, match="files may be at most"):
        ask(world, files=[upload()])
    assert not Post.objects.exists()


def test_the_same_form_twice_keeps_one_post_and_one_file(world, media_root):  # noqa: F811
    first = ask(world, files=[upload()], submission_key="5f0c3c56-5d3e-4bb8-9d7e-0f1b1f7b1a11")
    again = ask(world, files=[upload()], submission_key="5f0c3c56-5d3e-4bb8-9d7e-0f1b1f7b1a11")
    assert again == first
    assert PostAttachment.objects.count() == 1 and len(stored(media_root)) == 1


def test_a_write_failing_after_the_files_were_stored_leaves_no_file(
    world,
    media_root,  # noqa: F811
):
    with (
        mock.patch.object(posting, "refresh_figures", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        ask(world, files=[upload()])
    assert not Post.objects.exists() and stored(media_root) == []


def test_erasure_keeps_files_with_pseudonymised_posts_and_removes_them_with_the_text(
    world,
    settings,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    ask(world, files=[upload()])
    ErasePersonAction(world.people.learner).execute()
    assert PostAttachment.objects.count() == 1
    settings.CAPACITY_LMS_EXCHANGE_ERASED_POSTS = "remove_text"
    partner_post = StartThread(
        space_for("partnership", world.partnership.pk),
        user=world.people.partner,
        title="Minutes",
        body="The minutes of our meeting.",
        language="fr",
        files=[upload("minutes.pdf")],
    ).execute()
    with django_capture_on_commit_callbacks(execute=True):
        ErasePersonAction(world.people.partner).execute()
    assert not PostAttachment.objects.filter(post=partner_post).exists()
    assert len(stored(media_root)) == 1


def test_the_reply_form_sends_files_and_names_a_refused_one(client, world):
    thread = ask(world).thread
    client.force_login(world.people.trainer)
    url = reverse("capacity_lms:exchange_reply", args=[thread.pk])
    data = {"body": "Our template", "language": "fr"}
    refused = client.post(url, {**data, "attachments": [upload("a.pdf", b"<html>")]})
    assert refused.status_code == 400
    assert "“a.pdf” is named .pdf but its content" in refused.content.decode()
    assert thread.posts.count() == 1
    sent = client.post(url, {**data, "attachments": [upload("a.pdf"), upload("b.pdf")]})
    assert sent.status_code == 302
    assert sorted(PostAttachment.objects.values_list("original_name", flat=True)) == [
        "a.pdf",
        "b.pdf",
    ]
