"""Calls for projects in the access matrix's world: an open call, and the application of the
learner's association (the learner is its admin), submitted, with its frozen version. The
other learner is the admin of another association: every URL naming the first one's
application is a 404 for them, as for everybody else."""

from capacity_lms.calls.actions import SubmitApplication
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory, application_for


def build_calls_world(people, objects, site_root):
    """Objects the applications' URLs name, added to ``objects``."""
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
