"""The association directory at 10,000 associations, against the plain Wagtail page.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
Reports the directory page's median render time for a signed-in member (whom the page cache
never serves: the directory's kept fragments do) as a ratio to the median render time of the
sandbox's plain Wagtail home page for the same member in the same run, and the same for a
search, a region filter, the map and an association's page; then a signed-out visitor's page
(from the page cache) and every page with nothing kept (the page cache and fragments off: what
a miss costs). The machines are shared, so only the ratios mean something. Target for the
directory page: at most 2x.
"""

import datetime

import pytest
from django.test import Client

from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Region
from sandbox.testing.directory_factories import DirectoryPageFactory, bulk_associations
from sandbox.testing.factories import UserFactory

from .conftest import bench_home, median_seconds, report

ASSOCIATIONS = 10_000
PARTNERSHIPS = 500


def seed():
    load_standard_taxonomy()
    home = bench_home()
    directory = DirectoryPageFactory(parent=home)
    created = bulk_associations(ASSOCIATIONS)
    regions = list(Region.objects.all())
    Partnership.objects.bulk_create(
        [
            Partnership(
                initiator=created[n * 3 + 1],
                partner=created[n * 3],
                region=regions[n % len(regions)],
                purpose="Twinning",
                starts_on=datetime.date(2025, 1, 1),
                status=Partnership.Status.ACTIVE,
            )
            for n in range(PARTNERSHIPS)
        ]
    )
    return home, directory, created[1]


@pytest.mark.django_db
def test_directory_render_time_ratio(settings, production_templates):
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 300
    home, directory, association = seed()
    assert Association.objects.count() >= ASSOCIATIONS
    member = UserFactory(username="bench-member")
    signed_in = Client()
    signed_in.force_login(member)
    visitor = Client()

    def timed(client, url, params=None):
        def get():
            assert client.get(url, params or {}).status_code == 200

        return median_seconds(get)

    pages = {
        "directory page": (directory.url, None),
        "search": (directory.url, {"q": "association paris"}),
        "region filter": (directory.url, {"region": "oriental", "page": 3}),
        "map": (directory.map_url(), None),
        "association page": (directory.association_url(association.pk), None),
    }
    plain = timed(signed_in, home.url)
    # A signed-in member (the page cache never serves them; the directory's fragments do).
    figures = {name: timed(signed_in, *target) for name, target in pages.items()}
    # A signed-out visitor, from the page cache.
    visitor_page = timed(visitor, directory.url)
    # With nothing kept (the page cache and fragments off): what a miss costs.
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 0
    uncached = {name: timed(signed_in, *target) for name, target in pages.items()}
    ratios = {name: value / plain for name, value in figures.items()}
    report(
        "directory",
        {
            "associations": Association.objects.count(),
            "partnerships": Partnership.objects.count(),
            "plain page median (ms)": round(plain * 1000, 2),
            **{f"{name} median (ms)": round(value * 1000, 2) for name, value in figures.items()},
            **{f"{name} ratio": round(value, 2) for name, value in ratios.items()},
            "signed-out directory page (page cache) ratio": round(visitor_page / plain, 2),
            **{
                f"{name} uncached ratio": round(value / plain, 2)
                for name, value in uncached.items()
            },
            "target": "directory page <= 2.0",
        },
    )
    assert ratios["directory page"] <= 2.0
