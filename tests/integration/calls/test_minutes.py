"""The minutes of the committee session: a real WeasyPrint PDF read back with pdftotext, Arabic
and French in logical order (issue #22, "Done when")."""

import datetime
import io
import json
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from capacity_lms.calls.committee import Decide
from capacity_lms.calls.minutes import JWS_ATTACHMENT, minutes_html, minutes_pdf, verify_minutes
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision
from capacity_lms.certificates.signing import sign as sign_certificate
from capacity_lms.certificates.signing import verify as verify_certificate
from capacity_lms.core.signing import (
    NotGenuine,
    b64url_decode,
    b64url_encode,
    canonical_json,
    jwks,
)
from capacity_lms.management.signed_files import signed_text
from capacity_lms.people.models import LearnerProfile
from sandbox.testing.committee_factories import ApplicationFactory, scored_review
from tests.integration.calls.world import committee  # noqa: F401

pytestmark = pytest.mark.django_db

ARABIC_TITLE = "برنامج الشراكة مع الجمعيات"
FRENCH_TITLE = "Programme de partenariat 2026"
ARABIC_ASSOCIATION = "جمعية الأمل للتنمية"
ARABIC_REASON = "المشروع لا يستهدف الشباب"
CHAIR_IN_ARABIC = "سعاد بناني"


def pdftotext(data):
    command = [shutil.which("pdftotext"), "-layout", "-", "-"]
    return subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode()  # noqa: S603


@pytest.fixture
def session(call, committee):  # noqa: F811
    for language, title in (("ar", ARABIC_TITLE), ("fr", FRENCH_TITLE)):
        version = call.copy_for_translation(
            Locale.objects.get_or_create(language_code=language)[0], copy_parents=True
        )
        version.title = title
        version.save_revision().publish()
    chair = committee["chair"]
    chair.first_name, chair.last_name = "Souad", "Bennani"
    chair.save()
    LearnerProfile.objects.create(user=chair, name_in_arabic=CHAIR_IN_ARABIC)
    criteria = list(call.criteria.all())
    funded = ApplicationFactory(
        call=call,
        status=Application.Status.ELIGIBLE,
        association__name="Association Espoir",
        association__name_ar=ARABIC_ASSOCIATION,
        project__title="Ateliers numériques",
    )
    refused = ApplicationFactory(
        call=call,
        status=Application.Status.ELIGIBLE,
        association__name="Amicale Rif",
        project__title="Festival",
    )
    for application, score in ((funded, 5), (refused, 2)):
        for reviewer in committee["reviewers"][:2]:
            scored_review(application, reviewer, dict.fromkeys(criteria, score))
    Decide(
        funded, user=chair, outcome="funded", amount=90000, reason="Cadre logique solide."
    ).execute()
    Decide(refused, user=chair, outcome="refused", reason=ARABIC_REASON).execute()
    return call


def test_the_minutes_read_back_in_arabic_then_french_in_logical_order(session):
    text = pdftotext(minutes_pdf(session, held_on=datetime.date(2026, 12, 5)))
    # A reversed or unshaped Arabic run would not match these strings. (pdftotext -layout
    # reorders a line mixing Arabic and digits visually: the Arabic strings have no digits.)
    for arabic in (ARABIC_TITLE, ARABIC_ASSOCIATION, ARABIC_REASON, CHAIR_IN_ARABIC):
        assert arabic in text
    for french in (FRENCH_TITLE, "Cadre logique solide.", "Ateliers numériques", "Souad Bennani"):
        assert french in text
    assert "90000.00 MAD" in text and "3000000.00 MAD" in text
    # The Arabic block leads; the French block names the association in Latin script.
    assert text.index(ARABIC_TITLE) < text.index(FRENCH_TITLE)
    assert text.index(FRENCH_TITLE) < text.index("Association Espoir")


def test_each_block_carries_its_language_and_direction_and_escapes_what_people_wrote(
    session,
):
    Decision.objects.filter(outcome="refused").update(reason="<script>alert(1)</script>")
    html = minutes_html(session, held_on=datetime.date(2026, 12, 5))
    assert '<section lang="ar" dir="rtl">' in html
    assert '<section lang="fr" dir="ltr">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    # The funded project ranks first in both blocks.
    french = html[html.index('<section lang="fr"') :]
    assert french.index("Association Espoir") < french.index("Amicale Rif")


def test_the_minutes_use_only_the_packaged_font(session):
    command = [shutil.which("pdffonts"), "-"]
    fonts = subprocess.run(  # noqa: S603
        command, input=minutes_pdf(session), capture_output=True, check=True
    ).stdout.decode()
    assert "Amiri" in fonts
    assert "DejaVu" not in fonts and "Noto" not in fonts


def test_the_minutes_are_signed_and_the_signature_records_each_decision(session, tmp_path):
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(minutes_pdf(session, held_on=datetime.date(2026, 12, 5)))
    token = signed_text(str(pdf), attachment=JWS_ATTACHMENT)
    payload = verify_minutes(token).payload
    assert payload["held_on"] == "2026-12-05"
    assert payload["call"]["title"]["ar"] == ARABIC_TITLE
    recorded = {row["association"]: row for row in payload["applications"]}
    assert recorded["Association Espoir"]["decision"] == "funded"
    assert Decimal(recorded["Association Espoir"]["amount"]) == Decimal(90000)
    assert recorded["Amicale Rif"]["decision"] == "refused"
    assert recorded["Amicale Rif"]["amount"] is None
    assert [row["rank"] for row in payload["applications"]] == [1, 2]
    assert Decimal(payload["granted"]) == Decimal(90000)
    assert {member["chair"] for member in payload["members"]} == {True, False}
    # The same keys sign certificates: a certificate's check refuses the minutes, and the
    # minutes' check refuses a token of any other kind.
    with pytest.raises(NotGenuine):
        verify_certificate(token)
    with pytest.raises(NotGenuine):
        verify_minutes(sign_certificate(payload)[0])


def test_the_command_checks_the_minutes_offline_and_refuses_a_changed_copy(session, tmp_path):
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(minutes_pdf(session))
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps(jwks()))
    out = io.StringIO()
    call_command("verify_minutes", str(pdf), keys=str(keys), stdout=out)
    assert "GENUINE" in out.getvalue() and "Association Espoir" in out.getvalue()
    header, payload, signature = signed_text(str(pdf), attachment=JWS_ATTACHMENT).split(".")
    record = json.loads(b64url_decode(payload))
    record["applications"][1]["decision"] = "funded"
    forged = tmp_path / "forged.jws"
    forged.write_text(".".join([header, b64url_encode(canonical_json(record)), signature]))
    with pytest.raises(CommandError) as refused:
        call_command("verify_minutes", str(forged), keys=str(keys))
    assert refused.value.returncode == 1 and "NOT GENUINE" in str(refused.value)
    # A PDF with no signature attached: a clear message, not a traceback.
    with pytest.raises(CommandError, match=r"no attached minutes\.jws"):
        call_command("verify_minutes", str(write_plain_pdf(tmp_path)), keys=str(keys))


def write_plain_pdf(tmp_path):
    from capacity_lms.core.pdf import html_to_pdf

    path = tmp_path / "plain.pdf"
    path.write_bytes(html_to_pdf("<p>minutes</p>"))
    return path
