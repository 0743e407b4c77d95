"""Signed-in course and lesson pages (issue #20): what is the same for everyone is rendered once
and kept (capacity_lms.core.page_cache_on), the learner's own part costs a fixed, small number of
queries, a kept piece ends when what it shows changes, and nobody sees another's progress."""

import pickle

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from capacity_lms.taxonomy.models import StrategicAxis
from courses.models import Enrolment, LessonCompletion
from sandbox.testing.factories import LessonPageFactory, paragraph_block

from .conftest import make_course

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def queries_of(client, url, committing=None):
    """The queries of one request. ``committing`` runs what the request leaves for after its
    commit, as production does (a request outside a transaction commits as it goes): what a
    page keeps in the shared cache only once its reads are committed is then kept."""
    with CaptureQueriesContext(connection) as queries:
        if committing is None:
            response = client.get(url)
        else:
            with committing():
                response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def enrolled_course(catalogue, learner, lessons):
    course = make_course(catalogue, lessons=lessons, title=f"Module of {lessons}")
    Enrolment.objects.create(user=learner, course=course)
    first = course.lessons().first()
    LessonCompletion.objects.create(user=learner, lesson=first, course=course, method="explicit")
    return course


def counts(client, course, committing=None):
    """Queries of the course page, a lesson without a quiz and the lesson with the quiz:
    first request (pieces rendered and kept), then the next one (pieces kept)."""
    lessons = list(course.lessons())
    urls = {"course": course.url, "lesson": lessons[1].url, "quiz lesson": lessons[-1].url}
    cold = {name: queries_of(client, url, committing) for name, url in urls.items()}
    warm = {name: queries_of(client, url, committing) for name, url in urls.items()}
    return cold, warm


def test_course_and_lesson_pages_run_at_most_12_queries_at_5_and_50_lessons(
    client, catalogue, learner, page_cache_on, committing
):
    client.force_login(learner)
    # What every page keeps for the whole site (the navigation's committee seats) is kept by
    # a first page, so that both modules' first requests start alike.
    queries_of(client, catalogue.url, committing)
    small = counts(client, enrolled_course(catalogue, learner, 5), committing)
    large = counts(client, enrolled_course(catalogue, learner, 50), committing)
    assert large == small
    cold, warm = small
    # Routing (site, locale, the catalogue, the course, the lesson: one query each for our
    # pages), Wagtail's view restrictions (2), session and user, the learner's enrolment with
    # their completions (1), the quiz attempts on a lesson with a quiz, the workshops panel;
    # the cohort space's panel is kept in the shared cache (no query once kept).
    assert max(warm.values()) <= 12, warm
    assert warm["lesson"] < warm["quiz lesson"] <= 12
    assert all(warm[name] < cold[name] for name in warm), (cold, warm)


def test_two_learners_each_see_their_own_progress(
    client, catalogue, learner, other_learner, page_cache_on
):
    course = make_course(catalogue, lessons=4)
    lessons = list(course.lessons())
    Enrolment.objects.create(user=learner, course=course)
    for lesson in lessons[:2]:
        LessonCompletion.objects.create(
            user=learner, lesson=lesson, course=course, method="explicit"
        )
    Enrolment.objects.create(user=other_learner, course=course)

    client.force_login(learner)
    first = client.get(course.url).content.decode()
    first_lesson = client.get(lessons[1].url).content.decode()
    assert "In progress: 50%" in first  # two of four required lessons
    assert first.count("is-complete") == 2
    assert "You have completed this lesson." in first_lesson

    client.force_login(other_learner)
    second = client.get(course.url).content.decode()
    second_lesson = client.get(lessons[1].url).content.decode()
    assert "In progress: 0%" in second
    assert "is-complete" not in second
    assert "You have completed this lesson." not in second_lesson
    assert "Mark as complete" in second_lesson

    client.logout()
    visitor = client.get(course.url).content.decode()
    assert "In progress" not in visitor
    assert "Sign in to enrol" in visitor


def test_no_kept_piece_holds_a_csrf_token_or_a_learners_state(
    client, catalogue, learner, page_cache_on
):
    course = make_course(catalogue, lessons=3)
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    for url in [course.url, *(lesson.url for lesson in course.lessons())]:
        assert "csrfmiddlewaretoken" in client.get(url).content.decode()
    kept = [
        str(pickle.loads(value))  # noqa: S301  # nosec B301: the test's own memory cache
        for key, value in list(cache._cache.items())  # every piece kept
        if "capacity_lms:fragment" in key
    ]
    assert kept
    for piece in kept:
        assert "csrfmiddlewaretoken" not in piece
        assert "In progress" not in piece
        assert "Mark as complete" not in piece


def test_a_new_revision_shows_at_once(client, catalogue, learner, page_cache_on):
    course = make_course(catalogue, lessons=2, title="Budgets")
    lesson = course.lessons().last().specific
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    assert "Budgets" in client.get(course.url).content.decode()
    assert "Lesson 2 content." in client.get(lesson.url).content.decode()

    course.title = "Budgets and reports"
    course.save_revision().publish()
    lesson.body = [paragraph_block("<p>Rewritten lesson.</p>")]
    lesson.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Budgets and reports" in html
    lesson_html = client.get(lesson.url).content.decode()
    assert "Rewritten lesson." in lesson_html
    assert "Lesson 2 content." not in lesson_html
    assert "Budgets and reports" in lesson_html  # the breadcrumb


def test_a_lesson_added_or_unpublished_changes_the_outline(
    client, catalogue, learner, page_cache_on
):
    course = make_course(catalogue, lessons=2, title="Budgets")
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    assert "Budgets: lesson 2" in client.get(course.url).content.decode()

    LessonPageFactory(parent=course, title="A third lesson", body=[paragraph_block("<p>x</p>")])
    html = client.get(course.url).content.decode()
    assert "A third lesson" in html
    first = course.lessons().first()
    assert "A third lesson" in client.get(first.url).content.decode()  # outline of a lesson

    course.lessons().get(title="Budgets: lesson 2").specific.unpublish()
    assert "Budgets: lesson 2" not in client.get(course.url).content.decode()
    assert "Budgets: lesson 2" not in client.get(first.url).content.decode()


def test_a_translation_appearing_is_linked_at_once(client, catalogue, learner, page_cache_on):
    course = make_course(catalogue, lessons=1, title="Budgets")
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    assert "hreflang" not in client.get(course.url).content.decode()

    locale, _ = Locale.objects.get_or_create(language_code="fr")
    french = course.copy_for_translation(locale, copy_parents=True)
    french.title = "Budgets (fr)"
    french.save_revision().publish()
    assert 'hreflang="fr"' in client.get(course.url).content.decode()


def test_a_taxonomy_label_edit_shows_at_once(client, catalogue, learner, page_cache_on):
    course = make_course(catalogue, lessons=1)
    client.force_login(learner)
    axis = StrategicAxis.objects.get(code="project-engineering")
    assert axis.name_en in client.get(course.url).content.decode()
    axis.name_en = "Designing projects that last"
    axis.save()
    assert "Designing projects that last" in client.get(course.url).content.decode()


def test_catalogue_and_my_learning_queries_do_not_grow_with_cards(
    client, catalogue, learner, page_cache_on
):
    from django.urls import reverse

    client.force_login(learner)

    def add(count):
        for _ in range(count):
            course = make_course(catalogue, lessons=3, quiz=False)
            Enrolment.objects.create(user=learner, course=course)
            LessonCompletion.objects.create(
                user=learner, lesson=course.lessons().first(), course=course, method="explicit"
            )

    def measure():
        urls = [catalogue.url + "?q=", catalogue.url, reverse("capacity_lms:my_learning")]
        return [queries_of(client, url) for url in urls]

    add(2)
    measure()  # pieces rendered and kept
    few = measure()
    add(10)  # twelve cards, a full page
    measure()
    assert measure() == few
    # Routing (4), view restrictions, session and user, the catalogue's translations open to
    # everyone (2), the learner's statuses; the cards, filters and taxonomy kept.
    assert few[0] <= 10, few


def test_catalogue_cards_show_each_learner_their_own_status(
    client, catalogue, learner, other_learner, page_cache_on
):
    course = make_course(catalogue, lessons=2, quiz=False, title="Budgets")
    Enrolment.objects.create(user=learner, course=course)
    LessonCompletion.objects.create(
        user=learner, lesson=course.lessons().first(), course=course, method="explicit"
    )
    client.force_login(learner)
    assert "In progress: 50%" in client.get(catalogue.url, {"q": ""}).content.decode()
    client.force_login(other_learner)
    html = client.get(catalogue.url, {"q": ""}).content.decode()
    assert "In progress" not in html
    assert "Not enrolled" in html
    client.logout()
    assert "Not enrolled" not in client.get(catalogue.url, {"q": ""}).content.decode()


def test_catalogue_cards_change_with_the_course(client, catalogue, learner, page_cache_on):
    course = make_course(catalogue, lessons=1, title="Budgets")
    client.force_login(learner)
    assert "Budgets" in client.get(catalogue.url, {"q": ""}).content.decode()
    course.title = "Budgets and reports"
    course.save_revision().publish()
    assert "Budgets and reports" in client.get(catalogue.url, {"q": ""}).content.decode()
    make_course(catalogue, lessons=1, title="Fundraising")
    html = client.get(catalogue.url, {"q": ""}).content.decode()
    assert "Fundraising" in html and "2 training modules" in html
    course.unpublish()
    assert "Budgets and reports" not in client.get(catalogue.url, {"q": ""}).content.decode()


def test_view_restrictions_are_wagtails_in_one_query(client, catalogue, course):
    from wagtail.models import Page, PageViewRestriction

    from capacity_lms.core.tree import view_restrictions

    lesson = course.lessons().last().specific
    alias = course.create_alias(parent=catalogue, update_slug="course-alias")
    on_catalogue = PageViewRestriction.objects.create(
        page=catalogue, restriction_type=PageViewRestriction.LOGIN
    )
    on_course = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    for each in (catalogue, course, lesson, alias):
        wagtails = set(Page.get_view_restrictions(each))
        with CaptureQueriesContext(connection) as captured:
            ours = set(view_restrictions(each))
        assert ours == wagtails
        assert len(captured) == 1
    assert set(view_restrictions(alias)) == {on_catalogue, on_course}
    assert client.get(lesson.url).status_code == 302  # to the login page
