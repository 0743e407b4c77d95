"""In the access matrix's world (tests/integration/security/evaluation_reactions_world.py): a
trainer's reactions page shows no name of an unsigned commenter and nothing of the other
trainer's; staff's shows both trainers, names on signed comments only."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.integration.security.conftest import world  # noqa: F401  (the matrix's world)
from tests.integration.security.evaluation_reactions_world import (
    OTHER_TRAINERS_COMMENT,
    SIGNED_AUTHOR,
    SIGNED_COMMENT,
    UNSIGNED_AUTHOR,
    UNSIGNED_COMMENT,
)

pytestmark = pytest.mark.django_db

MINE = reverse("capacity_lms:reaction_mine")


def read(matrix_world, role, url=MINE):
    client = Client()
    client.force_login(matrix_world.people[role])
    with_language = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert with_language.status_code == 200
    return with_language.content.decode()


def test_the_trainer_reads_their_comments_without_unsigned_names_nor_the_other_trainers(
    world,  # noqa: F811
):
    page = read(world, "trainer")

    assert UNSIGNED_COMMENT in page and SIGNED_COMMENT in page
    assert " ".join(SIGNED_AUTHOR) in page
    for part in (*UNSIGNED_AUTHOR, "reaction-zineb"):
        assert part not in page
    assert OTHER_TRAINERS_COMMENT not in page
    assert f">{world.other_workshop.title}<" not in page
    assert "2.4" in page  # their own content average (five answers: 2, 3, 2, 3, 2)


def test_the_other_trainer_reads_none_of_the_first_trainers(world):  # noqa: F811
    page = read(world, "other_trainer")

    assert OTHER_TRAINERS_COMMENT in page
    assert UNSIGNED_COMMENT not in page and SIGNED_COMMENT not in page
    assert " ".join(SIGNED_AUTHOR) not in page
    assert f">{world.workshop.title}<" not in page


@pytest.mark.parametrize("role", ["learner", "editor", "lone_coordinator"])
def test_whoever_trains_nothing_reads_an_empty_page(world, role):  # noqa: F811
    page = read(world, role)

    assert "No reactions about your training yet." in page
    assert UNSIGNED_COMMENT not in page and OTHER_TRAINERS_COMMENT not in page


def test_staff_read_every_comment_names_only_on_signed_ones(world):  # noqa: F811
    page = read(world, "staff", reverse("capacity_lms:reaction_all"))

    assert UNSIGNED_COMMENT in page and OTHER_TRAINERS_COMMENT in page
    assert " ".join(SIGNED_AUTHOR) in page
    assert UNSIGNED_AUTHOR[1] not in page
