"""The directory from the page cache (no query on a hit; purged when what it shows changes),
and its queries, which do not grow with the number of associations (100 and 1,000)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from capacity_lms.core.pages import SHARED_UNTIL_ATTRIBUTE
from capacity_lms.network.pages import CAPACITY_RECORD_SECONDS
from capacity_lms.people.models import Association, LearnerProfile
from capacity_lms.taxonomy.models import Region
from sandbox.testing.directory_factories import bulk_associations
from sandbox.testing.factories import MembershipFactory, UserFactory
from tests.integration.network.directory_world import abroad, local, partnership

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def get(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return response, len(queries)


def urls(directory, association):
    """(URL, a text it shows)."""
    return [
        (directory.url, association.name),
        (directory.url + "?kind=abroad&q=paris", association.name),
        (directory.map_url(), "France"),
        (directory.association_url(association.pk), association.name),
    ]


@pytest.mark.usefixtures("page_cache_on")
def test_signed_out_hits_run_no_query(directory):
    paris = abroad("Jeunesse Paris")
    for url, text in urls(directory, paris):
        _first, queries = get(Client(), url)
        assert queries > 0
        hit, hit_queries = get(Client(), url)
        assert hit_queries == 0, url
        assert text in hit.content.decode()


@pytest.mark.usefixtures("page_cache_on")
def test_association_partnership_membership_and_consent_changes_purge(directory):
    paris = abroad("Jeunesse Paris")
    oujda = local("Association Oujda")
    url = directory.association_url(paris.pk)

    def cached():
        return get(Client(), url)[1] == 0

    get(Client(), url)
    assert cached()
    paris.name = "Jeunesse Paris 20e"
    paris.save()
    assert not cached()
    partnership(paris, oujda)
    response, _ = get(Client(), url)
    assert "Association Oujda" in response.content.decode()
    user = UserFactory()
    MembershipFactory(user=user, association=paris)
    assert not cached()
    LearnerProfile.objects.create(user=user, name_on_association_page=True)
    assert not cached()
    # A suspended association leaves the directory at once.
    paris.verification_status = Association.VerificationStatus.SUSPENDED
    paris.save()
    assert Client().get(url).status_code == 404
    assert "Jeunesse Paris" not in Client().get(directory.url).content.decode()


def test_an_association_page_is_kept_no_longer_than_its_record(directory):
    paris = abroad("Jeunesse Paris")
    response = Client().get(directory.association_url(paris.pk))
    until = getattr(response, SHARED_UNTIL_ATTRIBUTE)
    assert 0 < (until - timezone.now()).total_seconds() <= CAPACITY_RECORD_SECONDS


def test_signed_in_members_get_the_pages_uncached(directory, page_cache_on, member):
    abroad("Jeunesse Paris")
    client = Client()
    client.force_login(member)
    get(client, directory.url)
    assert get(client, directory.url)[1] > 0


def test_queries_do_not_grow_from_100_to_1000_associations(directory, settings):
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 0
    first = bulk_associations(100)
    for number in range(3):
        partnership(first[number * 3 + 1], first[number * 3], region=Region.objects.first().code)
    probe = first[0]
    api = "/api/v2/associations/"

    def counts():
        return [
            get(Client(), url, params)[1]
            for url, params in [
                (directory.url, {}),
                (directory.url, {"q": "association paris"}),
                (directory.url, {"kind": "abroad", "country": "fr", "axis": "school-support"}),
                (directory.url, {"region": "oriental", "page": 2}),
                (directory.map_url(), {}),
                (directory.association_url(probe.pk), {}),
                (api, {}),
                (api, {"region": "oriental", "search": "paris"}),
            ]
        ]

    small = counts()
    bulk_associations(900, start=100)
    assert Association.objects.count() == 1000
    assert counts() == small


@pytest.mark.usefixtures("page_cache_on")
def test_signed_in_members_read_kept_fragments_that_purges_end(directory, member):
    paris = abroad("Jeunesse Paris")
    client = Client()
    client.force_login(member)
    urls = [directory.url, directory.map_url(), directory.association_url(paris.pk)]
    for url in urls:
        get(client, url)
    # Kept: the second reading runs only the queries of routing and of the session.
    kept = [get(client, url)[1] for url in urls]
    paris.name = "Jeunesse Paris 20e"
    paris.save()
    assert "Jeunesse Paris 20e" in get(client, directory.url)[0].content.decode()
    assert "Jeunesse Paris 20e" in get(client, urls[2])[0].content.decode()
    get(client, urls[1])
    assert [get(client, url)[1] for url in urls] == kept
