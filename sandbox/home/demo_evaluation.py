"""The demo's evaluation and impact (issue #25): the two questionnaires in three languages
(sandbox/demo_content/evaluation/questionnaires.toml), the capacity areas and follow-up delay of
each demo module, and the verified associations' self-assessments of last year and this year,
this year's better where their members trained, so the impact report shows a change.

Loading it again changes nothing: questionnaires are found by kind and title, self-assessments
are one per association and year.
"""

import datetime
import random
import tomllib
from pathlib import Path

from django.utils import timezone

from capacity_lms.evaluation.assessment import TakeSelfAssessment
from capacity_lms.evaluation.models import Questionnaire, SelfAssessment
from capacity_lms.evaluation.questionnaire_forms import sections
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import CapacityArea
from courses.models import CoursePage

CONTENT = (
    Path(__file__).resolve().parents[1] / "demo_content" / "evaluation" / "questionnaires.toml"
)
KINDS = {
    "self_assessment": Questionnaire.Kind.SELF_ASSESSMENT,
    "follow_up": Questionnaire.Kind.FOLLOW_UP,
}


def load_content(path=CONTENT):
    with open(path, "rb") as file:
        return tomllib.load(file)


def _question(item):
    value = {"text": item["text"], "required": item.get("kind") != "text"}
    if item["kind"] == "choice":
        value["options"] = [
            {"type": "item", "id": f"{item['id']}-{number}", "value": option}
            for number, option in enumerate(item["options"])
        ]
    return {"type": item["kind"], "id": item["id"], "value": value}


def _body(content, areas):
    return [
        {
            "type": "section",
            "id": f"section-{number}",
            "value": {
                "area": areas[item["area"]].pk if item.get("area") else None,
                "heading": item["heading"],
                "questions": [_question(question) for question in item["questions"]],
            },
        }
        for number, item in enumerate(content["sections"])
    ]


def ensure_questionnaires(content):
    areas = {area.code: area for area in CapacityArea.objects.all()}
    found = {}
    for key, kind in KINDS.items():
        part = content[key]
        questionnaire = Questionnaire.objects.filter(
            kind=kind, title_en=part["title"]["en"]
        ).first()
        if questionnaire is None:
            Questionnaire.objects.filter(kind=kind, is_active=True).update(is_active=False)
            questionnaire = Questionnaire.objects.create(
                kind=kind,
                **{f"title_{language}": text for language, text in part["title"].items()},
                **{f"intro_{language}": text for language, text in part["intro"].items()},
                body=_body(part, areas),
            )
        found[key] = questionnaire
    return found


def tag_modules(content):
    """Each demo module (every language version) declares its capacity areas and follow-up."""
    areas = {area.code: area for area in CapacityArea.objects.all()}
    for slug, settings in content["modules"].items():
        wanted = {areas[code].pk for code in settings["areas"]}
        for course in CoursePage.objects.filter(slug=slug):
            if (
                set(course.capacity_areas.values_list("pk", flat=True)) == wanted
                and course.follow_up_months == settings["follow_up_months"]
            ):
                continue
            # A page's many-to-many fields are its cluster's: published with a revision, as
            # an editor's change would be (a later publish keeps them).
            course.capacity_areas.set(wanted)
            course.follow_up_months = settings["follow_up_months"]
            course.save_revision().publish()


def _answers(questionnaire, rng, level):
    """Answers around ``level`` (1 to 5) for every scored question, and one free text."""
    answers = {}
    for question in (q for section in sections(questionnaire) for q in section.questions):
        if question.kind == "scale":
            answers[question.id] = max(1, min(5, level + rng.choice((-1, 0, 0, 1))))
        elif question.kind == "choice":
            position = max(
                0, min(len(question.options) - 1, (level - 1) // 2 + rng.choice((0, 0, 1)))
            )
            answers[question.id] = question.options[position][0]
        else:
            answers[question.id] = rng.choice(
                ("Un trésorier formé.", "Des partenaires au Maroc.", "More young volunteers.")
            )
    return answers


def load_self_assessments(questionnaire):
    """Last year's and this year's self-assessment of every verified association: this year
    one step better on average, so the report's areas show the change."""
    this_year = timezone.localdate().year
    created = 0
    associations = Association.objects.live().verified().order_by("name")
    for association in associations:
        # Demo answers, the same on every load: not a secret.
        rng = random.Random(f"{association.name}/{association.registration_number}")  # noqa: S311  # nosec B311
        level = rng.choice((1, 2, 2, 3, 3, 4))
        for year, step in ((this_year - 1, 0), (this_year, rng.choice((0, 1, 1, 2)))):
            if SelfAssessment.objects.filter(association=association, year=year).exists():
                continue
            taken = datetime.datetime(year, 3, 1 + rng.randrange(27), 10, tzinfo=datetime.UTC)
            TakeSelfAssessment(
                association,
                questionnaire=questionnaire,
                answers=_answers(questionnaire, rng, level + step),
                language=rng.choice(("ar", "fr", "en")),
                now=min(taken, timezone.now()),
            ).execute()
            created += 1
    return created


def load_evaluation(users):
    content = load_content()
    questionnaires = ensure_questionnaires(content)
    tag_modules(content)
    assessments = load_self_assessments(questionnaires["self_assessment"])
    return {
        "questionnaires": Questionnaire.objects.count(),
        "self-assessments created": assessments,
    }
