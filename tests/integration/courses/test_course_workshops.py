"""A course page lists its upcoming workshops and offers their calendar feed."""

import datetime

from capacity_lms.taxonomy.models import Country
from sandbox.testing.factories import SessionFactory, WorkshopFactory


def workshop_of(course, title, status="published", days=10):
    workshop = WorkshopFactory(
        course=course, title=title, status=status, country=Country.objects.get(code="fr")
    )
    SessionFactory(workshop=workshop, date=datetime.date.today() + datetime.timedelta(days=days))
    return workshop


def test_course_page_lists_upcoming_published_workshops_and_the_feed(client, course):
    workshop_of(course, "Budget evening in Lyon")
    workshop_of(course, "Draft workshop", status="draft")
    workshop_of(course, "Last year's workshop", days=-400)
    body = client.get(course.url).content.decode()
    assert "Budget evening in Lyon" in body
    assert "Draft workshop" not in body
    assert "Last year" not in body
    feed = f"/en/learning/calendar/courses/{course.pk}.ics"
    assert f'href="{feed}"' in body
    calendar = client.get(feed)
    assert calendar["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Budget evening in Lyon" in calendar.content
    assert b"Draft workshop" not in calendar.content


def test_course_page_without_workshops_says_so(client, course):
    body = client.get(course.url).content.decode()
    assert "No workshop of this module is scheduled yet." in body
