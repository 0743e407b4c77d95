"""The later domains of the generated world, over its associations and members: the network
(local associations in Morocco, partnerships, offers and needs), a handful of case studies,
applications to last year's call with the committee's decisions, exchange-space threads, and
evaluation answers (reactions, self-assessments).

Each part runs the real actions (or the factories) under ``clock.at`` of the day things
happened, drawing from a generator seeded from the world's seed and day, so the same world
makes the same history. A world that has them already (its first local association in
Morocco exists) is left as it is: a second load adds nothing. Notices that the actions queue
go to the dummy task backend while loading."""

import dataclasses
import random
import time

from django.test import override_settings

from capacity_lms.people.models import Association
from sandbox.home.demo_tasks import HOLD_EVERY_TASK
from sandbox.home.world.base import SEED
from sandbox.home.world.calls import load_calls
from sandbox.home.world.evaluation import load_evaluation
from sandbox.home.world.exchange import load_exchange
from sandbox.home.world.library import load_library
from sandbox.home.world.network import MARKER, load_network


def load_later_domains(world):
    """Add the later domains' history to ``world``; returns counts (empty when already there)."""
    if Association.objects.filter(registration_number=MARKER).exists():
        return {}
    started = time.perf_counter()
    # Demo data, not security. A generator of their own, from the world's seed and day: the
    # later domains draw the same whatever the earlier parts drew before them.
    seed = f"{SEED}/later/{world.today.isoformat()}"
    world = dataclasses.replace(world, rng=random.Random(seed))  # noqa: S311  # nosec B311
    with override_settings(TASKS=HOLD_EVERY_TASK):
        counts, _locals = load_network(world)
        counts["case studies (world)"] = load_library(world)
        counts.update(load_calls(world))
        counts.update(load_exchange(world))
        counts.update(load_evaluation(world))
    counts["later domains (seconds)"] = round(time.perf_counter() - started, 1)
    return counts
