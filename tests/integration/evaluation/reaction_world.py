"""What the reaction tests share: a fixed clock, a meeting that ended at a known instant, and
requests and answers written straight to the database when the test is about reading them."""

import datetime

from django.utils import timezone

from capacity_lms.evaluation.models import Reaction, ReactionRequest
from sandbox.testing.factories import SessionFactory, UserFactory

# A meeting of 10:00-12:00 in Paris on 10 March 2026 (UTC+1): it ends at 11:00 UTC.
MEETING_DAY = datetime.date(2026, 3, 10)
MEETING_ENDS = datetime.datetime(2026, 3, 10, 11, 0, tzinfo=datetime.UTC)
DURING = MEETING_ENDS - datetime.timedelta(hours=1)
AFTER = MEETING_ENDS + datetime.timedelta(hours=2)


def fixed_clock(monkeypatch, at):
    """Make ``timezone.now()`` answer ``at`` (every module reads it through the module)."""
    monkeypatch.setattr(timezone, "now", lambda: at)


def meeting_session(workshop, day=MEETING_DAY):
    return SessionFactory(
        workshop=workshop,
        date=day,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        time_zone="Europe/Paris",
    )


def request_about(session, person=None, trainers=(), day=MEETING_DAY, opens_at=MEETING_ENDS):
    """A meeting's request for ``person`` (a new one when None), written directly."""
    request = ReactionRequest.objects.create(
        user=person or UserFactory(),
        subject=ReactionRequest.Subject.MEETING,
        session=session,
        occurrence_date=day,
        opens_at=opens_at,
        closes_at=opens_at + datetime.timedelta(days=14),
    )
    request.trainers.set(trainers)
    return request


def answer(request, content=4, trainer=4, comment="", signed=False, at=AFTER):
    return Reaction.objects.create(
        request=request,
        content_rating=content,
        trainer_rating=trainer if request.trainers.exists() else None,
        comment=comment,
        signed=signed,
        answered_at=at,
    )


def answered_meetings(workshop, trainers, count, content=4, trainer=4, day=MEETING_DAY):
    """``count`` people who answered about one meeting of ``workshop``."""
    session = meeting_session(workshop, day)
    return [
        answer(request_about(session, trainers=trainers, day=day), content, trainer)
        for _ in range(count)
    ]
