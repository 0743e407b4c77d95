"""Suggested matches between offers and needs.

For an association's open offer, the open needs of other associations (and the other way
round), ranked by what they share: a region of origin first, then the strategic axis, then a
specialized group. An item's regions are the ones it names, else its association's regions of
origin (with, for a local association, its own region). Ties go to the one expiring last, then
the newest. The candidates are read in a fixed number of queries, whatever their number.
"""

from django.db.models import Prefetch

from capacity_lms.network.models import OfferOrNeed
from capacity_lms.taxonomy.models import Region

REGION_WEIGHT = 4
AXIS_WEIGHT = 2
GROUP_WEIGHT = 1
OPPOSITE = {
    OfferOrNeed.Direction.OFFER: OfferOrNeed.Direction.NEED,
    OfferOrNeed.Direction.NEED: OfferOrNeed.Direction.OFFER,
}


def with_match_data(queryset):
    """``queryset`` of offers and needs with what matching and listings read, prefetched."""
    return queryset.select_related(
        "association", "association__region", "association__host_country", "strategic_axis"
    ).prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by()),
        "specialized_groups",
        Prefetch("association__regions_of_origin", queryset=Region.objects.order_by()),
        "association__specialized_groups",
    )


def regions_of(item):
    """The region ids ``item`` is about (see the module's docstring)."""
    named = {region.pk for region in item.regions.all()}
    if named:
        return named
    association = item.association
    regions = {region.pk for region in association.regions_of_origin.all()}
    if association.region_id:
        regions.add(association.region_id)
    return regions


def groups_of(item):
    named = {group.pk for group in item.specialized_groups.all()}
    return named or {group.pk for group in item.association.specialized_groups.all()}


def shared(item, candidate):
    """What ``item`` and ``candidate`` share: (regions, same axis, groups)."""
    regions = regions_of(item) & regions_of(candidate)
    same_axis = bool(item.strategic_axis_id) and item.strategic_axis_id == (
        candidate.strategic_axis_id
    )
    groups = groups_of(item) & groups_of(candidate)
    return regions, same_axis, groups


def score(item, candidate):
    regions, same_axis, groups = shared(item, candidate)
    return REGION_WEIGHT * bool(regions) + AXIS_WEIGHT * same_axis + GROUP_WEIGHT * bool(groups)


class Match:
    """A candidate for an item, with its score and what it shares."""

    def __init__(self, item, candidate):
        self.item = item
        self.candidate = candidate
        self.regions, self.same_axis, self.groups = shared(item, candidate)
        self.score = score(item, candidate)


def rank(item, candidates, limit):
    matches = [Match(item, candidate) for candidate in candidates]
    matches = [match for match in matches if match.score > 0]
    matches.sort(
        key=lambda match: (
            -match.score,
            -match.candidate.expires_on.toordinal(),
            -match.candidate.pk,
        )
    )
    return matches[:limit]


def suggestions_for(associations, today, limit=5):
    """[(item, [Match, ...]), ...] for every open item of ``associations``: each item's best
    matches among the other associations' open items of the opposite direction."""
    ours = list(
        with_match_data(OfferOrNeed.objects.open(today).filter(association__in=associations))
    )
    if not ours:
        return []
    ids = {item.association_id for item in ours}
    candidates = list(
        with_match_data(OfferOrNeed.objects.open(today).exclude(association__in=ids))
    )
    by_direction = {direction: [] for direction in OPPOSITE}
    for candidate in candidates:
        by_direction[candidate.direction].append(candidate)
    return [(item, rank(item, by_direction[OPPOSITE[item.direction]], limit)) for item in ours]
