"""A call's history: every state change of an application is one row, written by the action
that made it, in the same transaction (who, when, what, about which application, why)."""

from capacity_lms.calls.models import CallEvent


def record(call, verb, *, actor=None, application=None, reason="", **details):
    """Write the history row of one state change of ``call`` (the call in the default
    language: applications and committees belong to it)."""
    return CallEvent.objects.create(
        call=call,
        application=application,
        verb=verb,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason,
        details={key: value for key, value in details.items() if value is not None},
    )


def history_of(call):
    """The call's history, oldest first, with who did what."""
    return CallEvent.objects.filter(call=call).select_related("actor", "application__association")
