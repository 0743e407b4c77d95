"""A list of calls under the site root, with a call open now (committee of three)."""

import pytest

from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
from tests.integration.courses.conftest import site_root, taxonomy  # noqa: F401  (fixtures)


@pytest.fixture
def calls(site_root):  # noqa: F811  (fixtures)
    return CallIndexPageFactory(parent=site_root)


@pytest.fixture
def call(calls, taxonomy):  # noqa: F811  (fixtures)
    return CallPageFactory(parent=calls, title="Partnership programme 2026", slug="call-2026")
