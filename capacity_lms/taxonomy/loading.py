from django.db import transaction

from .models import CapacityArea, Country, Province, Region, SpecializedGroup, StrategicAxis
from .standard import (
    CAPACITY_AREAS,
    COUNTRIES,
    PROVINCES,
    REGIONS,
    SPECIALIZED_GROUPS,
    STRATEGIC_AXES,
)


def _ensure(model, code, defaults):
    """Create the row for ``code`` if missing; never overwrite what an editor changed."""
    _, created = model.objects.get_or_create(code=code, defaults=defaults)
    return created


@transaction.atomic
def load_standard_taxonomy():
    """Create the programme's standard axes, groups, countries, regions, provinces and capacity
    areas not there yet.

    Returns a dict of how many rows of each kind were created; a second call returns zeros.
    """
    created = {
        "strategic axes": 0,
        "specialized groups": 0,
        "countries": 0,
        "regions": 0,
        "provinces": 0,
        "capacity areas": 0,
    }
    for position, (code, en, fr, ar) in enumerate(STRATEGIC_AXES):
        defaults = {"name_en": en, "name_fr": fr, "name_ar": ar, "sort_order": position}
        created["strategic axes"] += _ensure(StrategicAxis, code, defaults)
    for position, (code, en, fr, ar) in enumerate(SPECIALIZED_GROUPS):
        defaults = {"name_en": en, "name_fr": fr, "name_ar": ar, "sort_order": position}
        created["specialized groups"] += _ensure(SpecializedGroup, code, defaults)
    for position, (code, en, fr, ar, tz) in enumerate(COUNTRIES):
        defaults = {
            "name_en": en,
            "name_fr": fr,
            "name_ar": ar,
            "default_time_zone": tz,
            "sort_order": position,
        }
        created["countries"] += _ensure(Country, code, defaults)
    for position, (code, en, fr, ar) in enumerate(REGIONS):
        defaults = {"name_en": en, "name_fr": fr, "name_ar": ar, "sort_order": position}
        created["regions"] += _ensure(Region, code, defaults)
    created["provinces"] = load_provinces(Region, Province)
    for position, (code, en, fr, ar) in enumerate(CAPACITY_AREAS):
        defaults = {"name_en": en, "name_fr": fr, "name_ar": ar, "sort_order": position}
        created["capacity areas"] += _ensure(CapacityArea, code, defaults)
    return created


def load_provinces(region_model, province_model):
    """Create Morocco's provinces and prefectures missing under the regions already there.

    Takes the models so that the data migration can pass its historical ones; returns how many
    rows it created (none for a region not loaded yet, none on a second call).
    """
    regions = {region.code: region for region in region_model.objects.all()}
    existing = set(province_model.objects.values_list("code", flat=True))
    created = 0
    for position, (region_code, code, en, fr, ar) in enumerate(PROVINCES):
        if region_code in regions and code not in existing:
            # One by one (75 rows, once): saving indexes each for the admin's search.
            province_model.objects.create(
                code=code,
                region=regions[region_code],
                name_en=en,
                name_fr=fr,
                name_ar=ar,
                sort_order=position,
            )
            created += 1
    return created
