"""Calls for projects in the access matrix's world: an open call, and the application of the
learner's association (the learner is its admin), submitted, with its frozen version; and last
year's call, where the same association's project was funded, with its agreement and a report
due. The other learner is the admin of another association: every URL naming the first one's
application or report is a 404 for them, as for everybody else."""

import datetime

from capacity_lms.calls.actions import SubmitApplication
from capacity_lms.calls.followup import RecordAgreementAction
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory, application_for
from sandbox.testing.followup_factories import funded_application


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
    )
    build_followup_world(people, objects, calls)


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
