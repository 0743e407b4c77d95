"""Timing checks that hold on a shared, noisy machine.

A fixed number of seconds is either too lax on a fast machine or flaky on a loaded one. The
suite's timing checks therefore compare the work under test with a reference doing the same
kind of work, measured in the same test, and take the fastest of a few runs of each (the
fastest is the one least disturbed by other processes). An unbounded walk is hundreds of times
slower than its reference, so a small factor still catches it.
"""

import math
import time


def fastest(action, repeat=3):
    """The fastest of ``repeat`` runs of ``action()``, in seconds, and its last result."""
    best, result = math.inf, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def assert_about_as_fast(measured, reference, *, factor=5, what="it"):
    assert measured < factor * reference, (
        f"{what} took {measured * 1000:.1f} ms, over {factor} times the reference's "
        f"{reference * 1000:.1f} ms"
    )
