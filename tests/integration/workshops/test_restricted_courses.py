"""A course whose page is view-restricted (password, sign-in, groups; on the page or above it)
is named in no calendar feed: feeds are public, so they use public pages only, as the API and
the sitemap do. The workshops linked to it stay in the feeds under their own title. A workshop's
page names its course only to those the course's restriction lets in (a case study's related
courses: tests/integration/library/test_restricted_courses.py)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from capacity_lms.workshops.models import CalendarFeedToken
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    RegistrationFactory,
)
from sandbox.testing.world import ensure_wagtail_site
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

SECRET_TITLE = "Confidential restructuring of the federation"


def unfolded(data):
    """The text of an .ics file with its folded lines joined again (RFC 5545, 3.1)."""
    return data.decode().replace("\r\n ", "")


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password="members-only" if kind == PageViewRestriction.PASSWORD else "",
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="Federation board"))


@pytest.fixture(params=["page", "catalogue"])
def restricted_on(request):
    return request.param


@pytest.mark.parametrize(
    "kind",
    [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS],
)
def test_a_restricted_course_is_named_in_no_feed(
    settings, countries, trainer, member, restricted_on, kind
):
    settings.CAPACITY_LMS_CALENDAR_PAST_DAYS = 100_000
    site = ensure_wagtail_site()
    catalogue = CatalogueIndexPageFactory(parent=site.root_page)
    course = CoursePageFactory(parent=catalogue, title=SECRET_TITLE)
    workshop = make_workshop(countries["ma"], trainers=[trainer], course=course, sessions=2)
    RegistrationFactory(workshop=workshop, user=member)
    token = CalendarFeedToken.objects.create(user=member, token=CalendarFeedToken.new_token())
    session = workshop.sessions.first()
    feeds = [
        reverse("capacity_lms:course_calendar", kwargs={"course_id": course.pk}),
        reverse("capacity_lms:workshop_calendar", kwargs={"slug": workshop.slug}),
        reverse("capacity_lms:country_calendar", kwargs={"code": "ma"}),
        reverse("capacity_lms:trainer_calendar", kwargs={"user_id": trainer.pk}),
        session.get_calendar_url(),
        token.get_absolute_url(),
    ]
    # Public, the course's feed names it (so the check below can see a title).
    public = Client().get(feeds[0])
    assert public.status_code == 200
    assert SECRET_TITLE in unfolded(public.content)

    restrict(course if restricted_on == "page" else catalogue, kind)
    for url in feeds:
        response = Client().get(url)
        assert SECRET_TITLE not in unfolded(response.content), url
        if url == feeds[0]:
            assert response.status_code == 404
        else:
            # The workshop itself stays listed, under its own title.
            assert response.status_code == 200, url
            assert workshop.title in unfolded(response.content), url


def test_a_workshop_page_names_its_course_only_to_who_may_see_it(countries, trainer, member):
    site = ensure_wagtail_site()
    catalogue = CatalogueIndexPageFactory(parent=site.root_page)
    course = CoursePageFactory(parent=catalogue, title=SECRET_TITLE)
    workshop = make_workshop(countries["ma"], trainers=[trainer], course=course)
    url = reverse("capacity_lms:workshop_detail", kwargs={"slug": workshop.slug})
    assert SECRET_TITLE in Client().get(url).content.decode()

    restrict(course, PageViewRestriction.GROUPS)
    board = Group.objects.get(name="Federation board")
    for viewer in (None, member):
        client = Client()
        if viewer:
            client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200
        assert SECRET_TITLE not in response.content.decode()
        assert workshop.title in response.content.decode()
    member.groups.add(board)
    client = Client()
    client.force_login(member)
    assert SECRET_TITLE in client.get(url).content.decode()
