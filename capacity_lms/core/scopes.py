"""One rule for every scope: sight of everything comes only from an explicit permission (or
being a superuser); anyone else sees what they are assigned, and nothing when nothing is.

A country coordinator without countries, a trainer without workshops, a reviewer without
applications: each gets an empty :class:`Reach`, and :meth:`Reach.limit` gives them an empty
queryset. No absent assignment ever widens a scope. Domains build their scopes with
:func:`reach` and filter with :meth:`Reach.limit`; nothing here knows a domain.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reach:
    """What one person may see in one scope: ``everything``, or the ``assigned`` keys (the
    primary keys or codes of workshops, countries...), which may be none."""

    everything: bool = False
    assigned: frozenset = frozenset()

    @property
    def is_empty(self):
        return not self.everything and not self.assigned

    def limit(self, queryset, lookup="pk"):
        """``queryset`` cut to this reach: whole, the rows whose ``lookup`` is assigned, or
        none at all."""
        if self.everything:
            return queryset
        if not self.assigned:
            return queryset.none()
        return queryset.filter(**{f"{lookup}__in": sorted(self.assigned)})


NOTHING = Reach()


def reach(user, everything_permission, assigned):
    """``user``'s reach: everything for an active superuser or a holder of
    ``everything_permission`` (``None``: no permission grants everything); otherwise the keys
    ``assigned(user)`` returns (called only then), possibly none. Visitors and inactive
    accounts reach nothing."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    if sees_everything(user, everything_permission):
        return Reach(everything=True)
    return Reach(assigned=frozenset(assigned(user)))


def sees_everything(user, everything_permission):
    """Whether ``user`` sees the whole of a scope: an active superuser, or a holder of
    ``everything_permission`` (``None``: no permission grants it). Never for lack of an
    assignment."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(
        everything_permission and user.has_perm(everything_permission)
    )
