"""What else a lesson needs to complete, told by the domains above ``courses``.

A lesson with a required deliverable step completes when a trainer accepts the learner's
association's work on it, but the workbook that knows this sits in the training layer, above
``courses``. It registers a source of acceptances here when the app is ready; with none
registered, no step is accepted, so such a lesson never completes by mistake (fail closed).
"""

_sources = []


def register_acceptances(source):
    """``source(user, lesson)`` returns the ids of ``lesson``'s deliverable steps accepted for
    ``user``'s work. Registering the same callable again changes nothing."""
    if source not in _sources:
        _sources.append(source)
    return source


def accepted_steps(user, lesson):
    accepted = set()
    for source in _sources:
        accepted |= set(source(user, lesson))
    return accepted
