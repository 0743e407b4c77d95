import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from capacity_lms.conf import DEFAULTS, get_languages, get_setting, unknown_settings


def test_default_is_returned_when_host_sets_nothing():
    with override_settings():
        from django.conf import settings

        del settings.CAPACITY_LMS_PROGRAMME_NAME
        assert get_setting("PROGRAMME_NAME") == DEFAULTS["PROGRAMME_NAME"]


def test_host_value_is_read_at_call_time():
    with override_settings(CAPACITY_LMS_DEFAULT_TIME_ZONE="Africa/Casablanca"):
        assert get_setting("DEFAULT_TIME_ZONE") == "Africa/Casablanca"
    assert get_setting("DEFAULT_TIME_ZONE") == "UTC"


def test_unknown_setting_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="CAPACITY_LMS_NOPE"):
        get_setting("NOPE")


def test_languages_fall_back_to_the_hosts():
    assert [code for code, _ in get_languages()] == ["ar", "fr", "en"]
    with override_settings(CAPACITY_LMS_LANGUAGES=[("fr", "French")]):
        assert get_languages() == [("fr", "French")]


def test_misspelt_settings_are_listed():
    with override_settings(CAPACITY_LMS_PROGRAMME_NAM="typo"):
        assert unknown_settings() == ["CAPACITY_LMS_PROGRAMME_NAM"]


NAMES = {"en": "Capacity building", "fr": "Renforcement des capacités", "ar": "تقوية القدرات"}


@pytest.mark.parametrize(
    ("setting", "active", "expected", "language"),
    [
        (NAMES, "fr", "Renforcement des capacités", "fr"),
        (NAMES, "ar", "تقوية القدرات", "ar"),
        ({"fr": "Renforcement"}, "ar", "Renforcement", "fr"),  # only entry
        ({"en": "Capacity", "fr": "Renforcement"}, "ar", "Capacity", "en"),  # default language
        ("One name", "ar", "One name", "en"),  # a string is in the default language
    ],
)
def test_programme_name_in_the_active_language_with_its_own(setting, active, expected, language):
    from django.utils import translation

    from capacity_lms.conf import programme_name

    with override_settings(CAPACITY_LMS_PROGRAMME_NAME=setting), translation.override(active):
        name = programme_name()
    assert (name, name.language) == (expected, language)


def test_the_default_programme_name_is_translated():
    from django.utils import translation

    from capacity_lms.conf import programme_name

    with override_settings():
        from django.conf import settings

        del settings.CAPACITY_LMS_PROGRAMME_NAME
        with translation.override("fr"):
            name = programme_name()
    assert (name, name.language) == ("Programme de renforcement des capacités", "fr")
