"""The task backend the demo data loads under (``load_demo_data``).

The tasks that make the demo's state run at once, as the immediate backend runs them: issuing
and checking certificates, and announcing attendance marks to their listeners (reaction
requests, certificate rules). Every other task is held back, kept in a list as the dummy backend
keeps it, and never run: the e-mails (nobody reads them), the certificates' PDFs (rendered on
their first download) and Wagtail's search and reference indexes, which `make sandbox-data`
rebuilds in bulk after the load (``update_index``, ``rebuild_references_index``). A task not
named here is held back, so a new notice never e-mails from the demo.
"""

import itertools

from django_tasks.backends.base import BaseTaskBackend
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus

RUN_WHILE_LOADING = {
    "capacity_lms.attendance.tasks.announce_attendance",
    "capacity_lms.certificates.tasks.check_certificates",
    "capacity_lms.certificates.tasks.issue_certificates",
}

DEMO_LOADING = {"default": {"BACKEND": "sandbox.home.demo_tasks.DemoLoadingBackend"}}
# Every task held back: the generated world calls what it needs itself (sandbox/home/world).
HOLD_EVERY_TASK = {"default": {"BACKEND": "sandbox.home.demo_tasks.HeldBackBackend"}}


class HeldBackBackend(BaseTaskBackend):
    """Takes every task and runs none, keeping nothing: thousands of the generated world's
    actions queue notices and index updates, and the dummy backend's copy of each (and its
    random id) took seconds of the load."""

    supports_defer = True
    supports_async_task = True
    supports_priority = True

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.numbers = itertools.count(1)

    def enqueue(self, task, args, kwargs):
        return TaskResult(
            task=task,
            id=f"held-{next(self.numbers)}",
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


class DemoLoadingBackend(ImmediateBackend):
    """Runs the tasks of :data:`RUN_WHILE_LOADING` at once; holds back the others."""

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.held_back = HeldBackBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        if task.module_path in RUN_WHILE_LOADING:
            return super().enqueue(task, args, kwargs)
        return self.held_back.enqueue(task, args, kwargs)
