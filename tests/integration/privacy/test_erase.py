"""Erasing a person keeps every figure and removes every trace of who they were."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail, serializers
from django.test import override_settings

from capacity_lms.certificates.models import Certificate
from capacity_lms.privacy.actions import ErasePersonAction, is_erased
from capacity_lms.privacy.models import PersonalDataRequest
from capacity_lms.reports.engine import ReportRequest, cross_table, grand_total
from capacity_lms.reports.sources import METRICS, counts_by
from capacity_lms.workshops.actions import RegisterAction
from capacity_lms.workshops.models import Registration
from tests.integration.conftest import make_workshop

from .conftest import FATIMA_TRACES

TABLES = [("country", "axis"), ("group", "association"), ("course", "period")]


def figures():
    values = {}
    for metric in METRICS:
        values[metric] = grand_total(metric)
        for rows, columns in TABLES:
            if not (counts_by(metric, rows) and counts_by(metric, columns)):
                continue  # a breakdown the figure does not offer (partnerships by course)
            table = cross_table(ReportRequest(metric=metric, rows=rows, columns=columns))
            values[(metric, rows, columns)] = (
                table.cells,
                table.row_totals,
                table.column_totals,
                table.total,
            )
    return values


def our_models():
    return [
        *apps.get_app_config("capacity_lms").get_models(),
        *apps.get_app_config("capacity_courses").get_models(),
        get_user_model(),
    ]


def our_tables():
    """Every row of our apps and of the user model, as text."""
    return "\n".join(
        serializers.serialize("json", model._default_manager.all()) for model in our_models()
    )


def our_rows(leave_out=()):
    """The same rows as data, one list per model, leaving out the models named."""
    return [
        json.loads(serializers.serialize("json", model._default_manager.all()))
        for model in our_models()
        if model._meta.label_lower not in leave_out
    ]


def traces(text):
    lowered = text.lower()
    return [trace for trace in FATIMA_TRACES if trace.lower() in lowered]


def test_the_reports_count_the_same_before_and_after(world):
    before = figures()
    assert before["people"] >= 2
    ErasePersonAction(world.fatima, user=world.staff, reason="asked by e-mail").execute()
    assert figures() == before


def test_no_trace_of_the_person_is_left(world):
    assert traces(our_tables())
    erasure = ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()
    assert traces(our_tables()) == []
    fatima = world.fatima
    assert is_erased(fatima) and fatima.username == erasure.pseudonym
    assert not fatima.is_active and not fatima.has_usable_password()
    assert not fatima.groups.exists()
    assert fatima.capacity_profile.country_of_residence.code == "fr"
    assert fatima.capacity_profile.specialized_groups.count() == 2
    assert fatima.capacity_memberships.count() == 1
    assert not hasattr_safely(fatima, "calendar_feed_token")
    assert not fatima.workshop_reminders.exists()
    assert "Karim left early" in our_tables()


def hasattr_safely(user, name):
    try:
        getattr(user, name)
    except Exception:
        return False
    return True


def test_certificates_are_revoked_without_names_by_default(world, client, english, committing):
    certificate = Certificate.objects.get(user=world.fatima)
    pdf_name, storage = certificate.pdf.name, certificate.pdf.storage
    assert storage.exists(pdf_name)
    with committing():
        ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()
    assert not storage.exists(pdf_name)
    certificate.refresh_from_db()
    answer = client.get(certificate.verification_path(), HTTP_ACCEPT="application/json").json()
    assert answer["status"] == "revoked" and answer["holder"] == {}
    page = client.get(certificate.verification_path())
    assert page.status_code == 200 and "Fatima" not in page.content.decode()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.holder_names == {} and certificate.signed_payload == ""
    assert not certificate.pdf
    assert certificate.events.filter(kind="revoked").exists()
    karims = Certificate.objects.get(user=world.karim)
    assert karims.status == Certificate.Status.VALID and karims.holder_names


@override_settings(CAPACITY_LMS_ERASURE_CERTIFICATES="keep")
def test_certificates_can_be_kept_as_issued(world):
    certificate = Certificate.objects.get(user=world.fatima)
    names = certificate.holder_names
    ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert certificate.holder_names == names and certificate.signed_payload


@pytest.fixture
def to_come(world, trainer):
    """Two workshops still to come, one seat each: Fatima holds the seat of the first and
    Karim waits; Karim holds the seat of the second and Fatima waits."""
    france = world.workshop.country
    full = make_workshop(france, trainers=[trainer], capacity=1, title="Full")
    RegisterAction(full, user=world.fatima).execute()
    RegisterAction(full, user=world.karim).execute()
    other = make_workshop(france, trainers=[trainer], capacity=1, title="Other")
    RegisterAction(other, user=world.karim).execute()
    RegisterAction(other, user=world.fatima).execute()
    assert full.registrations.get(user=world.fatima).is_confirmed
    assert other.registrations.get(user=world.fatima).is_waiting
    return full, other


def test_a_failure_halfway_changes_nothing(world, to_come, monkeypatch, committing):
    from capacity_lms.privacy import actions

    before, rows_before = our_tables(), figures()
    mail.outbox = []

    def broken(person, pseudonym):
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "_scrub_logs_about", broken)
    with committing(), pytest.raises(RuntimeError):
        ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()
    # The registrations to come were cancelled first: rolled back with the rest, no e-mail.
    assert our_tables() == before
    assert figures() == rows_before
    assert not PersonalDataRequest.objects.exists()
    full, other = to_come
    assert full.registrations.get(user=world.fatima).is_confirmed
    assert full.registrations.get(user=world.karim).is_waiting
    assert other.registrations.get(user=world.fatima).is_waiting
    assert mail.outbox == []


def test_seats_to_come_go_to_the_waiting_list_and_the_past_stays(world, to_come, committing):
    full, other = to_come
    past = Registration.objects.get(workshop=world.workshop, user=world.fatima)
    registrations_before = grand_total("registrations")
    mail.outbox = []

    with committing():
        erasure = ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()

    # Karim had the first place in line: the seat is his, and he is told, once, in his
    # language; the erased person is written to about nothing.
    assert full.registrations.get(user=world.karim).is_confirmed
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["karim@example.org"], "Une place pour vous : Full")
    ]
    # The erased account holds no seat nor place in line at a workshop to come.
    assert not Registration.objects.filter(user=world.fatima, workshop__in=to_come).active()
    assert other.registrations.get(user=world.karim).is_confirmed
    outcome = next(o for o in erasure.outcomes if o.entry.model is Registration)
    assert outcome.count == 2
    # The past workshop's registration stays, confirmed, and is still counted.
    past.refresh_from_db()
    assert past.status == Registration.Status.CONFIRMED and past.user == world.fatima
    assert grand_total("registrations") == registrations_before
    assert Registration.objects.filter(workshop=world.workshop).confirmed().count() == 2


def test_erasing_twice_is_harmless(world):
    log = ("capacity_lms.personaldatarequest",)
    first = ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()
    after_first = our_rows(leave_out=log)
    second = ErasePersonAction(world.fatima, user=world.staff, reason="again").execute()
    assert second.pseudonym == first.pseudonym
    assert PersonalDataRequest.objects.filter(kind="erasure").count() == 2
    assert our_rows(leave_out=log) == after_first


def test_only_a_permitted_person_erases(world, trainer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        ErasePersonAction(world.fatima, user=trainer, reason="asked").execute()
    with pytest.raises(PermissionDenied):
        ErasePersonAction(world.staff, user=world.staff, reason="asked").execute()
    assert world.fatima.__class__.objects.get(pk=world.fatima.pk).username == "fatima"


def test_wagtail_preferences_are_deleted(world):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(world.fatima)
    ErasePersonAction(world.fatima, user=world.staff, reason="asked").execute()
    assert not UserProfile.objects.filter(user=world.fatima).exists()
