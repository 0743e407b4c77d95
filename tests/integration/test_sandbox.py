"""The sandbox's demo data and site: idempotent, complete, every demo account signs in."""

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, Site

from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord
from capacity_lms.certificates.models import Certificate, CertificateSettings
from capacity_lms.certificates.rendering import ensure_pdf
from capacity_lms.library.models import CaseStudyPage, LibraryIndexPage
from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.workshops.models import OccurrenceChange, Session, Workshop
from courses.models import Enrolment
from sandbox.home.demo import DEMO_ACCOUNTS
from sandbox.home.models import HomePage

pytestmark = pytest.mark.django_db


def row_counts():
    """Rows in every table of our apps, Wagtail pages and users."""
    models = [
        *apps.get_app_config("capacity_lms").get_models(),
        *apps.get_app_config("capacity_courses").get_models(),
        Page,
        Site,
        get_user_model(),
    ]
    return {model._meta.label: model.objects.count() for model in models}


def test_demo_data_is_complete_and_loading_it_twice_duplicates_nothing(client, capsys):
    # One test, two loads: loading the demo data costs seconds, and CI runs this file on
    # three databases. Each check below is independent of the others.
    call_command("load_demo_data")
    first = row_counts()
    call_command("load_demo_data")
    assert row_counts() == first
    assert "Demo data ready." in capsys.readouterr().out

    assert first["capacity_lms.Association"] >= 30
    assert len({a.host_country_id for a in Association.objects.abroad()}) >= 8
    assert first["capacity_lms.Country"] >= 13

    check_every_demo_account_signs_in_with_its_role()
    check_home_page_exists_in_three_languages_and_is_the_site_root(client)
    check_sitemap_lists_every_language_version(client)
    check_demo_workshops()
    check_demo_attendance()
    check_demo_certificates()
    check_demo_library(client)
    check_demo_network()


def check_every_demo_account_signs_in_with_its_role():
    for username, (_first, _last, group, superuser) in DEMO_ACCOUNTS.items():
        user = authenticate(username=username, password="capacity-demo")
        assert user is not None, username
        assert user.is_superuser is superuser
        if group:
            assert user.groups.filter(name=group).exists()
    learner = get_user_model().objects.get(username="learner")
    assert LearnerProfile.objects.get(user=learner).preferred_language == "ar"
    assert Membership.objects.filter(user=learner).exists()


def check_home_page_exists_in_three_languages_and_is_the_site_root(client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    languages = {page.locale.language_code for page in HomePage.objects.all()}
    assert languages == {"en", "fr", "ar"}
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    assert "Renforcement des capacités" in client.get("/fr/").content.decode()


def check_sitemap_lists_every_language_version(client):
    body = client.get("/sitemap.xml").content.decode()
    for language in ("en", "fr", "ar"):
        assert f"/{language}/</loc>" in body


def check_demo_attendance():
    """A past workshop with every status, both ways of marking and a walk-in."""
    records = AttendanceRecord.objects.filter(session__workshop__slug="association-accounts-lyon")
    assert set(records.values_list("status__code", flat=True)) == {
        "present",
        "late",
        "excused",
        "absent",
    }
    assert set(records.values_list("method", flat=True)) == {"roster", "check_in"}
    assert records.filter(walk_in__isnull=False).exists()
    assert all(change.changed_at for change in AttendanceChange.objects.all())


def check_demo_workshops():
    """What issue #4 asks the demo to show."""
    published = Workshop.objects.filter(status=Workshop.Status.PUBLISHED)
    zones = set(Session.objects.filter(workshop__in=published).values_list("time_zone", flat=True))
    assert len(zones) >= 4
    assert {"Europe/Paris", "America/Toronto", "Africa/Casablanca"} <= zones
    series = Session.objects.get(workshop__slug="grant-applications-online-series")
    assert series.changes.filter(status=OccurrenceChange.Status.CANCELLED).exists()
    assert series.changes.filter(status=OccurrenceChange.Status.MOVED).exists()
    full = published.with_seats().get(slug="women-leadership-turin")
    assert full.confirmed_count == full.capacity
    assert full.waiting_count >= 2
    ramadan = Session.objects.get(workshop__slug="ramadan-evening-casablanca")
    # Inside Morocco's Ramadan hour the local time is UTC itself.
    assert ramadan.time_zone == "Africa/Casablanca"
    assert ramadan.starts_at.hour == ramadan.start_time.hour
    assert ramadan.starts_at > timezone.now()
    trainers = {w.slug: {t.username for t in w.trainers.all()} for w in Workshop.objects.all()}
    assert trainers["women-leadership-turin"] == {"trainer2"}
    assert "trainer" in trainers["project-engineering-paris"]


def check_demo_certificates():
    """The learner holds one certificate per kind, its PDF made on its first download (held
    back while the demo loads); staff see a revoked one."""
    learner = get_user_model().objects.get(username="learner")
    held = Certificate.objects.for_holder(learner)
    assert sorted(held.values_list("layout", "status", "origin")) == [
        ("ar,fr", "valid", "rule"),
        ("fr", "valid", "rule"),
        ("fr,en", "valid", "manual"),
    ]
    assert not any(certificate.pdf for certificate in held)
    first = ensure_pdf(held.first())
    assert first.pdf and first.pdf.open("rb").read(5) == b"%PDF-"
    arabic_french = held.get(layout="ar,fr")
    assert arabic_french.holder_names == {"ar": "سلمى العمراني", "fr": "Salma Amrani"}
    assert held.get(layout="fr,en").expires_on is not None
    lyon = Certificate.objects.filter(workshop__slug="association-accounts-lyon")
    assert set(lyon.live().values_list("user__username", flat=True)) == {
        "learner",
        "hajar",
        "mehdi",
    }
    revoked = lyon.get(status=Certificate.Status.REVOKED)
    assert revoked.user.username == "sanae"
    assert revoked.events.filter(kind="revoked", actor__username="staff").exists()
    options = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    assert options.issuer_in_arabic and options.signatory_name
    check_demo_open_badges()


def check_demo_open_badges():
    """Every demo certificate's Open Badges credential, as the delivery task kept it, verifies
    with the Digital Credentials Consortium's libraries; the revoked and the replaced ones fail
    their status check (issue #26)."""
    from capacity_lms.certificates.credentials import open_badge
    from capacity_lms.certificates.status_list import status_list_credential
    from capacity_lms.core import data_integrity
    from tests.credential_clients.readers import dcc_verify

    certificates = list(Certificate.objects.exclude(signed_payload="").order_by("pk"))
    # The learner's were delivered (their PDFs rendered) and keep theirs; the others' delivery
    # is still queued: their credential is built as a download would build it.
    learner = get_user_model().objects.get(username="learner")
    assert all(c.open_badge for c in certificates if c.user_id == learner.pk and c.pdf)
    credentials = [c.open_badge or open_badge(c) for c in certificates]
    did = data_integrity.did_document()
    documents = {
        did["id"]: did,
        **{m["id"]: {"@context": did["@context"], **m} for m in did["verificationMethod"]},
    }
    status_list = status_list_credential(0)
    documents[status_list["id"]] = status_list
    results = dcc_verify(credentials, documents, check_status=True)
    for certificate, result in zip(certificates, results, strict=True):
        listed = certificate.status != Certificate.Status.VALID
        assert result["status"] == {"checked": True, "listed": listed, "errors": []}, result
        assert result["verified"] is (not listed and not certificate.is_expired), result


def check_demo_library(client):
    """What issue #7 asks the demo to show: 8+ case studies across axes, countries, languages."""
    libraries = LibraryIndexPage.objects.live()
    assert {library.locale.language_code for library in libraries} == {"en", "fr", "ar"}
    assert len({library.translation_key for library in libraries}) == 1
    case_studies = CaseStudyPage.objects.live()
    per_language = {
        language: case_studies.filter(locale__language_code=language).count()
        for language in ("en", "fr", "ar")
    }
    assert per_language == {"en": 3, "fr": 6, "ar": 3}
    originals = {page.translation_key: page for page in case_studies.order_by("pk")}
    assert len(originals) == 9
    assert len({page.host_country_id for page in originals.values()}) >= 6
    axes = set(case_studies.values_list("strategic_axes__code", flat=True))
    assert axes == {
        "project-engineering",
        "school-support",
        "youth-and-precarious",
        "cultural-link",
        "women-conditions",
        "solidarity-development",
    }
    for page in case_studies.specific():
        assert 2 <= page.indicators.count() <= 4, page.slug
        assert page.related_courses.exists(), page.slug
        assert all(course.locale_id == page.locale_id for course in page.related_courses.all())
        assert page.context and page.pitfalls and page.replication, page.slug
    solidarity = case_studies.filter(strategic_axes__code="solidarity-development")
    assert all(page.regions_of_origin.exists() for page in solidarity)
    arabic = case_studies.get(slug="qafila-tibbiya-taroudant")
    response = client.get(arabic.url)
    assert response.status_code == 200
    assert "قافلة طبية" in response.content.decode()
    assert "Bonnes pratiques" in client.get("/fr/").content.decode()


def check_demo_network():
    """What issue #21 asks the demo to show."""
    associations = Association.objects.all()
    assert associations.count() >= 30
    assert associations.abroad().values("host_country").distinct().count() >= 8
    assert associations.local().values("region").distinct().count() >= 6
    statuses = set(associations.values_list("verification_status", flat=True))
    assert {"pending", "verified", "suspended"} <= statuses
    assert all(a.description_en and a.description_fr and a.description_ar for a in associations)
    suspended = associations.get(verification_status="suspended")
    assert [event.to_status for event in suspended.verification_events.order_by("created_at")] == [
        "verified",
        "suspended",
    ]
    partnerships = Partnership.objects.all()
    assert partnerships.count() == 8
    proposed = partnerships.filter(status="proposed").count()
    assert 0 < proposed < partnerships.filter(status="active").count()
    assert partnerships.shown().count() >= 5
    offers = OfferOrNeed.objects.open(timezone.localdate())
    assert {"offer", "need"} <= set(offers.values_list("direction", flat=True))
    messages = RelayedMessage.objects.all()
    assert messages.count() >= 3 and messages.filter(in_reply_to__isnull=False).exists()
    # The demo learner's association, with a capacity record: members who completed modules,
    # attended workshops and hold certificates, one of whom agreed to be named.
    learner = get_user_model().objects.get(username="learner")
    association = Association.objects.get(memberships__user=learner)
    assert association.is_verified
    members = association.memberships.values("user")
    assert members.count() >= 3
    assert association.memberships.filter(role="leader").exists()
    assert Enrolment.objects.filter(user__in=members, completed_at__isnull=False).exists()
    assert AttendanceRecord.objects.filter(user__in=members).exists()
    assert Certificate.objects.filter(user__in=members).live().count() >= 3
    assert LearnerProfile.objects.filter(user__in=members, name_on_association_page=True).exists()
    assert association.membership_requests.filter(status="pending").exists()
    assert Partnership.objects.shown().involving(association).exists()


def test_no_migration_is_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_system_checks_pass_on_the_sandbox_settings():
    call_command("check", fail_level="WARNING")


@pytest.mark.postgres
def test_on_postgres_the_registration_number_index_is_partial():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["capacity_lms_association_unique_registration"],
        )
        (definition,) = cursor.fetchone()
    assert "UNIQUE" in definition
    assert "WHERE" in definition
