"""Builders shared by the test suite, the sandbox's demo data and the benchmarks.

Factories (``factories``: factory-boy, the ``sandbox`` extra), the minimal Wagtail site and the
rows a flush removes (``world``), and bulk page inserts for benchmark data sets (``bulk``).
They live in the sandbox, not in ``capacity_lms``: the wheel ships what hosts need only, and
nothing a host imports at run time may need a test-only dependency
(tests/unit/test_runtime_package.py checks it).
"""
