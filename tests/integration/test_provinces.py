"""Morocco's provinces and prefectures: 75 under the twelve regions, in three languages."""

import importlib

import pytest
from django.apps import apps as django_apps

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Province, Region
from capacity_lms.taxonomy.standard import PROVINCES, REGIONS

pytestmark = pytest.mark.django_db


def test_seventy_five_provinces_and_prefectures_in_the_twelve_regions():
    assert len(PROVINCES) == 75
    assert len({row[1] for row in PROVINCES}) == 75
    assert {row[0] for row in PROVINCES} == {row[0] for row in REGIONS}
    assert sum(row[2].startswith("Prefecture") for row in PROVINCES) == 13
    assert all(en and fr and ar for _, _, en, fr, ar in PROVINCES)


def test_loading_puts_each_under_its_region_once():
    created = load_standard_taxonomy()
    assert created["provinces"] == 75
    assert Province.objects.count() == 75
    assert Province.objects.get(code="es-semara").region.code == "laayoune-sakia-el-hamra"
    assert Province.objects.get(code="aousserd").region.code == "dakhla-oued-ed-dahab"
    assert Province.objects.filter(region__code="casablanca-settat").count() == 9
    assert load_standard_taxonomy()["provinces"] == 0


def test_data_migration_loads_them_under_regions_already_there():
    load_standard_taxonomy()
    Province.objects.all().delete()
    migration = importlib.import_module("capacity_lms.migrations.0019_moroccan_provinces")
    migration.create(django_apps, None)
    assert Province.objects.count() == 75
    assert Region.objects.count() == 12
