"""Every relation to a person has an owner: the registry covers each model that refers to the
user model (ours, Wagtail's, Django's and the host's), and says how its rows are treated."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.test.utils import isolate_apps

from capacity_lms.privacy import registry
from capacity_lms.privacy.registry import KEEP, PSEUDONYMISE, entries, register, unregistered


def test_every_relation_to_a_person_is_in_the_registry():
    missing = unregistered(apps.get_models())
    assert not missing, "No privacy entry for: " + ", ".join(
        f"{model._meta.label}.{name}" for model, name in missing
    )


@isolate_apps("tests.testapp")
def test_the_check_names_a_model_without_an_entry():
    class Diary(models.Model):  # noqa: DJ008
        author = models.ForeignKey(get_user_model(), on_delete=models.CASCADE)
        reader = models.ManyToManyField(get_user_model(), related_name="+")

        class Meta:
            app_label = "testapp"

    assert {(model.__name__, name) for model, name in unregistered([Diary])} == {
        ("Diary", "author"),
        ("Diary", "reader"),
    }


def test_an_entry_must_cover_every_relation_of_its_model():
    from capacity_lms.attendance.models import WalkIn

    entry = registry.entry_for(WalkIn)
    try:
        register(WalkIn, person_fields=["user"], erase=PSEUDONYMISE, replace=True)
        assert unregistered([WalkIn]) == [(WalkIn, "added_by")]
    finally:
        registry._entries[entry.label] = entry


def test_inherited_page_fields_are_covered_once_on_wagtails_page():
    from wagtail.models import Page

    from capacity_lms.library.models import CaseStudyPage

    relations = registry.user_relations([CaseStudyPage, Page])
    assert (CaseStudyPage, "submitted_by") in relations
    assert (Page, "owner") in relations
    assert (CaseStudyPage, "owner") not in relations


def test_kept_rows_say_why_and_bad_entries_are_refused():
    for entry in entries():
        if entry.person_fields and entry.erase == KEEP:
            assert str(entry.reason), entry.label
    from capacity_lms.people.models import Association

    with pytest.raises(ImproperlyConfigured):
        register(Association, person_fields=["host_country"])
    from capacity_lms.people.models import Membership

    with pytest.raises(registry.AlreadyRegistered):
        register(Membership, person_fields=["user"], erase="delete")
    with pytest.raises(ImproperlyConfigured):
        register(Membership, person_fields=["user"], erase="forget", replace=True)
    with pytest.raises(ImproperlyConfigured, match="why"):
        register(Membership, person_fields=["user"], erase=KEEP, replace=True)
    assert registry.entry_for(Membership).erase == PSEUDONYMISE
