"""The calls' world (a list of calls, a call open now): an application's pages are where a
project is edited today."""

from tests.integration.calls.conftest import call, calls  # noqa: F401  (fixtures)
from tests.integration.courses.conftest import site_root, taxonomy  # noqa: F401  (fixtures)
