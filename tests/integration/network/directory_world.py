"""A directory with associations of both kinds, published and private fields, memberships,
certificates and partnerships (for the directory's tests)."""

import datetime

from django.utils import timezone

from capacity_lms.network.models import OfferOrNeed, Partnership
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis
from sandbox.testing.factories import AssociationFactory

EVERY_FIELD = [
    "name_ar",
    "description",
    "strategic_axes",
    "specialized_groups",
    "regions_of_origin",
    "founding_year",
    "languages",
    "website",
    "social_links",
    "size_bracket",
    "commune",
]


def abroad(name, country="fr", city="Paris", published=EVERY_FIELD, **kwargs):
    """A verified association abroad publishing ``published``."""
    kwargs.setdefault("verified_at", timezone.now())
    axes = kwargs.pop("axes", ("school-support",))
    groups = kwargs.pop("groups", ("young-people",))
    origins = kwargs.pop("origins", ())
    association = AssociationFactory(
        name=name,
        kind=Association.Kind.ABROAD,
        host_country=Country.objects.get(code=country),
        city=city,
        published_fields=list(published),
        strategic_axes=list(StrategicAxis.objects.filter(code__in=axes)),
        specialized_groups=list(SpecializedGroup.objects.filter(code__in=groups)),
        **kwargs,
    )
    if origins:
        association.regions_of_origin.set(Region.objects.filter(code__in=origins))
    return association


def local(name, region="oriental", published=EVERY_FIELD, **kwargs):
    """A verified local association in ``region`` publishing ``published``."""
    kwargs.setdefault("verified_at", timezone.now())
    axes = kwargs.pop("axes", ("school-support",))
    return AssociationFactory(
        name=name,
        kind=Association.Kind.LOCAL,
        host_country=None,
        city="",
        region=Region.objects.get(code=region),
        published_fields=list(published),
        strategic_axes=list(StrategicAxis.objects.filter(code__in=axes)),
        **kwargs,
    )


def partnership(first, second, region="oriental", status=Partnership.Status.ACTIVE):
    return Partnership.objects.create(
        initiator=first,
        partner=second,
        region=Region.objects.get(code=region),
        purpose="Twinning",
        starts_on=datetime.date(2025, 1, 1),
        status=status,
    )


def offer(association, title="Volunteers for the summer", **kwargs):
    kwargs.setdefault("expires_on", timezone.localdate() + datetime.timedelta(days=30))
    return OfferOrNeed.objects.create(
        association=association,
        direction=OfferOrNeed.Direction.OFFER,
        category=OfferOrNeed.Category.VOLUNTEERS,
        title=title,
        description="We can send volunteers.",
        **kwargs,
    )
