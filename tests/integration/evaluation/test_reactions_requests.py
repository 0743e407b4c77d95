"""Reactions (#25 point 2): a person is asked once per meeting they attended and once per module
they completed; the request opens when the meeting ends (at completion for a module) and closes
CAPACITY_LMS_REACTION_WINDOW_DAYS later; its trainers are those of that time."""

import datetime

import pytest
from django.test import override_settings
from wagtail.models import Site

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.evaluation.models import ReactionRequest
from capacity_lms.evaluation.reactions import OpenMeetingReaction
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.workshops.models import Session
from courses.actions import CompleteLessonAction, EnrolAction, SubmitQuizAction
from sandbox.testing.factories import CatalogueIndexPageFactory, UserFactory
from tests.integration.certificates.conftest import translate_to_french
from tests.integration.conftest import make_workshop
from tests.integration.courses.conftest import make_course, right_answers
from tests.integration.evaluation.reaction_world import (
    DURING,
    MEETING_DAY,
    MEETING_ENDS,
    fixed_clock,
    meeting_session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(countries, trainer, monkeypatch):
    fixed_clock(monkeypatch, DURING)
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0)
    return meeting_session(workshop)


def mark(session, trainer, person, code="present"):
    return MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=MEETING_DAY,
        status=AttendanceStatus.objects.get(code=code),
        method=AttendanceRecord.Method.ROSTER,
        person=person,
    ).execute()


def test_marked_present_asks_once_from_the_end_of_the_meeting(
    meeting, trainer, member, committing
):
    with committing():
        mark(meeting, trainer, member)

    request = ReactionRequest.objects.get(user=member)
    assert request.subject == "meeting"
    assert (request.session, request.occurrence_date) == (meeting, MEETING_DAY)
    assert request.opens_at == MEETING_ENDS
    assert request.closes_at == MEETING_ENDS + datetime.timedelta(days=14)
    assert list(request.trainers.all()) == [trainer]
    assert request.emailed_at is None


def test_marking_present_twice_or_again_after_late_leaves_one_request(
    meeting, trainer, member, committing
):
    with committing():
        mark(meeting, trainer, member)
    with committing():
        mark(meeting, trainer, member)
    with committing():
        mark(meeting, trainer, member, code="late")
    with committing():
        mark(meeting, trainer, member)

    assert ReactionRequest.objects.filter(user=member).count() == 1


def test_the_action_run_twice_gives_the_same_request(meeting, member):
    first, created = OpenMeetingReaction(
        meeting, person=member, occurrence_date=MEETING_DAY
    ).execute()
    again, created_again = OpenMeetingReaction(
        meeting, person=member, occurrence_date=MEETING_DAY
    ).execute()

    assert (created, created_again) == (True, False)
    assert first == again
    assert ReactionRequest.objects.count() == 1


@pytest.mark.parametrize("code", ["absent", "excused"])
def test_a_status_that_does_not_count_asks_nothing(meeting, trainer, member, committing, code):
    with committing():
        mark(meeting, trainer, member, code=code)

    assert not ReactionRequest.objects.exists()


def test_a_mark_corrected_to_absent_takes_back_the_request_nobody_was_asked_yet(
    meeting, trainer, member, committing
):
    with committing():
        mark(meeting, trainer, member)
    with committing():
        mark(meeting, trainer, member, code="absent")

    assert not ReactionRequest.objects.exists()


def test_a_request_already_emailed_stays_when_the_mark_is_corrected(
    meeting, trainer, member, committing
):
    with committing():
        mark(meeting, trainer, member)
    ReactionRequest.objects.update(emailed_at=MEETING_ENDS)
    with committing():
        mark(meeting, trainer, member, code="absent")

    assert ReactionRequest.objects.count() == 1


def test_the_trainers_are_those_of_the_meeting_time(
    meeting, trainer, other_trainer, member, committing
):
    with committing():
        mark(meeting, trainer, member)
    meeting.workshop.trainers.set([other_trainer])

    assert list(ReactionRequest.objects.get().trainers.all()) == [trainer]


def test_a_cancelled_meeting_asks_nothing(meeting, trainer, member, committing):
    with committing():
        mark(meeting, trainer, member)
    ReactionRequest.objects.all().delete()
    Session.objects.filter(pk=meeting.pk).update(status=Session.Status.CANCELLED)
    meeting.refresh_from_db()
    record = AttendanceRecord.objects.get()
    from capacity_lms.evaluation.reaction_receivers import on_attendance_marked

    on_attendance_marked(AttendanceRecord, record=record)

    assert not ReactionRequest.objects.exists()


@override_settings(CAPACITY_LMS_REACTION_WINDOW_DAYS=3)
def test_the_window_is_a_setting(meeting, member):
    request, _created = OpenMeetingReaction(
        meeting, person=member, occurrence_date=MEETING_DAY
    ).execute()

    assert request.closes_at - request.opens_at == datetime.timedelta(days=3)


@pytest.fixture
def modules(db):
    load_standard_taxonomy()
    return CatalogueIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)


def complete(course, person):
    EnrolAction(course, user=person).execute()
    lessons = list(course.lessons())
    CompleteLessonAction(lessons[0], user=person).execute()
    quiz_id, answers = right_answers(lessons[-1])
    SubmitQuizAction(
        lessons[-1], user=person, quiz_id=quiz_id, answers=answers, submission_token="t"
    ).execute()


def test_a_completed_module_asks_once_with_the_trainers_of_every_language_version(
    modules, trainer, other_trainer, committing, monkeypatch
):
    fixed_clock(monkeypatch, DURING)
    course = make_course(modules, title="Budgeting")
    course.trainers.add(trainer)
    course.save_revision().publish()
    translate_to_french(course)
    french = course.get_translations().get()
    french.trainers.add(other_trainer)
    french.save_revision().publish()
    person = UserFactory()

    with committing():
        complete(course, person)

    request = ReactionRequest.objects.get(user=person)
    assert request.subject == "module"
    assert request.course_id == course.pk
    assert request.opens_at == DURING
    assert request.closes_at == DURING + datetime.timedelta(days=14)
    assert set(request.trainers.all()) == {trainer, other_trainer}
