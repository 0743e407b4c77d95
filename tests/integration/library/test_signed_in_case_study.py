"""The signed-in case study page (issue #20, point 2): what is the same for every reader (the
text, facts, indicators, files, related modules and case studies) is rendered once per
revision and language and kept; the reader's own part (the discussion panel) is computed per
request in a fixed number of queries; a kept piece ends when what it shows changes."""

import pickle

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.library.models import CaseStudyIndicator
from capacity_lms.taxonomy.models import StrategicAxis

from .conftest import make_case_study

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def get(client, url, committing):
    with CaptureQueriesContext(connection) as queries, committing():
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def rich_case_study(library, course, size, title):
    """A case study with ``size`` indicators, ``size`` tags and related pages of each kind."""
    page = make_case_study(
        library,
        title=title,
        axes=["school-support"],
        tags=[f"{title} tag {number}" for number in range(size)],
    )
    for number in range(size):
        make_case_study(library, title=f"{title} neighbour {number}", axes=["school-support"])
        CaseStudyIndicator.objects.create(
            page=page, indicator=f"Pupils {number}", baseline="10", result="30"
        )
    page.related_courses.add(course)
    page.save_revision().publish()
    return page


def test_the_signed_in_case_study_page_keeps_what_is_the_same_for_everyone(
    client, library, course, member, page_cache_on, committing
):
    client.force_login(member)
    small = rich_case_study(library, course, 1, "Small")
    large = rich_case_study(library, course, 8, "Large")
    get(client, library.url, committing)  # what every page keeps for the whole site

    counts = {}
    for name, page in {"small": small, "large": large}.items():
        cold = get(client, page.url, committing)[1]
        html, warm = get(client, page.url, committing)
        counts[name] = (cold, warm)
        assert "Pupils 0" in html and "neighbour" in html and course.title in html
        assert "Discuss this case study" in html
    # Routing (site, locale, the library, the page), view restrictions, session and user, and
    # the discussion panel: the same whatever the page holds, fewer than the first request.
    assert counts["small"][1] == counts["large"][1], counts
    assert counts["large"][1] < counts["large"][0], counts
    assert counts["large"][1] <= 12, counts


def test_no_kept_piece_holds_a_token_or_the_discussion(
    client, library, course, member, page_cache_on, committing
):
    page = rich_case_study(library, course, 2, "Kept")
    client.force_login(member)
    get(client, page.url, committing)
    kept = [
        str(pickle.loads(value))  # noqa: S301  # nosec B301: the test's own memory cache
        for key, value in list(cache._cache.items())
        if "capacity_lms:fragment" in key
    ]
    assert any("Pupils 0" in piece for piece in kept)
    for piece in kept:
        assert "csrfmiddlewaretoken" not in piece
        assert "cl-panel" not in piece and "Discuss this case study" not in piece


def test_a_new_revision_and_a_label_edit_show_at_once(
    client, library, course, member, page_cache_on, committing
):
    page = rich_case_study(library, course, 1, "Revised")
    client.force_login(member)
    assert "Pupils 0" in get(client, page.url, committing)[0]

    page.summary = "A summary written again."
    page.save_revision().publish()
    assert "A summary written again." in get(client, page.url, committing)[0]

    axis = StrategicAxis.objects.get(code="school-support")
    axis.name_en = "Schooling, renamed"
    axis.save()
    assert "Schooling, renamed" in get(client, page.url, committing)[0]


def test_the_printable_view_shares_the_kept_text_but_not_the_discussion(
    client, library, course, member, page_cache_on, committing
):
    page = rich_case_study(library, course, 1, "Printed")
    client.force_login(member)
    normal = get(client, page.url, committing)[0]
    printable = get(client, page.url + "?print=1", committing)[0]
    for html in (normal, printable):
        assert "Pupils 0" in html and "Printed neighbour 0" in html
    assert "cl-printable" in printable and "cl-printable" not in normal
    assert "Discuss this case study" in normal and "Discuss this case study" not in printable
