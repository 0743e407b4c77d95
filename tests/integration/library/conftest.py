"""A library with case studies across countries, groups, axes, tags and years."""

import datetime

import pytest
from django.core.cache import cache

from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from sandbox.testing.factories import (
    AssociationFactory,
    CaseStudyPageFactory,
    LibraryIndexPageFactory,
)
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    course,
    make_course,
    site_root,
    taxonomy,
)


@pytest.fixture
def media_root(settings, tmp_path):
    """Files go to a real directory, so a test can list what stayed behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    cache.clear()  # rate-limit counters of earlier tests
    yield tmp_path / "media"
    cache.clear()


@pytest.fixture
def association(taxonomy):  # noqa: F811  (fixtures)
    return AssociationFactory(name="Association Jeunesse Maroc-France")


@pytest.fixture
def library(site_root, taxonomy):  # noqa: F811  (fixtures)
    return LibraryIndexPageFactory(parent=site_root)


def make_case_study(library, country="fr", axes=("school-support",), groups=(), tags=(), **kwargs):
    return CaseStudyPageFactory(
        parent=library,
        host_country=Country.objects.get(code=country),
        strategic_axes=list(StrategicAxis.objects.filter(code__in=axes)),
        specialized_groups=list(SpecializedGroup.objects.filter(code__in=groups)),
        tags=list(tags),
        **kwargs,
    )


@pytest.fixture
def case_studies(library):
    return {
        "homework": make_case_study(
            library,
            title="Homework clubs in Lyon",
            country="fr",
            axes=["school-support"],
            groups=["children"],
            tags=["volunteers", "schools"],
            started_on=datetime.date(2023, 9, 1),
        ),
        "cooperative": make_case_study(
            library,
            title="A women's argan cooperative linked with Turin",
            country="it",
            axes=["women-conditions", "solidarity-development"],
            groups=["women"],
            tags=["cooperative"],
            started_on=datetime.date(2021, 3, 1),
            summary="Women in Souss-Massa sell argan oil through a diaspora network in Turin.",
        ),
        "elders": make_case_study(
            library,
            title="Visiting elderly migrants in Brussels",
            country="be",
            axes=["youth-and-precarious"],
            groups=["elderly-persons"],
            tags=["volunteers"],
            started_on=datetime.date(2024, 1, 15),
        ),
    }
