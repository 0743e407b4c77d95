"""The minutes of the committee session: a real WeasyPrint PDF read back with pdftotext, Arabic
and French in logical order (issue #22, "Done when")."""

import datetime
import shutil
import subprocess

import pytest
from wagtail.models import Locale

from capacity_lms.calls.committee import Decide
from capacity_lms.calls.minutes import minutes_html, minutes_pdf
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision
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
