"""The generated demo world: a programme's worth of activity over the last eighteen months,
around the hand-written demo (``sandbox/home/demo.py``), which loads it last.

``load_world(users)`` builds it from a fixed seed and the day of loading: people and
associations, online training, workshops with their registrations and attendance,
certificates, then the later domains (``later.py``), and last the hand-written demo's
self-assessments for the associations the world added (its next load would add them
otherwise). Every change goes through the real actions under ``clock.at`` the moment it
happened; the same day and seed make the same world. Loading again finds the world (its first
generated member, ``world-001``) and changes nothing.

Notices and PDFs are held back while it loads: tasks go to the dummy backend, and what a task
would have done is called here where the world needs it. The actions queue their tasks after
the commit (``transaction.on_commit``), and the demo loads in one transaction that commits
after this returns: the callbacks the world queued are run here, still on the dummy backend,
rather than at that commit (they would then run for real, as of today).
"""

import time

from django.db import transaction
from django.test import override_settings

from capacity_lms.core import clock
from sandbox.home.demo_evaluation import ensure_questionnaires, load_content, load_self_assessments
from sandbox.home.demo_tasks import HOLD_EVERY_TASK
from sandbox.home.world.base import World
from sandbox.home.world.certificates import load_certificates
from sandbox.home.world.later import load_later_domains
from sandbox.home.world.people import find_world, load_people
from sandbox.home.world.training import load_training
from sandbox.home.world.workshops import load_workshops


def _run_queued_callbacks(connection, before):
    """Run (quietly, now) what the world queued for after the commit."""
    queued = connection.run_on_commit[before:]
    del connection.run_on_commit[before:]
    for _savepoints, callback, _robust in queued:
        callback()


def _self_assessments():
    """The hand-written demo's self-assessments (last year's and this year's) of every
    verified association that has none yet: the associations the world added, so that the
    demo's next load finds nothing left to add."""
    content = load_content()
    questionnaire = ensure_questionnaires(content)["self_assessment"]
    return {"world self-assessments added": load_self_assessments(questionnaire)}


def load_world(users):
    """Build the world unless it is there; returns a summary (counts, seconds taken)."""
    started = time.monotonic()
    world = World.create(clock.today())
    if find_world(world):
        return {"world": "already loaded"}
    summary = {}
    connection = transaction.get_connection()
    with override_settings(TASKS=HOLD_EVERY_TASK):
        before = len(connection.run_on_commit)
        with transaction.atomic():
            parts = [
                ("people", lambda: load_people(world, users)),
                ("training", lambda: load_training(world)),
                ("workshops", lambda: load_workshops(world)),
                ("certificates", lambda: load_certificates(world, users["staff"])),
                ("later domains", lambda: load_later_domains(world)),
                ("self-assessments", _self_assessments),
                ("queued callbacks", lambda: _run_queued_callbacks(connection, before)),
            ]
            for name, part in parts:
                part_started = time.monotonic()
                summary.update(part() or {})
                summary[f"world seconds ({name})"] = round(time.monotonic() - part_started, 1)
    summary["world associations"] = len(world.associations)
    summary["world members"] = len(world.all_members())
    summary["world seconds"] = round(time.monotonic() - started, 1)
    return summary
