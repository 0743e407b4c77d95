"""The exchange pages (issue #23): a registrant asks in the workshop's cohort space, the
trainer answers and marks it solved, through the pages; the reply form quotes; a thread is
marked read by a POST only; the thread list and a thread page run the same queries at 10 and
1,000 posts; search finds only what the reader may read."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capacity_lms.exchange.models import Post, Thread
from capacity_lms.exchange.people_models import ReadMarker
from capacity_lms.exchange.posting import StartThread, saved
from capacity_lms.exchange.spaces import space_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def space_url(world):
    return reverse("capacity_lms:exchange_space", args=["workshop", world.workshop.pk])


def ask(world, title="Logical framework", body="Where do we start?"):
    space = space_for("workshop", world.workshop.pk)
    return StartThread(
        space, user=world.people.learner, title=title, body=body, language="en"
    ).execute()


def test_a_registrant_asks_and_the_trainer_answers_and_marks_it_solved(client, world):
    client.force_login(world.people.learner)
    page = client.get(space_url(world))
    assert page.status_code == 200
    key = page.context["form"]["submission_key"].value()
    data = {"title": "Logical framework", "body": "Where do we start?", "language": "en"}
    new = reverse("capacity_lms:exchange_new_thread", args=["workshop", world.workshop.pk])
    first = client.post(new, {**data, "submission_key": key})
    again = client.post(new, {**data, "submission_key": key})
    assert first.status_code == again.status_code == 302
    thread = Thread.objects.get()
    assert Post.objects.count() == 1
    client.force_login(world.people.trainer)
    reply = reverse("capacity_lms:exchange_reply", args=[thread.pk])
    response = client.post(reply, {"body": "Start from the problem tree.", "language": "en"})
    assert response.status_code == 302 and "#post-" in response["Location"]
    answer = Post.objects.get(author=world.people.trainer)
    solution = reverse("capacity_lms:exchange_solution", args=[thread.pk])
    client.post(solution, {"post": answer.pk})
    thread.refresh_from_db()
    assert thread.solution_id == answer.pk
    shown = client.get(reverse("capacity_lms:exchange_thread", args=[thread.pk]))
    html = shown.content.decode()
    assert "Start from the problem tree." in html and "the answer" in html


def test_a_bad_reply_is_said_on_the_form_and_nothing_is_written(client, world):
    question = ask(world)
    client.force_login(world.people.trainer)
    reply = reverse("capacity_lms:exchange_reply", args=[question.thread_id])
    response = client.post(reply, {"body": "<script>alert(1)</script>", "language": "en"})
    assert response.status_code == 400
    assert "Write something first." in response.content.decode()
    assert Post.objects.count() == 1


def test_the_reply_form_quotes_the_post_named_and_no_other(client, world):
    question = ask(world)
    other = ask(world, title="Another", body="Another one")
    client.force_login(world.people.trainer)
    url = reverse("capacity_lms:exchange_thread", args=[question.thread_id])
    assert client.get(url, {"quote": question.pk}).context["form"]["quoted"].value() == question.pk
    assert client.get(url, {"quote": other.pk}).context["form"]["quoted"].value() is None


def test_reading_writes_nothing_and_the_post_marks_the_thread_read(client, world):
    question = ask(world)
    client.force_login(world.people.trainer)
    client.get(reverse("capacity_lms:exchange_thread", args=[question.thread_id]))
    assert not ReadMarker.objects.exists()
    listing = client.get(space_url(world))
    assert listing.context["threads"][0].unread
    read = reverse("capacity_lms:exchange_thread_read", args=[question.thread_id])
    client.post(read, {"up_to": question.created_at.isoformat()})
    assert ReadMarker.objects.filter(user=world.people.trainer).count() == 1
    assert not client.get(space_url(world)).context["threads"][0].unread
    # A date in the future is never taken: the marker stays at most now.
    client.post(read, {"up_to": "2999-01-01T00:00:00+00:00"})
    assert ReadMarker.objects.get(user=world.people.trainer).read_at <= timezone.now()
    # A time without its zone, or no time at all: taken as UTC, or as the last post's.
    for sent in ("2020-01-01T00:00:00", "not a time", ""):
        assert client.post(read, {"up_to": sent}).status_code == 302
    assert ReadMarker.objects.filter(user=world.people.trainer).count() == 1


def add_posts(thread, author, count):
    start = timezone.now() - datetime.timedelta(days=30)
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=author,
            body=f"<p>Reply {number}</p>",
            language="fr" if number % 2 else "ar",
            created_at=start + datetime.timedelta(minutes=number),
        )
        for number in range(count)
    )


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_a_thread_page_runs_the_same_queries_at_10_and_1000_posts(client, world):
    question = ask(world)
    client.force_login(world.people.trainer)
    url = reverse("capacity_lms:exchange_thread", args=[question.thread_id])
    add_posts(question.thread, world.people.learner, 9)
    few = queries(client, url)
    add_posts(question.thread, world.people.trainer, 990)
    assert Post.objects.count() == 1000
    assert queries(client, url) == few
    assert queries(client, url, page=50) == few


def test_the_thread_list_runs_the_same_queries_at_10_and_1000_posts(client, world):
    client.force_login(world.people.learner)
    threads = [ask(world, title=f"Question {number}").thread for number in range(10)]
    few = queries(client, space_url(world))
    for thread in threads:
        add_posts(thread, world.people.trainer, 99)
    assert Post.objects.count() == 1000
    assert queries(client, space_url(world)) == few


def test_search_finds_only_what_the_reader_may_read(client, world):
    ask(world, title="Budget lines", body="How detailed are budget lines?")
    topic = saved(space_for("axis", world.axis.pk))
    StartThread(
        topic, user=world.people.other, title="Budget in topic", body="Budget", language="en"
    ).execute()
    url = reverse("capacity_lms:exchange_search")
    client.force_login(world.people.other)
    found = client.get(url, {"q": "budget"}).context["results"]
    assert [post.thread.title for post in found] == ["Budget in topic"]
    client.force_login(world.people.learner)
    found = client.get(url, {"q": "budget"}).context["results"]
    assert {post.thread.title for post in found} == {"Budget lines", "Budget in topic"}


def test_the_spaces_page_lists_the_persons_spaces_saved_or_not(client, world):
    client.force_login(world.people.learner)
    response = client.get(reverse("capacity_lms:exchange_spaces"))
    html = response.content.decode()
    for url in (
        space_url(world),
        reverse("capacity_lms:exchange_space", args=["partnership", world.partnership.pk]),
        reverse("capacity_lms:exchange_space", args=["project", world.application.pk]),
        reverse("capacity_lms:exchange_space", args=["module", world.course.translation_key]),
    ):
        assert url in html
    client.force_login(world.people.other)
    assert (
        space_url(world)
        not in client.get(reverse("capacity_lms:exchange_spaces")).content.decode()
    )


def test_someone_outside_gets_404_by_every_url(client, world):
    question = ask(world)
    client.force_login(world.people.other)
    thread = question.thread_id
    for url in (
        space_url(world),
        reverse("capacity_lms:exchange_thread", args=[thread]),
        reverse("capacity_lms:exchange_edit_post", args=[question.pk]),
        reverse("capacity_lms:exchange_report", args=[question.pk]),
        reverse("capacity_lms:exchange_moderation", args=["workshop", world.workshop.pk]),
    ):
        assert client.get(url, follow=True).status_code == 404, url
    before = Post.objects.count()
    reply = reverse("capacity_lms:exchange_reply", args=[thread])
    assert client.post(reply, {"body": "x", "language": "en"}, follow=True).status_code == 404
    assert Post.objects.count() == before


def test_the_workshop_and_module_pages_show_their_cohort_threads_to_their_people_only(
    client, world, settings
):
    from django.core.cache import cache

    from capacity_lms.exchange.moderation import RemoveFromSpace

    cache.clear()
    workshop_url = reverse("capacity_lms:workshop_detail", args=[world.workshop.slug])
    client.force_login(world.people.learner)
    assert "Questions and answers" in client.get(workshop_url).content.decode()
    ask(world, title="Budget for volunteers")  # moves the space's number on
    assert "Budget for volunteers" in client.get(workshop_url).content.decode()
    client.force_login(world.people.other)
    page = client.get(workshop_url).content.decode()
    assert "Budget for volunteers" not in page and "Questions and answers" not in page
    client.force_login(world.people.trainer)
    assert "Budget for volunteers" in client.get(workshop_url).content.decode()
    space = space_for("workshop", world.workshop.pk)
    RemoveFromSpace(
        space, user=world.people.trainer, person=world.people.learner, reason="Spam"
    ).execute()
    client.force_login(world.people.learner)
    assert "Budget for volunteers" not in client.get(workshop_url).content.decode()
    # The module's page and its lessons: its enrolled learner (the same rule, by page).
    lesson = world.course.lessons().first()
    StartThread(
        space_for("module", world.course.translation_key),
        user=world.people.learner,
        title="Module question",
        body="Which template?",
        language="en",
    ).execute()
    for url in (world.course.url, lesson.url):
        assert "Module question" in client.get(url).content.decode(), url
    client.force_login(world.people.other)
    assert "Module question" not in client.get(world.course.url).content.decode()


def test_readers_see_an_author_by_first_name_and_initial_only(client, world):
    """Many people read a space: an author is named by first name and initial, never by the
    whole name (which may be an association's contact person's) nor the username."""
    learner = world.people.learner
    learner.first_name, learner.last_name = "Othmane", "Lamrani"
    learner.save()
    question = ask(world)
    client.force_login(world.people.trainer)
    html = client.get(reverse("capacity_lms:exchange_thread", args=[question.thread_id])).content
    html = html.decode()
    assert "Othmane L." in html
    assert "Lamrani" not in html and learner.get_username() not in html
    listing = client.get(space_url(world)).content.decode()
    assert "Othmane L." in listing and "Lamrani" not in listing
