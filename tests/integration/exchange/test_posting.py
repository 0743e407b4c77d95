"""Writing in a space (issue #23, point 2): a thread and its replies carry their language; the
text is cleaned (scripts, event handlers and javascript: links removed); the same form sent
twice is one post; edits keep the replaced text; an author's deletion hides and keeps the post;
the answer is marked by the asker or a moderator; held first posts wait for a moderator."""

import uuid

import pytest

from capacity_lms.core.actions import ActionRefused
from capacity_lms.exchange.models import Post, PostRevision, Space, Thread
from capacity_lms.exchange.moderation import ShowPost
from capacity_lms.exchange.people_models import Follow, ModerationEvent
from capacity_lms.exchange.posting import (
    DeletePost,
    EditPost,
    MarkSolution,
    Reply,
    StartThread,
)
from capacity_lms.exchange.spaces import space_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PAYLOADS = [
    "<script>alert(1)</script>Hello",
    '<img src=x onerror="alert(1)">Hello',
    '<a href="javascript:alert(1)">Hello</a>',
    '<a href="JaVaScRiPt:alert(1)">Hello</a>',
    '<a href="java&#x09;script:alert(1)">Hello</a>',
    '<p onclick="alert(1)" style="color:red">Hello</p>',
    '<svg onload="alert(1)"><circle/></svg>Hello',
    '<iframe src="https://evil.example"></iframe>Hello',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Hello</a>',
    "<style>body{display:none}</style>Hello",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>Hello',
    '<form action="https://evil.example"><button>Hello</button></form>',
    '<object data="javascript:alert(1)"></object>Hello',
    '<a href="vbscript:msgbox(1)">Hello</a>',
]
FORBIDDEN = (
    "<script",
    "onerror",
    "onload",
    "onclick",
    "javascript:",
    "<iframe",
    "<svg",
    "<style",
    "data:text",
    "<form",
    "<object",
    "vbscript:",
    "style=",
)


def start(world, person=None, body="How do we write a logical framework?", **kwargs):
    space = space_for("workshop", world.workshop.pk)
    return StartThread(
        space,
        user=person or world.people.learner,
        title=kwargs.pop("title", "Logical framework"),
        body=body,
        language=kwargs.pop("language", "en"),
        **kwargs,
    ).execute()


def test_a_thread_starts_with_its_first_post_in_its_language_and_the_space_gets_its_row(world):
    assert not Space.objects.exists()
    post = start(world, language="ar", title="الإطار المنطقي", body="كيف نكتب الإطار المنطقي؟")
    thread = post.thread
    assert (thread.language, post.language) == ("ar", "ar")
    assert thread.space.kind == "workshop" and thread.post_count == 1
    assert Follow.objects.filter(user=world.people.learner, thread=thread).exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_scripts_handlers_and_javascript_links_are_removed(world, payload):
    post = start(world, body=payload)
    body = post.body.lower()
    assert "hello" in body
    for bad in FORBIDDEN:
        assert bad not in body, (payload, post.body)


def test_nothing_but_markup_is_refused_and_nothing_is_written(world):
    for empty in ("", "   ", "<script>alert(1)</script>", "<p> </p>"):
        with pytest.raises(ActionRefused):
            start(world, body=empty)
    assert not Thread.objects.exists() and not Post.objects.exists()


def test_the_same_form_sent_twice_is_one_post(world):
    key = uuid.uuid4()
    first = start(world, submission_key=key)
    again = start(world, submission_key=key)
    assert first.pk == again.pk
    assert Thread.objects.count() == 1 and Post.objects.count() == 1
    reply_key = uuid.uuid4()
    trainer = world.people.trainer
    for _ in range(2):
        Reply(
            first.thread,
            user=trainer,
            body="Start from the problem tree.",
            language="en",
            submission_key=reply_key,
        ).execute()
    assert Post.objects.filter(author=trainer).count() == 1
    first.thread.refresh_from_db()
    assert first.thread.post_count == 2


def test_a_stranger_is_refused_and_nothing_is_written(world):
    with pytest.raises(ActionRefused):
        start(world, person=world.people.other)
    assert not Thread.objects.exists()


def test_an_edit_keeps_the_replaced_text_and_only_the_author_edits(world):
    post = start(world, body="First version")
    with pytest.raises(ActionRefused):
        EditPost(post, user=world.people.trainer, body="Not mine", language="en").execute()
    EditPost(post, user=world.people.learner, body="Second version", language="fr").execute()
    post.refresh_from_db()
    assert "Second version" in post.body and post.language == "fr" and post.edited_at
    assert [revision.body for revision in PostRevision.objects.filter(post=post)] == [
        "<p>First version</p>"
    ]


def test_a_deleted_post_is_kept_hidden_with_its_history_row(world):
    post = start(world)
    reply = Reply(post.thread, user=world.people.trainer, body="Answer", language="en").execute()
    DeletePost(reply, user=world.people.trainer).execute()
    reply.refresh_from_db()
    assert reply.status == Post.Status.DELETED
    assert ModerationEvent.objects.filter(post=reply, verb="deleted").exists()
    reply.thread.refresh_from_db()
    assert reply.thread.post_count == 1


def test_the_asker_or_a_moderator_marks_the_answer_and_no_one_else(world):
    post = start(world)
    answer = Reply(post.thread, user=world.people.trainer, body="Answer", language="en").execute()
    with pytest.raises(ActionRefused):
        MarkSolution(post.thread, user=world.people.other, post=answer).execute()
    MarkSolution(post.thread, user=world.people.learner, post=answer).execute()
    assert Thread.objects.get(pk=post.thread_id).solution_id == answer.pk
    MarkSolution(post.thread, user=world.people.trainer, post=None).execute()
    assert Thread.objects.get(pk=post.thread_id).solution_id is None


def test_a_locked_thread_takes_no_reply(world):
    post = start(world)
    Thread.objects.filter(pk=post.thread_id).update(locked=True)
    post.thread.refresh_from_db()
    with pytest.raises(ActionRefused) as refused:
        Reply(post.thread, user=world.people.trainer, body="Late", language="en").execute()
    assert refused.value.code == "locked"


def test_a_new_members_first_post_waits_for_a_moderator_where_the_space_says_so(world):
    first = start(world)  # makes the space's row
    Space.objects.filter(pk=first.thread.space_id).update(holds_first_posts=True)
    Post.objects.filter(pk=first.pk).delete()
    thread = Thread.objects.get(pk=first.thread_id)
    held = Reply(thread, user=world.people.learner, body="Me again", language="en").execute()
    assert held.status == Post.Status.HELD
    # The trainer (a moderator) is never held.
    ok = Reply(thread, user=world.people.trainer, body="Welcome", language="en").execute()
    assert ok.status == Post.Status.VISIBLE
    ShowPost(held, user=world.people.trainer).execute()
    held.refresh_from_db()
    assert held.status == Post.Status.VISIBLE
    later = Reply(thread, user=world.people.learner, body="Thanks", language="en").execute()
    assert later.status == Post.Status.VISIBLE


def test_a_quote_must_be_a_shown_post_of_the_same_thread(world):
    post = start(world)
    other = start(world, title="Another", body="Another question")
    with pytest.raises(ActionRefused) as refused:
        Reply(
            post.thread, user=world.people.trainer, body="x", language="en", quoted=other
        ).execute()
    assert refused.value.code == "quote"
    quoting = Reply(
        post.thread, user=world.people.trainer, body="Yes", language="en", quoted=post
    ).execute()
    assert quoting.quoted_id == post.pk


def test_a_language_outside_the_site_s_is_refused(world):
    with pytest.raises(ActionRefused) as refused:
        start(world, language="xx")
    assert refused.value.code == "language"


def test_moderators_hold_first_posts_and_only_staff_make_a_topic_public(world):
    from capacity_lms.exchange.moderation import ChangeSpaceSettings

    cohort = space_for("workshop", world.workshop.pk)
    ChangeSpaceSettings(cohort, user=world.people.trainer, holds_first_posts=True).execute()
    assert Space.objects.get(kind="workshop").holds_first_posts
    with pytest.raises(ActionRefused):
        ChangeSpaceSettings(
            cohort, user=world.people.trainer, holds_first_posts=True, is_public=True
        ).execute()
    with pytest.raises(ActionRefused):
        ChangeSpaceSettings(
            cohort, user=world.people.staff, holds_first_posts=True, is_public=True
        ).execute()
    topic = space_for("axis", world.axis.pk)
    with pytest.raises(ActionRefused):
        ChangeSpaceSettings(topic, user=world.people.learner, holds_first_posts=False).execute()
    ChangeSpaceSettings(
        topic, user=world.people.staff, holds_first_posts=False, is_public=True
    ).execute()
    assert Space.objects.get(kind="axis").is_public
    assert ModerationEvent.objects.filter(verb="settings").count() == 2
