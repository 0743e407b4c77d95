"""Factories for the association directory (issue #21, directory part)."""

from django.utils import timezone

from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis
from sandbox.testing.factories import PageFactory


class DirectoryPageFactory(PageFactory):
    """A published directory page; pass ``parent=<page>``."""

    class Meta:
        model = "capacity_lms.DirectoryPage"

    title = "Associations"
    slug = "associations"


def bulk_associations(count, start=0):
    """``count`` verified associations of both kinds (every third local), with an axis, a group
    and a region of origin each, in a few bulk inserts (query counts and the benchmark)."""
    countries = list(Country.objects.exclude(code="ma"))
    regions = list(Region.objects.all())
    axis = StrategicAxis.objects.first()
    group = SpecializedGroup.objects.first()
    rows = []
    for number in range(start, start + count):
        is_local = number % 3 == 0
        rows.append(
            Association(
                name=f"Association {number:05d} Paris",
                kind="local" if is_local else "abroad",
                host_country=None if is_local else countries[number % len(countries)],
                city="" if is_local else ("Paris", "Lyon", "Milano")[number % 3],
                region=regions[number % len(regions)] if is_local else None,
                registration_number=f"BULK-{number:06d}",
                name_ar=f"جمعية {number}",
                website=f"https://association-{number}.example.org",
                verification_status="verified",
                verified_at=timezone.now(),
                published_fields=[
                    "description",
                    "strategic_axes",
                    "specialized_groups",
                    "regions_of_origin",
                ],
                description_fr=f"Description {number}",
            )
        )
    created = Association.objects.bulk_create(rows, batch_size=2000)
    Association.strategic_axes.through.objects.bulk_create(
        [Association.strategic_axes.through(association=a, strategicaxis=axis) for a in created]
    )
    Association.specialized_groups.through.objects.bulk_create(
        [
            Association.specialized_groups.through(association=a, specializedgroup=group)
            for a in created
        ]
    )
    Association.regions_of_origin.through.objects.bulk_create(
        [
            Association.regions_of_origin.through(association=a, region=regions[i % len(regions)])
            for i, a in enumerate(created)
        ]
    )
    return created
