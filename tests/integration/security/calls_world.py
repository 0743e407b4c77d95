"""The calls for projects' part of the access matrix's world: a call, a funded project of the
learner's association (the learner is its admin) with its agreement and a report due, a
submitted application (eligibility), and an eligible one assigned to a reviewer of the call's
committee, which a chair outside the matrix's roles chairs."""

import datetime

from wagtail.models import Site

from capacity_lms.calls.followup import RecordAgreementAction
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import ReviewAssignment
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
from sandbox.testing.committee_factories import ApplicationFactory, CommitteeMemberFactory
from sandbox.testing.factories import UserFactory
from sandbox.testing.followup_factories import funded_application


def build_calls_world(people, objects):
    """Objects the calls' URLs name, added to ``objects``."""
    root = Site.objects.get(is_default_site=True).root_page
    calls = CallIndexPageFactory(parent=root, slug="matrix-calls")
    objects["call"] = CallPageFactory(parent=calls, slug="matrix-call")
    objects["pages"].update({"calls": calls, "call": objects["call"]})
    application = funded_application(
        objects["call"], association=objects["association"], admin=people["learner"]
    )
    day = datetime.date(2026, 3, 1)
    RecordAgreementAction(
        application,
        user=people["staff"],
        amount="90000",
        signed_on=day,
        tranches=[("90000", day)],
        reports=[("final", day.replace(month=11))],
    ).execute()
    objects["funded_application"] = application
    objects["project_report"] = application.reports.get()
    objects["tranche"] = application.agreement.tranches.get()
    objects["submitted_application"] = ApplicationFactory(call=objects["call"])
    eligible = ApplicationFactory(call=objects["call"], status=Application.Status.ELIGIBLE)
    chair, reviewer = UserFactory(username="matrix-chair"), UserFactory(username="matrix-reviewer")
    CommitteeMemberFactory(call=objects["call"], user=chair, is_chair=True)
    CommitteeMemberFactory(call=objects["call"], user=reviewer)
    objects["eligible_application"] = eligible
    objects["review_assignment"] = ReviewAssignment.objects.create(
        application=eligible, reviewer=reviewer, assigned_by=chair
    )
