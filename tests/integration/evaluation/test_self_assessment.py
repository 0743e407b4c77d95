"""The association self-assessment (issue #25, point 1): an admin answers the questionnaire in
use; the answers become a score per capacity area; the weak areas lead to the modules that
strengthen them, on the association's capacities page and in My learning."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capacity_lms.core.actions import ActionRefused
from capacity_lms.evaluation.assessment import TakeSelfAssessment
from capacity_lms.evaluation.models import AreaScore, SelfAssessment
from capacity_lms.evaluation.questionnaire_forms import QuestionnaireForm, section_scores, sections
from capacity_lms.evaluation.recommendations import profile_of, recommended_modules
from capacity_lms.people.models import Membership
from capacity_lms.taxonomy.models import CapacityArea
from courses.actions import EnrolAction
from courses.models import Enrolment
from sandbox.testing.factories import AssociationFactory, CoursePageFactory, UserFactory
from sandbox.testing.network_factories import association_admin
from sandbox.testing.questionnaire_factories import (
    choice,
    free_text,
    make_questionnaire,
    scale,
    section,
)
from tests.integration.courses.conftest import catalogue, site_root, taxonomy  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

NOW = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)


def area(code):
    return CapacityArea.objects.get(code=code)


@pytest.fixture
def questionnaire(taxonomy):  # noqa: F811
    return make_questionnaire(
        sections=[
            section(
                "Governance",
                [
                    scale("Our board meets as the statutes say.", id="gov-1"),
                    scale("We vote.", id="gov-2"),
                ],
                area=area("governance"),
            ),
            section(
                "Finance",
                [
                    choice(
                        "Who keeps the accounts?",
                        [("Nobody", 0), ("A volunteer", 50), ("An accountant", 100)],
                        id="fin-1",
                    )
                ],
                area=area("finance"),
            ),
            section(
                "Communication",
                [scale("We publish a yearly report.", id="com-1")],
                area=area("communication"),
            ),
            section("In your words", [free_text("What do you need most?", id="words")]),
        ]
    )


def option_id(questionnaire, question_id, label):
    for question in (q for s in sections(questionnaire) for q in s.questions):
        if question.id == question_id:
            return next(oid for oid, text, _ in question.options if text["en"] == label)
    raise KeyError(question_id)


def answers_for(questionnaire, governance=(1, 2), finance="Nobody", communication=5):
    return {
        "gov-1": governance[0],
        "gov-2": governance[1],
        "fin-1": option_id(questionnaire, "fin-1", finance),
        "com-1": communication,
        "words": "A treasurer.",
    }


def posted(answers):
    return {f"q_{key}": value for key, value in answers.items()}


def test_the_answers_become_a_score_per_area_the_free_text_unscored(questionnaire):
    scores = section_scores(sections(questionnaire), answers_for(questionnaire))
    by_code = {(found.code if found else None): value for found, value in scores.items()}
    # Governance: (1, 2) -> 0 and 25, mean 12.5; finance "Nobody" 0; communication 5 -> 100.
    assert by_code == {
        "governance": (Decimal("12.50"), 2),
        "finance": (Decimal("0.00"), 1),
        "communication": (Decimal("100.00"), 1),
    }


def test_the_form_accepts_only_the_questionnaires_questions_and_options(questionnaire):
    form = QuestionnaireForm(
        questionnaire, {**posted(answers_for(questionnaire)), "q_fin-1": "forged"}
    )
    assert not form.is_valid()
    assert "q_fin-1" in form.errors
    form = QuestionnaireForm(questionnaire, {**posted(answers_for(questionnaire)), "q_gov-1": "9"})
    assert not form.is_valid() and "q_gov-1" in form.errors
    form = QuestionnaireForm(
        questionnaire,
        {**posted(answers_for(questionnaire)), "q_words": "x" * 2001, "q_extra": "1"},
    )
    assert not form.is_valid() and "q_words" in form.errors
    form = QuestionnaireForm(questionnaire, {**posted(answers_for(questionnaire)), "q_extra": "1"})
    assert form.is_valid(), form.errors
    assert "extra" not in form.answers()


def test_an_admin_takes_it_once_a_year_and_revising_replaces_that_years_profile(questionnaire):
    association = AssociationFactory()
    admin = association_admin(association)
    TakeSelfAssessment(
        association,
        user=admin,
        questionnaire=questionnaire,
        answers=answers_for(questionnaire),
        language="en",
        now=NOW,
    ).execute()
    TakeSelfAssessment(
        association,
        user=admin,
        questionnaire=questionnaire,
        answers=answers_for(questionnaire, finance="An accountant"),
        language="fr",
        now=NOW + datetime.timedelta(days=30),
    ).execute()
    assert SelfAssessment.objects.filter(association=association).count() == 1
    scores = dict(
        AreaScore.objects.filter(assessment__association=association).values_list(
            "area__code", "score"
        )
    )
    assert scores["finance"] == Decimal("100.00")
    TakeSelfAssessment(
        association,
        user=admin,
        questionnaire=questionnaire,
        answers=answers_for(questionnaire),
        language="en",
        now=NOW + datetime.timedelta(days=365),
    ).execute()
    assert list(
        SelfAssessment.objects.filter(association=association).values_list("year", flat=True)
    ) == [2027, 2026]


def test_only_an_admin_of_the_association_takes_it(questionnaire):
    association = AssociationFactory()
    member = UserFactory()
    Membership.objects.create(user=member, association=association)
    for person in (member, UserFactory(), association_admin(AssociationFactory())):
        with pytest.raises(ActionRefused):
            TakeSelfAssessment(
                association,
                user=person,
                questionnaire=questionnaire,
                answers=answers_for(questionnaire),
                language="en",
                now=NOW,
            ).execute()
    assert not SelfAssessment.objects.exists()


def module(catalogue, title, *codes, countries=()):  # noqa: F811
    page = CoursePageFactory(parent=catalogue, title=title)
    page.capacity_areas.set([area(code) for code in codes])
    page.countries.set(countries)
    page.save_revision().publish()
    return page


def test_recommended_modules_follow_a_hand_built_profile(questionnaire, catalogue, countries):  # noqa: F811
    """Governance 12.5 and finance 0 are weak (< 60), communication 100 is not: the finance
    modules first (the weakest), a module strengthening both before one strengthening one,
    nothing for communication, nothing closed to the association's country, nothing done."""
    association = AssociationFactory(host_country=countries["fr"])
    admin = association_admin(association)
    both = module(catalogue, "Accounts and board", "finance", "governance")
    finance = module(catalogue, "Bookkeeping", "finance")
    governance = module(catalogue, "Statutes", "governance")
    module(catalogue, "Newsletters", "communication")
    module(catalogue, "Accounts in Canada", "finance", countries=[countries["ca"]])
    done = module(catalogue, "Treasury", "finance")
    EnrolAction(done, user=admin).execute()
    Enrolment.objects.filter(user=admin, course=done).update(completed_at=timezone.now())
    TakeSelfAssessment(
        association,
        user=admin,
        questionnaire=questionnaire,
        answers=answers_for(questionnaire),
        language="en",
        now=NOW,
    ).execute()
    profile = profile_of(association)
    assert [result.area.code for result in profile.weak_areas] == ["finance", "governance"]
    shown = recommended_modules(profile, association=association, user=admin)
    assert [page.pk for page in shown] == [both.pk, finance.pk, governance.pk]
    # Someone else (who completed nothing) is also shown the one the admin completed.
    assert done.pk in [p.pk for p in recommended_modules(profile, association=association)]


def test_no_weak_area_no_recommendation(questionnaire, catalogue):  # noqa: F811
    association = AssociationFactory()
    admin = association_admin(association)
    module(catalogue, "Bookkeeping", "finance")
    TakeSelfAssessment(
        association,
        user=admin,
        questionnaire=questionnaire,
        answers=answers_for(questionnaire, governance=(5, 4), finance="An accountant"),
        language="en",
        now=NOW,
    ).execute()
    assert recommended_modules(profile_of(association), association=association) == []


def test_the_pages_take_it_and_show_the_profile_and_the_modules(client, questionnaire, catalogue):  # noqa: F811
    association = AssociationFactory()
    admin = association_admin(association)
    finance = module(catalogue, "Bookkeeping", "finance")
    client.force_login(admin)
    url = reverse("capacity_lms:self_assessment", args=[association.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b"Who keeps the accounts?" in page.content
    refused = client.post(url, {"q_gov-1": "1"})
    assert refused.status_code == 400 and not SelfAssessment.objects.exists()
    response = client.post(url, posted(answers_for(questionnaire)))
    assert response.status_code == 302
    shown = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    weak = [row["data-area"] for row in shown.select("[data-capacity-profile] tr[data-weak]")]
    assert weak == ["governance", "finance"]
    links = [a["href"] for a in shown.select("[data-recommended] a")]
    assert finance.url in links
    my_learning = BeautifulSoup(
        client.get(reverse("capacity_lms:my_learning")).content, "html.parser"
    )
    assert finance.url in [a["href"] for a in my_learning.select("[data-recommended] a")]


def test_other_people_get_404_and_members_read_but_do_not_take_it(client, questionnaire):
    association = AssociationFactory()
    member = UserFactory()
    Membership.objects.create(user=member, association=association)
    take = reverse("capacity_lms:self_assessment", args=[association.pk])
    read = reverse("capacity_lms:association_capacities", args=[association.pk])
    client.force_login(member)
    assert client.get(read).status_code == 200
    assert client.get(take).status_code == 404
    client.force_login(association_admin(AssociationFactory()))
    assert client.get(read).status_code == 404
    assert client.post(take, posted(answers_for(questionnaire))).status_code == 404
    assert not SelfAssessment.objects.exists()


def test_the_capacities_page_takes_the_same_queries_with_2_and_20_modules(
    client,
    questionnaire,
    catalogue,  # noqa: F811
):
    association = AssociationFactory()
    admin = association_admin(association)
    TakeSelfAssessment(
        association,
        user=admin,
        questionnaire=questionnaire,
        answers=answers_for(questionnaire),
        language="en",
        now=NOW,
    ).execute()
    client.force_login(admin)
    url = reverse("capacity_lms:association_capacities", args=[association.pk])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for number in range(2):
        module(catalogue, f"Finance {number}", "finance", "governance")
    few = queries()
    for number in range(2, 20):
        module(catalogue, f"Finance {number}", "finance")
    assert queries() == few
