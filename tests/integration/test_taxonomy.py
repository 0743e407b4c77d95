import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import CapacityArea, Country, SpecializedGroup, StrategicAxis
from capacity_lms.taxonomy.standard import COUNTRIES, SPECIALIZED_GROUPS, STRATEGIC_AXES

pytestmark = pytest.mark.django_db


def counts():
    return (
        Country.objects.count(),
        SpecializedGroup.objects.count(),
        StrategicAxis.objects.count(),
    )


def test_command_loads_the_programme_vocabulary_once(capsys):
    call_command("load_programme_taxonomy")
    first = capsys.readouterr().out
    assert counts() == (len(COUNTRIES), len(SPECIALIZED_GROUPS), len(STRATEGIC_AXES))
    assert "6 strategic axes" in first

    call_command("load_programme_taxonomy")
    second = capsys.readouterr().out
    assert counts() == (len(COUNTRIES), len(SPECIALIZED_GROUPS), len(STRATEGIC_AXES))
    assert "0 strategic axes, 0 specialized groups, 0 countries" in second


def test_reloading_keeps_what_an_editor_changed():
    load_standard_taxonomy()
    StrategicAxis.objects.filter(code="school-support").update(name_fr="Accompagnement scolaire")
    CapacityArea.objects.filter(code="governance").update(name_fr="Vie associative")
    assert load_standard_taxonomy() == {
        "strategic axes": 0,
        "specialized groups": 0,
        "countries": 0,
        "regions": 0,
        "provinces": 0,
        "capacity areas": 0,
    }
    assert StrategicAxis.objects.get(code="school-support").name_fr == "Accompagnement scolaire"
    assert CapacityArea.objects.get(code="governance").name_fr == "Vie associative"


def test_axes_cover_the_programme_priorities_in_order():
    load_standard_taxonomy()
    assert list(StrategicAxis.objects.values_list("code", flat=True)) == [
        "project-engineering",
        "school-support",
        "youth-and-precarious",
        "cultural-link",
        "women-conditions",
        "solidarity-development",
    ]


def test_morocco_and_largest_communities_have_their_time_zones():
    load_standard_taxonomy()
    zones = dict(Country.objects.values_list("code", "default_time_zone"))
    assert zones["ma"] == "Africa/Casablanca"
    assert zones["fr"] == "Europe/Paris"
    assert zones["ca"] == "America/Toronto"
    assert {"fr", "es", "it", "be", "nl", "de", "gb", "ca", "us", "ae", "sa", "qa"} <= set(zones)


def test_names_follow_the_active_language_with_english_fallback():
    axis = StrategicAxis(code="x", name_en="Women", name_fr="Femmes", name_ar="النساء")
    with translation.override("ar"):
        assert str(axis) == "النساء"
    with translation.override("fr"):
        assert axis.name == "Femmes"
    axis.name_ar = ""
    with translation.override("ar"):
        assert axis.name == "Women"
    with translation.override("es"):
        assert axis.name == "Women"


def test_country_code_and_time_zone_are_validated():
    country = Country(code="FRA", name_en="France", default_time_zone="Paris")
    with pytest.raises(ValidationError) as error:
        country.full_clean()
    assert set(error.value.message_dict) == {"code", "default_time_zone"}

    country = Country(code="MA", name_en="Morocco", default_time_zone="Africa/Casablanca")
    country.full_clean()
    assert country.code == "ma"
    assert country.iso_code == "MA"
