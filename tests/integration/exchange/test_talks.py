"""Links into the rest (issue #23, point 5): a case study is discussed in a space of its own (one
for every language version), shown on its page; an offer or need of the directory opens a
private conversation between the association that published it and one that answers it."""

import pytest
from django.urls import reverse

from capacity_lms.exchange.models import Space
from capacity_lms.exchange.moderation import RemoveFromSpace
from capacity_lms.exchange.posting import StartThread
from capacity_lms.exchange.spaces import space_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def discussion(world):
    return space_for("case_study", world.case_study.translation_key)


def test_a_case_study_page_invites_visitors_and_shows_members_its_discussion(client, world):
    page = world.case_study
    signed_out = client.get(page.url).content.decode()
    assert "Sign in to discuss this case study" in signed_out
    client.force_login(world.people.other)
    assert "Ask the association how they did it" in client.get(page.url).content.decode()
    StartThread(
        discussion(world),
        user=world.people.other,
        title="How did you find the volunteers?",
        body="We want to do the same in Liège.",
        language="en",
    ).execute()
    shown = client.get(page.url).content.decode()
    assert "How did you find the volunteers?" in shown
    assert discussion(world).get_absolute_url() in shown


def test_a_removed_member_sees_no_discussion_and_cannot_reach_it(client, world):
    space = discussion(world)
    RemoveFromSpace(
        space, user=world.people.staff, person=world.people.other, reason="Spam."
    ).execute()
    client.force_login(world.people.other)
    assert "discuss this case study" not in client.get(world.case_study.url).content.decode()
    assert client.get(space.get_absolute_url()).status_code == 404


def test_the_discussion_links_back_to_the_case_study_and_editors_moderate_it(client, world):
    client.force_login(world.people.editor)
    page = client.get(discussion(world).get_absolute_url())
    assert page.status_code == 200
    assert page.context["about_url"] == world.case_study.url
    assert page.context["may_moderate"]
    assert page.context["name"].text == world.case_study.title


def offer_url(world):
    return reverse("capacity_lms:network_offer", args=[world.offer.pk])


def test_an_offer_page_lets_a_member_of_another_association_open_a_conversation(client, world):
    client.force_login(world.people.learner)
    page = client.get(offer_url(world)).content.decode()
    space = Space(kind=Space.Kind.OFFER, offer=world.offer, association=world.ours)
    assert space.get_absolute_url() in page
    assert "Start a conversation as" in page
    empty = client.get(space.get_absolute_url())
    assert empty.status_code == 200 and empty.context["may_write"]
    data = {
        "title": "We can send two volunteers",
        "body": "Our members know libraries well.",
        "language": "fr",
        "submission_key": empty.context["form"]["submission_key"].value(),
    }
    new = reverse("capacity_lms:exchange_new_thread", args=["offer", space.target_key()])
    assert client.post(new, data).status_code == 302
    saved = Space.objects.get(kind="offer")
    assert (saved.offer, saved.association) == (world.offer, world.ours)
    # The publishing side sees the conversation on its offer and answers in it.
    client.force_login(world.people.partner)
    theirs = client.get(offer_url(world)).content.decode()
    assert saved.get_absolute_url() in theirs and "Start a conversation as" not in theirs
    thread = saved.threads.get()
    reply = reverse("capacity_lms:exchange_reply", args=[thread.pk])
    answered = client.post(reply, {"body": "Welcome!", "language": "ar"})
    assert answered.status_code == 302 and thread.posts.count() == 2


def test_nobody_else_reads_an_offers_conversation_by_any_url(client, world):
    space = space_for("offer", f"{world.offer.pk}-{world.ours.pk}")
    post = StartThread(
        space, user=world.people.learner, title="Hello", body="Hello there", language="en"
    ).execute()
    for person in (world.people.other, world.people.trainer, world.people.editor):
        client.force_login(person)
        assert client.get(space.get_absolute_url()).status_code == 404
        thread_url = reverse("capacity_lms:exchange_thread", args=[post.thread_id])
        assert client.get(thread_url).status_code == 404
        found = client.get(reverse("capacity_lms:exchange_search"), {"q": "Hello"})
        assert post.pk not in [match.pk for match in found.context["results"]]
        assert "Conversations about it" not in client.get(offer_url(world)).content.decode()
