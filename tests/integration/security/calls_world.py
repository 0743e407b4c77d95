"""Calls for projects in the access matrix's world: an open call, the application of the
learner's association (the learner is its admin), submitted, with its frozen version and a
document; last year's call, where the same association's project was funded, with its
agreement and a report due; another submitted application (eligibility) and an eligible one
assigned to a reviewer of the call's committee, which a chair outside the matrix's roles
chairs. The other learner is the admin of another association: every URL naming the first
one's application or report is a 404 for them, as for everybody else."""

import datetime

from django.core.files.base import ContentFile

from capacity_lms.calls.actions import SubmitApplication
from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.followup import RecordAgreementAction
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import ReviewAssignment
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory, application_for
from sandbox.testing.committee_factories import ApplicationFactory, CommitteeMemberFactory
from sandbox.testing.factories import UserFactory
from sandbox.testing.followup_factories import funded_application

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build_calls_world(people, objects, site_root):
    """Objects the calls' URLs name, added to ``objects``."""
    calls = CallIndexPageFactory(parent=site_root)
    call = CallPageFactory(parent=calls, title="Partnership programme", slug="partnership")
    application = application_for(call, objects["association"])
    SubmitApplication(application, user=people["learner"]).execute()
    objects["pages"].update(calls=calls, call=call)
    objects.update(
        call=call,
        application=application,
        application_version=application.versions.get(submitted=True),
        application_document=submitted_document(application, people["learner"]),
    )
    build_followup_world(people, objects, calls)


def submitted_document(application, person):
    """A document of the submitted application (kept in the private storage)."""
    document = ApplicationDocument(
        application=application,
        title="Statutes",
        original_name="statutes.pdf",
        size=len(PDF_BYTES),
        kind="pdf",
        content_type="application/pdf",
        uploaded_by=person,
    )
    document.file.save("statutes.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


def build_followup_world(people, objects, calls):
    """Last year's call: the learner's association's funded project, followed up."""
    previous = CallPageFactory(parent=calls, title="Last year's programme", slug="last-year")
    funded = funded_application(
        previous, association=objects["association"], admin=people["learner"]
    )
    day = datetime.date(2026, 3, 1)
    RecordAgreementAction(
        funded,
        user=people["staff"],
        amount="90000",
        signed_on=day,
        tranches=[("90000", day)],
        reports=[("final", day.replace(month=11))],
    ).execute()
    objects["funded_application"] = funded
    objects["project_report"] = funded.reports.get()
    objects["tranche"] = funded.agreement.tranches.get()
    objects["submitted_application"] = ApplicationFactory(call=objects["call"])
    eligible = ApplicationFactory(call=objects["call"], status=Application.Status.ELIGIBLE)
    chair, reviewer = UserFactory(username="matrix-chair"), UserFactory(username="matrix-reviewer")
    CommitteeMemberFactory(call=objects["call"], user=chair, is_chair=True)
    CommitteeMemberFactory(call=objects["call"], user=reviewer)
    objects["eligible_application"] = eligible
    objects["review_assignment"] = ReviewAssignment.objects.create(
        application=eligible, reviewer=reviewer, assigned_by=chair
    )
