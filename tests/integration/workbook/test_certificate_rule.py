"""A certificate rule may require every deliverable step of the module accepted (#24, point 4):
until the last one is, the rule is not met; once it is, for every member of the association."""

import pytest

from capacity_lms.certificates.eligibility import rule_is_met
from capacity_lms.certificates.models import CertificateRule
from capacity_lms.workbook.actions import ReviewStep, SaveStep, find_deliverable
from capacity_lms.workbook.steps import find_step

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def accept(module, people, name, lesson):
    step = find_step(lesson.pk, module["steps"][name])
    SaveStep(step, user=people["fatima"], association=people["association"], submit=True).execute()
    ReviewStep(
        find_deliverable(people["association"], step),
        user=people["trainer"],
        step=step,
        decision="accepted",
        scores=[len(c["levels"]) - 1 for c in step.rubric],
    ).execute()


def test_the_rule_waits_for_every_step(module, people):
    rule = CertificateRule.objects.create(
        course=module["en"], requires_completion=False, requires_accepted_deliverables=True
    )
    steps = [
        ("needs", module["lesson"]["en"]),
        ("notes", module["lesson"]["en"]),
        ("logframe", module["planning"]),
        ("budget", module["planning"]),
        ("timeline", module["planning"]),
    ]
    for name, lesson in steps:
        assert not rule_is_met(rule, people["fatima"])
        accept(module, people, name, lesson)
    # Accepted for the association: both its members meet the rule, the stranger does not.
    assert rule_is_met(rule, people["fatima"]) and rule_is_met(rule, people["omar"])
    assert not rule_is_met(rule, people["stranger"])
