"""Helpers and fixtures for the registration, verification, joining and merging tests."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.people.roles import PROGRAMME_STAFF
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, Province, Region
from sandbox.testing.factories import AssociationFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def person(username, language="", **kwargs):
    user = UserFactory(username=username, email=f"{username}@example.org", **kwargs)
    LearnerProfile.objects.create(user=user, preferred_language=language)
    return user


def staff_member(username="staff-nadia"):
    user = person(username)
    user.groups.add(Group.objects.get(name=PROGRAMME_STAFF))
    return user


def admin_of(association, username, language=""):
    user = person(username, language)
    Membership.objects.create(user=user, association=association, role=Membership.Role.LEADER)
    return user


def abroad_data(**overrides):
    """A registration form's cleaned data for an association in France."""
    data = {
        "kind": Association.Kind.ABROAD,
        "name": "Horizons Solidaires Lyon",
        "name_ar": "آفاق التضامن ليون",
        "host_country": Country.objects.get(code="fr"),
        "city": "Lyon",
        "region": None,
        "province": None,
        "commune": "",
        "registration_number": "W691234567",
        "description_en": "",
        "description_fr": "Soutien scolaire.",
        "description_ar": "",
        "strategic_axes": [],
        "specialized_groups": [],
        "regions_of_origin": list(Region.objects.filter(code="oriental")),
        "founding_year": 2009,
        "languages": ["fr", "ar"],
        "website": "https://horizons.example.org",
        "social_links": [],
        "size_bracket": "11-50",
        "contact_name": "Samira B.",
        "contact_email": "contact@horizons.example.org",
        "contact_phone": "+33 4 00 00 00 00",
        "published_fields": ["description", "website"],
        "statutes": upload("statuts.pdf"),
        "receipt": upload("recepisse.pdf"),
        "logo": None,
    }
    data.update(overrides)
    return data


def local_data(**overrides):
    region = Region.objects.get(code="oriental")
    values = {
        "kind": Association.Kind.LOCAL,
        "name": "Association Oasis Figuig",
        "host_country": None,
        "city": "",
        "region": region,
        "province": Province.objects.get(code="figuig"),
        "commune": "Figuig",
        "registration_number": "OR-2011-77",
    }
    return abroad_data(**{**values, **overrides})


@pytest.fixture
def taxonomy(db):
    load_standard_taxonomy()


@pytest.fixture
def media_root(settings, tmp_path):
    """Files go to a real directory, so a test can list what stayed behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    cache.clear()
    yield tmp_path / "media"
    cache.clear()


@pytest.fixture
def staff(taxonomy):
    return staff_member()


@pytest.fixture
def verified(taxonomy):
    return AssociationFactory(
        name="Atlas Montréal",
        host_country=Country.objects.get(code="ca"),
        city="Montréal",
        registration_number="QC-1",
    )
