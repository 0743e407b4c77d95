"""A version number per space, in the shared cache, moved on by every change of what its panels
show (a thread, a post, a hidden or deleted post, the answer, a lock, a removal): pages keep a
space's latest threads while its number stays put (``exchange/page_panels.py``)."""

from django.db import transaction

from capacity_lms.core.versions import bump


def version_key(kind, key):
    return f"capacity_lms:exchange:space:{kind}:{key}"


def space_changed(space):
    """Move the space's number on now and once the change commits (a reader between the two
    finds a number no kept value was read under)."""
    key = version_key(space.kind, space.target_key())
    bump(key)
    transaction.on_commit(lambda: bump(key))
