"""The page cache on content pages: courses, preview lessons, case studies, the workshop list
and workshop pages come from the cache for signed-out visitors with no database query, each
visitor with their own CSRF token and CSP nonce; what they show is purged when it changes (a
registration only purges the pages of its workshop); signed-in people never see nor fill it;
a page behind a view restriction, and a lesson's sign-in redirect, are never stored."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from capacity_lms.certificates.models import CertificateSettings
from capacity_lms.core import page_cache
from capacity_lms.core.pages import SHARED_UNTIL_ATTRIBUTE
from capacity_lms.library.models import CaseStudyAttachment
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, StrategicAxis
from capacity_lms.workshops.actions import CancelRegistrationAction, RegisterAction
from capacity_lms.workshops.models import OccurrenceChange
from capacity_lms.workshops.schedule_edits import (
    CreateOccurrenceChangeAction,
    EditSessionAction,
)
from courses.actions import CompleteLessonAction, EnrolAction
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    LibraryIndexPageFactory,
    SessionFactory,
    UserFactory,
)
from tests.integration.conftest import make_workshop
from tests.integration.courses.conftest import make_course
from tests.integration.library.conftest import make_case_study

# How a page's CSRF token and CSP nonce are read: the same as for the catalogue and the library.
from tests.integration.test_page_cache import CSRF_VALUE, NONCE_VALUE

# The page cache on and emptied around each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "page_cache_on")]

KINDS = ["course", "preview_lesson", "case_study", "workshop_list", "workshop"]


@pytest.fixture
def world(db):
    """A course (its first lesson an open preview, the second not) with a workshop, a second
    workshop, a case study related to the course."""
    load_standard_taxonomy()
    root = Site.objects.get(is_default_site=True).root_page
    catalogue = CatalogueIndexPageFactory(parent=root)
    course = make_course(catalogue, title="Budgeting for associations")
    lessons = list(course.lessons())
    library = LibraryIndexPageFactory(parent=root)
    case_study = make_case_study(library, title="Homework clubs in Lyon", related_courses=[course])
    france = Country.objects.get(code="fr")
    workshop = make_workshop(france, title="Budgeting in Paris", capacity=5, course=course)
    other = make_workshop(france, title="Safeguarding in Lyon", capacity=5)
    return {
        "catalogue": catalogue,
        "course": course,
        "preview": lessons[0],
        "locked": lessons[1],
        "case_study": case_study,
        "workshop": workshop,
        "other": other,
    }


def url_of(world, kind):
    return {
        "course": lambda: world["course"].url,
        "preview_lesson": lambda: world["preview"].url,
        "case_study": lambda: world["case_study"].url,
        "workshop_list": lambda: reverse("capacity_lms:workshop_list"),
        "workshop": lambda: workshop_url(world["workshop"]),
    }[kind]()


def workshop_url(workshop):
    return reverse("capacity_lms:workshop_detail", kwargs={"slug": workshop.slug})


def get(client, url, status=200):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, url
    return response, len(queries)


def body(response):
    return response.content.decode()


def without_tokens(response):
    return CSRF_VALUE.sub("", NONCE_VALUE.sub("", body(response)))


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def inline_script(settings, tmp_path):
    """A footer with an inline script, as a host may have: every page then carries a nonce."""
    footer = tmp_path / "capacity_lms" / "includes" / "footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text("{% load capacity_lms_csp %}<script{% csp_nonce %}>/* host */</script>")
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.usefixtures("inline_script")
def test_a_hit_runs_no_query_with_the_visitors_own_token_and_nonce(world, kind):
    url = url_of(world, kind)
    first, first_queries = get(Client(), url)
    assert first_queries > 0
    seen_tokens, seen_nonces = set(), set()
    for response in (first, *(get(Client(), url)[0] for _ in range(2))):
        token = CSRF_VALUE.search(body(response)).group(1)
        nonces = NONCE_VALUE.findall(body(response))
        assert len(nonces) == 1
        assert f"'nonce-{nonces[0]}'" in response["Content-Security-Policy"]
        seen_tokens.add(token)
        seen_nonces.add(nonces[0])
    assert len(seen_tokens) == 3
    assert len(seen_nonces) == 3
    hit, hit_queries = get(Client(), url)
    assert hit_queries == 0
    assert without_tokens(hit) == without_tokens(first)
    assert "Cookie" in hit["Vary"]


@pytest.mark.parametrize("kind", KINDS)
def test_signed_in_people_are_never_served_the_cached_page_nor_fill_it(world, kind, member):
    url = url_of(world, kind)
    mine, _ = get(signed_in(member), url)
    assert member.get_username() in body(mine)
    # The member's page was not stored: the next visitor's request is a miss.
    assert get(Client(), url)[1] > 0
    assert get(Client(), url)[1] == 0
    mine, queries = get(signed_in(member), url)
    assert queries > 0
    assert member.get_username() in body(mine)
    assert member.get_username() not in body(get(Client(), url)[0])


def test_two_learners_each_see_their_own_course_and_lesson(world):
    course, preview = world["course"], world["preview"]
    first, second = UserFactory(username="learner-hind"), UserFactory(username="learner-omar")
    EnrolAction(course, user=first).execute()
    CompleteLessonAction(preview, user=first).execute()
    for url in (course.url, preview.url):
        get(Client(), url)
        assert get(Client(), url)[1] == 0
    for url, own_text in (
        (course.url, "Leave this module"),
        (preview.url, "You have completed this lesson."),
    ):
        hers, his, visitors = (
            body(get(client, url)[0]) for client in (signed_in(first), signed_in(second), Client())
        )
        assert own_text in hers
        assert "learner-hind" in hers and "learner-omar" not in hers
        assert own_text not in his
        assert "learner-omar" in his and "learner-hind" not in his
        assert own_text not in visitors
        assert "learner-hind" not in visitors and "learner-omar" not in visitors
    assert "Sign in to enrol" in body(get(Client(), course.url)[0])


def test_a_lessons_sign_in_redirect_is_never_stored(world):
    url = world["locked"].url
    for _ in range(2):
        response, queries = get(Client(), url, status=302)
        assert queries > 0
        assert f"next={url}" in response["Location"]


@pytest.mark.parametrize("restricted", ["course", "catalogue"])
def test_a_page_behind_a_view_restriction_is_never_stored(world, restricted):
    """A password form answers 200 to every visitor; neither it nor the page is stored."""
    PageViewRestriction.objects.create(
        page=world[restricted], restriction_type=PageViewRestriction.PASSWORD, password="ours"
    )
    for _ in range(2):
        response, queries = get(Client(), world["course"].url)
        assert queries > 0
        assert "Budgeting for associations" not in body(response)


def cached(url):
    """Warm the entry of ``url`` and show that the next visitor is served from it."""
    get(Client(), url)
    assert get(Client(), url)[1] == 0


def purged(url):
    """The next visitor's response for ``url``, after checking it was a miss."""
    response, queries = get(Client(), url)
    assert queries > 0, f"{url} was still served from the cache"
    return body(response)


def test_publishing_unpublishing_moving_and_deleting_show_on_course_pages(world):
    course, preview, locked = world["course"], world["preview"], world["locked"]
    cached(course.url)
    course.title = "Budgeting, second edition"
    course.save_revision().publish()
    assert "Budgeting, second edition" in purged(course.url)

    cached(course.url)
    locked.unpublish()
    assert locked.title not in purged(course.url)
    locked.save_revision().publish()
    assert locked.title in purged(course.url)

    cached(course.url)
    locked.move(preview, pos="left")
    content = purged(course.url)
    assert content.index(locked.title) < content.index(preview.title)

    cached(preview.url)
    locked.delete()
    assert locked.title not in purged(preview.url)


def test_a_new_translation_shows_on_the_course_page(world):
    course = world["course"]
    cached(course.url)
    french = Locale.objects.get_or_create(language_code="fr")[0]
    translation = course.copy_for_translation(french, copy_parents=True)
    translation.save_revision().publish()
    assert 'hreflang="fr"' in purged(course.url)


def test_the_taxonomy_and_the_site_settings_purge_content_pages(world):
    course, case_study = world["course"], world["case_study"]
    for url in (course.url, case_study.url, reverse("capacity_lms:workshop_list")):
        cached(url)
    axis = StrategicAxis.objects.get(code="project-engineering")
    axis.name_en = "Project engineering, renamed"
    axis.save()
    assert "Project engineering, renamed" in purged(course.url)
    purged(case_study.url)
    purged(reverse("capacity_lms:workshop_list"))

    cached(course.url)
    settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    settings.save()
    purged(course.url)


def test_a_session_change_shows_on_the_workshop_and_course_pages(world, committing):
    workshop, course = world["workshop"], world["course"]
    session = workshop.sessions.get()
    new_day = session.date + datetime.timedelta(days=1)
    for url in (workshop_url(workshop), course.url):
        cached(url)
    session.date = new_day
    with committing():
        EditSessionAction(session).execute()
    purged(workshop_url(workshop))
    purged(course.url)

    # A new session in a workshop that had none shows the workshop on its course's page.
    cached(course.url)
    later = make_workshop(
        world["workshop"].country, title="Budgeting in Lyon", sessions=0, course=course
    )
    assert "Budgeting in Lyon" not in purged(course.url)
    cached(course.url)
    SessionFactory(workshop=later, date=new_day, time_zone="Europe/Paris")
    assert "Budgeting in Lyon" in purged(course.url)


def test_an_occurrence_change_shows_on_the_workshop_page(world, committing):
    workshop = world["workshop"]
    series = SessionFactory(
        workshop=workshop,
        date=datetime.date.today() + datetime.timedelta(days=30),
        time_zone="Europe/Paris",
        recurrence="FREQ=WEEKLY;COUNT=4",
    )
    url = workshop_url(workshop)
    cached(url)
    assert "Cancelled:" not in body(get(Client(), url)[0])
    with committing():
        CreateOccurrenceChangeAction(
            OccurrenceChange(
                session=series,
                original_date=series.date + datetime.timedelta(days=7),
                status=OccurrenceChange.Status.CANCELLED,
            )
        ).execute()
    assert "Cancelled:" in purged(url)


def test_a_case_study_attachment_change_shows_on_its_page(world):
    case_study = world["case_study"]
    cached(case_study.url)
    attachment = CaseStudyAttachment.objects.create(page=case_study, name="results.pdf")
    purged(case_study.url)
    cached(case_study.url)
    attachment.delete()
    purged(case_study.url)


def test_a_registration_purges_its_workshops_pages_and_nothing_else(world, member, committing):
    workshop, other, catalogue = world["workshop"], world["other"], world["catalogue"]
    listing = reverse("capacity_lms:workshop_list")
    untouched = [workshop_url(other), catalogue.url, world["course"].url, world["case_study"].url]
    # The first seat change of a workshop gives its paths a generation, and purges everything
    # once (purge_path: no entry keyed before it may outlive it); after it, only its pages.
    with committing():
        RegisterAction(workshop, user=UserFactory(username="member-first")).execute()
    for url in (workshop_url(workshop), listing, *untouched):
        cached(url)
    assert "4 seats left" in body(get(Client(), workshop_url(workshop))[0])

    with committing():
        RegisterAction(workshop, user=member).execute()
    assert "3 seats left" in purged(workshop_url(workshop))
    assert "3 seats left" in purged(listing)
    for url in untouched:
        assert get(Client(), url)[1] == 0, url

    cached(workshop_url(workshop))
    with committing():
        CancelRegistrationAction(workshop, user=member).execute()
    assert "4 seats left" in purged(workshop_url(workshop))
    assert get(Client(), workshop_url(other))[1] == 0


def test_a_promotion_from_the_waiting_list_and_a_capacity_edit_show_at_once(world, committing):
    workshop = world["workshop"]
    workshop.capacity = 1
    workshop.save()
    first, second = UserFactory(username="member-a"), UserFactory(username="member-b")
    with committing():
        RegisterAction(workshop, user=first).execute()
        RegisterAction(workshop, user=second).execute()
    url = workshop_url(workshop)
    cached(url)
    assert "Full: 1 person waiting" in body(get(Client(), url)[0])
    with committing():
        CancelRegistrationAction(workshop, user=first).execute()
    assert "Full: 0 people waiting" in purged(url)

    cached(url)
    cached(reverse("capacity_lms:workshop_list"))
    workshop.capacity = 3
    with committing():
        workshop.save()
    assert "2 seats left" in purged(url)
    assert "2 seats left" in purged(reverse("capacity_lms:workshop_list"))


def test_a_path_purge_reaches_every_query_string_and_is_kept_in_the_cache(world):
    listing = reverse("capacity_lms:workshop_list")
    cached(listing)
    cached(f"{listing}?format=in_person")
    page_cache.purge_path(listing)
    purged(listing)
    purged(f"{listing}?format=in_person")
    cached(listing)
    # A path's first generation (or one the cache lost) comes with a purge of everything:
    # an entry keyed under 0, from before, would otherwise be read again.
    other = workshop_url(world["other"])
    cached(other)
    cache.delete(page_cache.path_generation_key(listing))
    cached(listing)
    page_cache.purge_path(listing)
    purged(listing)
    purged(other)
    cached(other)
    page_cache.purge_path(listing)
    purged(listing)
    assert get(Client(), other)[1] == 0


def test_purge_page_purges_that_page_only(world):
    course, case_study = world["course"], world["case_study"]
    page_cache.purge_page(course)  # its first: everything, once (see purge_path)
    cached(course.url)
    cached(case_study.url)
    page_cache.purge_page(course)
    purged(course.url)
    assert get(Client(), case_study.url)[1] == 0


def test_erasing_a_person_purges_every_page_that_may_name_them(world, committing):
    from capacity_lms.privacy.actions import ErasePersonAction

    trainer = UserFactory(username="trainer-samira", first_name="Samira", last_name="Haddad")
    world["workshop"].trainers.add(trainer)
    world["workshop"].save()
    url = workshop_url(world["workshop"])
    cached(url)
    assert "Samira Haddad" in body(get(Client(), url)[0])
    with committing():
        ErasePersonAction(trainer, user=None, reason="asked by e-mail").execute()
    assert "Samira Haddad" not in purged(url)


def test_a_workshop_page_is_kept_no_longer_than_its_registration_stays_open(world):
    workshop = world["workshop"]
    workshop.registration_closes_at = timezone.now() + datetime.timedelta(seconds=3)
    workshop.save()
    url = workshop_url(workshop)
    cached(url)
    assert "Registration is closed." not in body(get(Client(), url)[0])
    time.sleep(3.5)
    assert "Registration is closed." in purged(url)


def test_the_workshop_list_is_kept_no_longer_than_its_first_meeting_lasts(world):
    now = timezone.now().astimezone(datetime.UTC)
    meeting = SessionFactory(
        workshop=world["other"],
        date=now.date(),
        start_time=(now - datetime.timedelta(hours=1)).time().replace(second=0, microsecond=0),
        end_time=(now + datetime.timedelta(hours=1)).time().replace(second=0, microsecond=0),
        time_zone="UTC",
    )
    if meeting.ends_at <= meeting.starts_at:
        pytest.skip("the meeting would cross midnight")
    response, _ = get(Client(), reverse("capacity_lms:workshop_list"))
    assert getattr(response, SHARED_UNTIL_ATTRIBUTE) == meeting.ends_at
    response, _ = get(Client(), workshop_url(world["other"]))
    assert getattr(response, SHARED_UNTIL_ATTRIBUTE) == world["other"].last_meeting_ends_at()
