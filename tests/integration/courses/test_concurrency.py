"""Double clicks and parallel requests against a real database: one row per fact."""

import pytest

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from courses.actions import CompleteLessonAction, EnrolAction
from courses.models import Enrolment, LessonCompletion
from courses.signals import course_completed
from sandbox.testing.factories import CatalogueIndexPageFactory, UserFactory
from sandbox.testing.world import ensure_wagtail_site
from tests.concurrency import run_together

from .conftest import make_course

# A transactional test before this one (a browser test) may have flushed the database:
# "migrated_rows" puts back what the migrations made (roles, statuses, the Wagtail site).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]


@pytest.fixture
def world():
    load_standard_taxonomy()
    catalogue = CatalogueIndexPageFactory(parent=ensure_wagtail_site().root_page)
    course = make_course(catalogue, lessons=2, quiz=False)
    return course, UserFactory(username="parallel")


def test_parallel_enrolments_leave_one_row(world):
    course, user = world
    errors = run_together([lambda: EnrolAction(course, user=user).execute()] * 8)
    assert errors == []
    assert Enrolment.objects.filter(user=user, course=course).count() == 1


def test_parallel_completions_record_the_course_once(world):
    course, user = world
    EnrolAction(course, user=user).execute()
    first, last = [lesson.specific for lesson in course.lessons()]
    CompleteLessonAction(first, user=user).execute()
    received = []

    def count(**kwargs):
        received.append(kwargs["enrolment"].pk)

    course_completed.connect(count, weak=False)
    try:
        errors = run_together([lambda: CompleteLessonAction(last, user=user).execute()] * 6)
    finally:
        # Only ours: the certificate rules listen to this signal too.
        course_completed.disconnect(count)
    assert errors == []
    assert LessonCompletion.objects.filter(user=user).count() == 2
    assert Enrolment.objects.get(user=user, course=course).completed_at is not None
    assert len(received) == 1
