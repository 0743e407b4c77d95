"""The access matrix's roles and its row of a public route (matrix.py holds the rows; the
evaluation's parts, which matrix.py imports, take these from here)."""

from dataclasses import dataclass

ALL = frozenset(
    (
        "anonymous",
        "learner",
        "other_learner",
        "trainer",
        "other_trainer",
        "editor",
        "lone_coordinator",
        "staff",
    )
)
SIGNED_IN = ALL - {"anonymous"}
LEARNER = frozenset({"learner"})
STAFF = frozenset({"staff"})
TRAINER_AND_STAFF = frozenset({"trainer", "staff"})
TRAINERS_AND_STAFF = frozenset({"trainer", "other_trainer", "staff"})
HOLDER_AND_STAFF = frozenset({"learner", "staff"})
ADMIN_USERS = frozenset({"trainer", "other_trainer", "editor", "lone_coordinator", "staff"})
NOBODY = frozenset()
# The learner is the admin (leader) of the matrix's association.
LEADER_AND_STAFF = frozenset({"learner", "staff"})


@dataclass(frozen=True)
class Route:
    """A public route: how to fill its URL from the world, who gets in, how it writes."""

    kwargs: object = None  # callable(world) -> dict of URL kwargs
    allowed: frozenset = ALL
    kind: str = "read"
    query: str = ""
    post: object = None  # callable(world) -> POST data for an action's check

    def url_kwargs(self, world):
        return self.kwargs(world) if self.kwargs else {}
