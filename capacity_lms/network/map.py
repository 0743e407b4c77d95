"""The directory's map: host countries and Morocco's twelve regions, drawn on the server as
SVG, with the number of associations and partnerships of each, each a link to the directory
filtered on it, and the same figures as a table.

Nothing is fetched from elsewhere (no tiles, no script): the outlines are a small data file
(``map_geometry.json``, lon/lat rings; its ``source`` says where they come from) projected
here once per process. Morocco is drawn whole, its southern provinces included, with no line
across it but those between its regions. The counts follow the directory's filters exactly
(``network/directory.py``): a region counts its local associations and those that publish it
among their regions of origin, so following a link lists as many associations as the map
says. A fixed number of queries, whatever the number of associations.
"""

import functools
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.utils.http import urlencode

from capacity_lms.network.directory import published
from capacity_lms.network.models import Partnership
from capacity_lms.network.profiles import public_associations
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region

GEOMETRY_FILE = Path(__file__).with_name("map_geometry.json")

# (west, south, east, north) in degrees and the width of the drawing in SVG units.
WORLD_FRAME = (-142.0, 15.0, 60.0, 71.0, 1000)
MOROCCO_FRAME = (-17.4, 20.5, -0.9, 36.1, 480)


@functools.cache
def geometry():
    """The outlines, read once per process."""
    return json.loads(GEOMETRY_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Projection:
    """Equirectangular, true to scale at the frame's middle latitude."""

    west: float
    south: float
    east: float
    north: float
    width: int

    @property
    def scale(self):
        """SVG units per degree of latitude (a degree of longitude is this times the cosine of
        the middle latitude)."""
        return self.width / ((self.east - self.west) * self.cosine)

    @property
    def cosine(self):
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def height(self):
        return round((self.north - self.south) * self.scale)

    def point(self, lon, lat):
        x = (lon - self.west) * self.cosine * self.scale
        y = (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)

    def path(self, rings):
        """An SVG path's ``d`` for a list of rings."""
        parts = []
        for ring in rings:
            points = [self.point(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z")
        return "".join(parts)

    def centre(self, rings):
        """Where a marker goes: the middle of the vertices of the largest ring."""
        ring = max(rings, key=len)
        points = [self.point(lon, lat) for lon, lat in ring]
        # As text: a template would localise a number ("12,5" in French), which SVG refuses.
        return (
            f"{sum(x for x, _ in points) / len(points):.1f}",
            f"{sum(y for _, y in points) / len(points):.1f}",
        )

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


@dataclass
class Area:
    """One shape on the map (a country or a region) and its figures."""

    code: str
    name: str
    d: str
    x: str
    y: str
    associations: int
    partnerships: int
    url: str
    level: int  # 0 (none) to 3, the shade

    @property
    def fill(self):
        return SHADES[self.level]


# The fill of a shape with no association, then with few to many (dark text on white markers
# carries the figures, so the shades need no contrast with text).
SHADES = ("#f0f0f0", "#cfe3f0", "#8fbcd8", "#4a8ab8")


def shade(count, highest):
    """The shade (0 to 3) of a shape with ``count`` associations when the most has
    ``highest``."""
    if not count:
        return 0
    if highest <= 1:
        return 3
    return 1 + min(2, int(3 * (count - 1) / highest))


def directory_url(page, **filters):
    """The directory ``page`` filtered on ``filters``."""
    return page.url + "?" + urlencode(filters)


def country_figures():
    """{country id: associations} and {country id: partnerships} for associations abroad."""
    associations = defaultdict(int)
    for country_id in public_associations().abroad().values_list("host_country", flat=True):
        associations[country_id] += 1
    partnerships = defaultdict(set)
    for pk, first, second in Partnership.objects.shown().values_list(
        "pk", "initiator__host_country", "partner__host_country"
    ):
        for country_id in {first, second} - {None}:
            partnerships[country_id].add(pk)
    return associations, {key: len(value) for key, value in partnerships.items()}


def region_figures():
    """{region id: associations} (local there, or publishing it as a region of origin) and
    {region id: partnerships} (shown partnerships in that region)."""
    members = defaultdict(set)
    for pk, region_id in public_associations().local().values_list("pk", "region"):
        members[region_id].add(pk)
    origins = Association.regions_of_origin.through.objects.filter(
        association__in=public_associations().filter(published("regions_of_origin"))
    ).values_list("association_id", "region_id")
    for pk, region_id in origins:
        members[region_id].add(pk)
    partnerships = defaultdict(int)
    for region_id in Partnership.objects.shown().values_list("region", flat=True):
        if region_id:
            partnerships[region_id] += 1
    return {key: len(value) for key, value in members.items()}, partnerships


def directory_map(page):
    """What the map template draws: the world map of host countries (Morocco in it counts
    its local associations) and the map of Morocco's regions, with their figures."""
    data = geometry()
    world = Projection(*WORLD_FRAME)
    morocco = Projection(*MOROCCO_FRAME)
    associations, partnerships = country_figures()
    countries = []
    for country in Country.objects.exclude(code="ma").order_by("sort_order", "code"):
        rings = data["countries"].get(country.code)
        count = associations.get(country.pk, 0)
        if rings is None and not count:
            continue
        x, y = world.centre(rings) if rings else (None, None)
        countries.append(
            Area(
                code=country.code,
                name=country.name,
                d=world.path(rings) if rings else "",
                x=x,
                y=y,
                associations=count,
                partnerships=partnerships.get(country.pk, 0),
                url=directory_url(page, kind="abroad", country=country.code),
                level=0,
            )
        )
    highest = max([area.associations for area in countries] or [0])
    for area in countries:
        area.level = shade(area.associations, highest)
    region_associations, region_partnerships = region_figures()
    regions = []
    for region in Region.objects.order_by("sort_order", "code"):
        rings = [data["morocco"]["regions"].get(region.code) or []]
        rings = [ring for ring in rings if ring]
        x, y = morocco.centre(rings) if rings else (None, None)
        regions.append(
            Area(
                code=region.code,
                name=region.name,
                d=morocco.path(rings) if rings else "",
                x=x,
                y=y,
                associations=region_associations.get(region.pk, 0),
                partnerships=region_partnerships.get(region.pk, 0),
                url=directory_url(page, region=region.code),
                level=0,
            )
        )
    highest = max([area.associations for area in regions] or [0])
    for area in regions:
        area.level = shade(area.associations, highest)
    outline = [data["morocco"]["outline"]]
    local = public_associations().local().count()
    morocco_x, morocco_y = world.centre(outline)
    return {
        "source": data["source"],
        "world": {
            "view_box": world.view_box,
            "countries": countries,
            "morocco": {
                "d": world.path(outline),
                "x": morocco_x,
                "y": morocco_y,
                "associations": local,
                "url": directory_url(page, kind="local"),
            },
        },
        "morocco": {"view_box": morocco.view_box, "regions": regions},
    }
