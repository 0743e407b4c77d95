"""Fixtures of the association network's tests: registration, verification, joining, merging
(tests/integration/network/association_world.py) and the directory page."""

import pytest
from django.core.cache import cache

from sandbox.testing.directory_factories import DirectoryPageFactory
from tests.integration.courses.conftest import site_root  # noqa: F401  (fixtures)
from tests.integration.network.association_world import (  # noqa: F401  (fixtures)
    media_root,
    staff,
    taxonomy,
    verified,
)


@pytest.fixture
def directory(site_root, taxonomy):  # noqa: F811  (fixtures)
    cache.clear()
    page = DirectoryPageFactory(parent=site_root, associations_per_page=5)
    yield page
    cache.clear()
