"""The demo project workbook: the demo learner's association has written its logical
framework in the French foundations module, and the trainer accepted it (which completes the
lesson); its budget waits in the trainer's queue; its needs analysis is a draft. Through the
workbook's actions, as members and trainers do. Idempotent: a step already written is left.
"""

import datetime
from decimal import Decimal

from capacity_lms.people.models import Membership
from capacity_lms.projects.budget import BudgetCategory
from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.workbook.actions import ReviewStep, SaveStep, find_deliverable
from capacity_lms.workbook.models import DeliverableReview, Workbook
from capacity_lms.workbook.steps import Step
from courses.models import CoursePage, LessonPage

LOGFRAME = {
    "objectives": [
        {"text": "Les élèves de 8 à 12 ans du quartier améliorent leurs résultats scolaires."}
    ],
    "results": [
        {"objective": 1, "text": "40 élèves suivent l'aide aux devoirs deux fois par semaine."},
        {"objective": 1, "text": "Les parents rencontrent les enseignants chaque trimestre."},
    ],
    "activities": [
        {
            "result": 1,
            "text": "Recruter et former huit tuteurs bénévoles",
            "starts_on": datetime.date(2027, 1, 11),
            "ends_on": datetime.date(2027, 2, 12),
        },
        {
            "result": 1,
            "text": "Animer les séances d'aide aux devoirs",
            "starts_on": datetime.date(2027, 2, 15),
            "ends_on": datetime.date(2027, 6, 25),
        },
        {
            "result": 2,
            "text": "Organiser trois rencontres parents-enseignants",
            "starts_on": datetime.date(2027, 3, 1),
            "ends_on": datetime.date(2027, 6, 15),
        },
    ],
    "indicators": [
        {
            "result": 1,
            "text": "Élèves suivis régulièrement",
            "unit": "élèves",
            "baseline": Decimal("0"),
            "target": Decimal("40"),
            "source": "Feuilles de présence",
        },
        {
            "result": 2,
            "text": "Familles présentes aux rencontres",
            "unit": "familles",
            "baseline": Decimal("5"),
            "target": Decimal("30"),
            "source": "Comptes rendus des rencontres",
        },
    ],
    "assumptions": [{"text": "La mairie prête une salle chaque mercredi."}],
}
BUDGET_LINES = [
    (BudgetCategory.STAFF, "Coordination (mi-temps)", "mois", "6", "900", "EUR"),
    (BudgetCategory.EQUIPMENT, "Manuels et fournitures", "lot", "1", "450", "EUR"),
    (BudgetCategory.COMMUNICATION, "Affiches et flyers", "lot", "1", "150", "EUR"),
]


def _steps(course):
    found = {}
    for lesson in LessonPage.objects.child_of(course).live().specific():
        for step_id, value in lesson.deliverables:
            found[value["kind"]] = Step(lesson, step_id, value)
    return found


def _budget():
    return {
        "currency": "EUR",
        "funding": {"requested_amount": Decimal("5000"), "own_contribution": Decimal("600")},
        "lines": [
            {
                "category": category,
                "description": description,
                "unit": unit,
                "quantity": Decimal(quantity),
                "unit_cost": Decimal(cost),
                "currency": currency,
            }
            for category, description, unit, quantity, cost, currency in BUDGET_LINES
        ],
        "funders": [],
    }


def load_workbook(users):
    learner, trainer = users["learner"], users["trainer"]
    membership = Membership.objects.filter(user=learner).select_related("association").first()
    course = CoursePage.objects.filter(
        slug="project-engineering-foundations", locale__language_code="fr"
    ).first()
    if membership is None or course is None:
        return {"workbooks": Workbook.objects.count()}
    association = membership.association
    steps = _steps(course)
    logframe = steps.get(DeliverableKind.LOGFRAME)
    if logframe and find_deliverable(association, logframe) is None:
        SaveStep(
            logframe,
            user=learner,
            association=association,
            parts={
                "sections": {
                    "overall_objective": "Favoriser la réussite scolaire des enfants du quartier."
                },
                "logframe": LOGFRAME,
            },
            submit=True,
        ).execute()
        ReviewStep(
            find_deliverable(association, logframe),
            user=trainer,
            step=logframe,
            decision=DeliverableReview.Decision.ACCEPTED,
            scores=[2, 2, 1],
            comment="Cadre logique clair ; précisez la source du second indicateur.",
        ).execute()
    budget = steps.get(DeliverableKind.BUDGET)
    if budget and find_deliverable(association, budget) is None:
        # The association costs its project in euros (the budget step's currency).
        SaveStep(
            budget, user=learner, association=association, parts={"budget": _budget()}, submit=True
        ).execute()
    needs = steps.get(DeliverableKind.NEEDS_ANALYSIS)
    if needs and find_deliverable(association, needs) is None:
        SaveStep(
            needs,
            user=learner,
            association=association,
            content={
                "problem": "Beaucoup d'enfants du quartier décrochent dès le collège.",
                "target_groups": "Les familles de la Duchère, enfants de 8 à 12 ans.",
                "causes": [{"text": "Pas d'aide aux devoirs à la maison"}],
                "effects": [{"text": "Redoublements et orientation subie"}],
            },
            parts={
                "sections": {
                    "context": "Beaucoup d'enfants du quartier décrochent dès le collège.",
                    "target_groups": "Les familles de la Duchère, enfants de 8 à 12 ans.",
                }
            },
        ).execute()
    return {"workbooks": Workbook.objects.count()}
