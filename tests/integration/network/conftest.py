import pytest
from django.core.cache import cache

from sandbox.testing.directory_factories import DirectoryPageFactory
from tests.integration.courses.conftest import site_root, taxonomy  # noqa: F401  (fixtures)


@pytest.fixture
def directory(site_root, taxonomy):  # noqa: F811  (fixtures)
    cache.clear()
    page = DirectoryPageFactory(parent=site_root, associations_per_page=5)
    yield page
    cache.clear()
