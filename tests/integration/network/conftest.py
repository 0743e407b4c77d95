"""Fixtures of the association network's tests (registration, verification, joining, merging:
tests/integration/network/association_world.py)."""

from tests.integration.network.association_world import (  # noqa: F401  (fixtures)
    media_root,
    staff,
    taxonomy,
    verified,
)
