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
