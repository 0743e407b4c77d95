"""The one shape of every state change: an action, as Wagtail's own are.

``SomeAction(subject, user=acting_user, **details)``: the subject first (the object changed, or
the one the change is about: a course, a workshop, a session, a certificate, a person), then
the acting user by keyword, then what the change needs by keyword. ``check()`` raises
:class:`ActionRefused` with messages for a person (and nothing is written); ``execute()``
checks, then changes the database in one transaction and returns what it changed. What follows
a change outside the database (an e-mail, a task, a signal to another domain) is queued with
``transaction.on_commit``. Views, the admin, commands, tasks and the erasure call the same
actions, so they behave alike.

:class:`BaseAction` is Wagtail's ``wagtail.actions.base.BaseAction`` (so an action may be
registered for Wagtail's generic create, edit and delete views, as ``EditWorkshopAction`` is),
with our refusal added.
"""

from django.contrib import messages
from wagtail.actions.base import BaseAction as WagtailBaseAction


class ActionRefused(Exception):
    """The action cannot be done; ``messages`` tell the person why. Nothing was changed."""

    def __init__(self, *messages, code="refused"):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = list(messages)
        self.code = code


def show_refusal(request, error):
    """An :class:`ActionRefused`'s messages, as error messages for the next page shown."""
    for message in error.messages:
        messages.error(request, message)


def perform(request, action, success=""):
    """Run ``action`` for a view that answers with a redirect: what it refuses becomes error
    messages, and ``success`` (a message, or a callable given the action's result and
    returning one) a success message. Returns whether the action was done."""
    try:
        result = action.execute()
    except ActionRefused as refused:
        show_refusal(request, refused)
        return False
    message = success(result) if callable(success) else success
    if message:
        messages.success(request, message)
    return True


class ImportRefused(Exception):
    """The file was not imported; ``problems`` says why, one line each (naming the bad lines
    where there are lines). Nothing was changed."""

    def __init__(self, problems):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


class BaseAction(WagtailBaseAction):
    """One state change: ``Action(subject, user=..., ...)``, ``check()`` then ``execute()``.

    ``instance`` is the subject and ``user`` the acting user (None for the system: a task, a
    command run by nobody in particular). Subclasses implement ``check()`` (raise
    :class:`ActionRefused`) and ``execute()`` (check, then write); an action that extends one
    of Wagtail's (``EditAction``) keeps Wagtail's permission check and adds ours.
    """
