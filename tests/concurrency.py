"""Running code at the same instant in several threads, each with its own database connection,
for the tests that show what the database keeps under contention."""

import threading

from django.db import connection


def run_together(functions, timeout=120):
    """Run each of ``functions`` in its own thread, all released at the same moment by a
    barrier; return the exceptions they raised. Each thread closes its connection."""
    barrier = threading.Barrier(len(functions))
    errors = []

    def worker(function):
        try:
            barrier.wait()
            function()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return errors
