"""Reaction pages carry the language of what people wrote (WCAG 2.2 SC 3.1.2): a comment in
Arabic letters is marked Arabic in a page in another language; a French comment, a workshop
title in French and a person's name are isolated in an Arabic page."""

import pytest
from django.urls import reverse
from django.utils import translation

from sandbox.testing.factories import UserFactory
from tests.integration.conftest import make_workshop
from tests.integration.evaluation.reaction_world import answer, meeting_session, request_about
from tests.text_direction import arabic_under_latin, unisolated_latin

pytestmark = pytest.mark.django_db

ARABIC_COMMENT = "كان الإيقاع سريعا بعض الشيء."
FRENCH_COMMENT = "Des exemples très concrets, merci."
FRENCH_TITLE = "Tenir les comptes d'une association"


@pytest.fixture
def answered(countries, trainer):
    workshop = make_workshop(
        countries["fr"], trainers=[trainer], sessions=0, title=FRENCH_TITLE, language="fr"
    )
    session = meeting_session(workshop)
    signer = UserFactory(first_name="Nadia", last_name="Amrani")
    answer(request_about(session, trainers=[trainer]), comment=ARABIC_COMMENT)
    answer(
        request_about(session, person=signer, trainers=[trainer]),
        comment=FRENCH_COMMENT,
        signed=True,
    )
    return session


def page_in(client, person, language, name):
    client.force_login(person)
    with translation.override(language):
        url = reverse(name)
    return client.get(url).content.decode()


@pytest.mark.parametrize("name", ["capacity_lms:reaction_mine", "capacity_lms:reaction_all"])
def test_an_arabic_comment_is_marked_arabic_in_an_english_page(
    client, answered, trainer, staff, name
):
    person = staff if name.endswith("all") else trainer
    html = page_in(client, person, "en", name)

    assert ARABIC_COMMENT in html
    assert not arabic_under_latin(html)


@pytest.mark.parametrize("name", ["capacity_lms:reaction_mine", "capacity_lms:reaction_all"])
def test_latin_text_people_wrote_is_isolated_in_an_arabic_page(
    client, answered, trainer, staff, name
):
    person = staff if name.endswith("all") else trainer
    html = page_in(client, person, "ar", name)

    assert FRENCH_COMMENT in html and "Nadia Amrani" in html
    stray = " ".join(unisolated_latin(html))
    for written in ("Des exemples", "Tenir les comptes", "Nadia", "Test Person"):
        assert written not in stray
