"""The demo's evaluation and impact (issue #25): the two questionnaires in three languages
(sandbox/demo_content/evaluation/questionnaires.toml), the capacity areas and follow-up delay of
each demo module, the verified associations' self-assessments of last year and this year
(this year's better where their members trained, so the impact report shows a change), and the
reactions to the trainer's past Lyon workshop: every attendee asked after each meeting, nine
answers (so the trainer's averages show), comments signed and unsigned, and the learner's
request about the last meeting left open, on their My learning.

Loading it again changes nothing: questionnaires are found by kind and title, self-assessments
are one per association and year, a request is answered once.
"""

import datetime
import random
import tomllib
from pathlib import Path

from django.utils import timezone

from capacity_lms.evaluation.assessment import TakeSelfAssessment
from capacity_lms.evaluation.models import Questionnaire, Reaction, ReactionRequest, SelfAssessment
from capacity_lms.evaluation.questionnaire_forms import sections
from capacity_lms.evaluation.reactions import AnswerReaction, OpenMeetingReaction
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import CapacityArea
from capacity_lms.workshops.models import Session
from courses.models import CoursePage
from sandbox.home.demo_attendance import MARKS
from sandbox.home.demo_attendance import SLUG as LYON_WORKSHOP

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


# (meeting number, username): (content, trainer, comment, signed). The learner's request about
# the last meeting stays open for the demo's My learning.
REACTIONS = {
    (0, "learner"): (5, 5, "Enfin des exemples de comptes d'associations comme la nôtre.", True),
    (0, "hajar"): (4, 5, "", False),
    (0, "mehdi"): (3, 4, "Le début était trop rapide pour moi.", False),
    (0, "sanae"): (4, 4, "", False),
    (1, "learner"): (4, 5, "", False),
    (1, "mehdi"): (5, 4, "الأمثلة عن ميزانية الجمعية كانت مفيدة جدًا.", False),
    (2, "hajar"): (5, 5, "Merci pour le modèle de tableau de trésorerie.", True),
    (2, "mehdi"): (4, 3, "", False),
    (2, "sanae"): (2, 3, "Il manquait du temps pour les questions.", False),
}


def load_reactions():
    """Each attendee of the Lyon workshop asked after each meeting (as marking them does), and
    the answers of REACTIONS given the day after, within the window."""
    session = Session.objects.filter(workshop__slug=LYON_WORKSHOP).first()
    if session is None:
        return 0
    people = {
        registration.user.username: registration.user
        for registration in session.workshop.registrations.select_related("user")
    }
    answered = 0
    for number, day in enumerate(session.occurrence_dates()):
        for username in MARKS[number]:
            reaction = REACTIONS.get((number, username))
            if reaction is None or username not in people:
                continue
            request, _created = OpenMeetingReaction(
                session, person=people[username], occurrence_date=day
            ).execute()
            if Reaction.objects.filter(request=request).exists():
                continue
            content, trainer, comment, signed = reaction
            AnswerReaction(
                request,
                user=people[username],
                content_rating=content,
                trainer_rating=trainer,
                comment=comment,
                signed=signed,
                now=request.opens_at + datetime.timedelta(hours=20),
            ).execute()
            answered += 1
    return answered


def load_evaluation(users):
    content = load_content()
    questionnaires = ensure_questionnaires(content)
    tag_modules(content)
    assessments = load_self_assessments(questionnaires["self_assessment"])
    load_reactions()
    return {
        "questionnaires": Questionnaire.objects.count(),
        "self-assessments created": assessments,
        "reaction requests": ReactionRequest.objects.count(),
        "reactions": Reaction.objects.count(),
    }
