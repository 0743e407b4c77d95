"""Follow-ups (#25 point 4): months after a certificate its holder is e-mailed once, in their
language, and answers the follow-up questionnaire once (issue #25 "Done when": the task run
twice sends nothing the second time, with a fixed clock)."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from capacity_lms.certificates.issuing import IssueCertificateAction, ReissueCertificateAction
from capacity_lms.certificates.models import Certificate, CertificateRule, Layout
from capacity_lms.core.actions import ActionRefused
from capacity_lms.evaluation.follow_up_notices import send_follow_ups
from capacity_lms.evaluation.follow_ups import AnswerFollowUpAction
from capacity_lms.evaluation.models import FollowUp, Questionnaire
from capacity_lms.evaluation.questionnaire_forms import sections
from capacity_lms.people.models import LearnerProfile
from capacity_lms.people.roles import PROGRAMME_STAFF
from courses.actions import EnrolAction
from sandbox.testing.factories import CoursePageFactory, UserFactory
from sandbox.testing.questionnaire_factories import (
    choice,
    free_text,
    make_questionnaire,
    scale,
    section,
)
from tests.integration.conftest import in_group
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    site_root,
    taxonomy,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ISSUED = datetime.date(2026, 1, 31)
# Six months after 31 January: 31 July.
DUE = datetime.date(2026, 7, 31)


def fixed_clock(monkeypatch, day):
    at = datetime.datetime.combine(day, datetime.time(8, 0), tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: at)


@pytest.fixture
def questionnaire(db):
    return make_questionnaire(
        kind=Questionnaire.Kind.FOLLOW_UP,
        title="After the training",
        sections=[
            section(
                "What your association did",
                [
                    scale("We used what we learned in a project.", id="used"),
                    choice(
                        "Did your association apply to a call for projects?",
                        [("Yes", 100), ("Not yet", 0)],
                        id="applied",
                    ),
                    free_text("What changed?", id="changed"),
                ],
            )
        ],
    )


@pytest.fixture
def module(request):
    parent = request.getfixturevalue("catalogue")
    course = CoursePageFactory(parent=parent, title="Project cycle", follow_up_months=6)
    CertificateRule.objects.create(course=course, requires_completion=False, layout=Layout.ENGLISH)
    return course


@pytest.fixture
def holder(db):
    user = UserFactory(username="holder-leila", email="leila@example.org")
    LearnerProfile.objects.create(user=user, preferred_language="fr")
    return user


def issue(person, course, on=ISSUED):
    EnrolAction(course, user=person).execute()
    certificate, _created = IssueCertificateAction(person, subject=course).execute()
    Certificate.objects.filter(pk=certificate.pk).update(issued_on=on)
    certificate.refresh_from_db()
    return certificate


@pytest.fixture
def certificate(holder, module):
    return issue(holder, module)


def run(day):
    return send_follow_ups.call(today=day.isoformat())


def test_sent_once_when_due_and_never_again(questionnaire, certificate, holder):
    assert run(DUE - datetime.timedelta(days=1)) == 0
    assert not FollowUp.objects.exists()
    assert mail.outbox == []

    assert run(DUE) == 1
    follow_up = FollowUp.objects.get()
    assert (follow_up.certificate, follow_up.user, follow_up.due_on) == (certificate, holder, DUE)
    assert follow_up.questionnaire == questionnaire
    assert follow_up.sent_at is not None
    [message] = mail.outbox
    assert message.to == ["leila@example.org"]
    # In the holder's language (French): the French form, the questionnaire's French title.
    with translation.override("fr"):
        assert reverse("capacity_lms:follow_up", args=[follow_up.pk]) in message.body
    assert "After the training (fr)" in message.body

    assert run(DUE) == 0
    assert run(DUE + datetime.timedelta(days=40)) == 0
    assert len(mail.outbox) == 1
    assert FollowUp.objects.count() == 1


def test_the_command_with_a_fixed_clock(monkeypatch, questionnaire, certificate):
    out = StringIO()
    fixed_clock(monkeypatch, DUE - datetime.timedelta(days=1))
    call_command("send_follow_ups", stdout=out)
    assert mail.outbox == []
    fixed_clock(monkeypatch, DUE)
    call_command("send_follow_ups", stdout=out)
    assert len(mail.outbox) == 1
    call_command("send_follow_ups", stdout=out)
    assert len(mail.outbox) == 1
    assert "1 follow-up" in out.getvalue()
    assert "0 follow-ups" in out.getvalue()


def test_nothing_without_a_questionnaire_in_use(monkeypatch, questionnaire, certificate):
    Questionnaire.objects.filter(pk=questionnaire.pk).update(is_active=False)
    fixed_clock(monkeypatch, DUE)
    out, err = StringIO(), StringIO()
    call_command("send_follow_ups", stdout=out, stderr=err)
    assert "No follow-up questionnaire is in use" in err.getvalue()
    assert not FollowUp.objects.exists()
    assert mail.outbox == []


def test_modules_without_a_delay_ask_nothing(questionnaire, certificate, module):
    type(module).objects.filter(pk=module.pk).update(follow_up_months=0)
    assert run(DUE + datetime.timedelta(days=400)) == 0
    assert not FollowUp.objects.exists()


def test_revoked_certificates_are_not_followed_up(questionnaire, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REVOKED)
    assert run(DUE) == 0
    assert not FollowUp.objects.exists()


def test_a_reissued_certificate_is_not_asked_again(questionnaire, certificate):
    assert run(DUE) == 1
    staff = in_group(UserFactory(username="staff-nadia"), PROGRAMME_STAFF)
    ReissueCertificateAction(certificate, user=staff, reason="Name corrected").execute()
    assert Certificate.objects.live().get().issued_on == ISSUED
    assert run(DUE + datetime.timedelta(days=1)) == 0
    assert FollowUp.objects.count() == 1


def test_a_failed_e_mail_is_sent_by_the_next_run(monkeypatch, questionnaire, certificate):
    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", broken)
        with pytest.raises(ConnectionError):
            run(DUE)
    assert FollowUp.objects.get().sent_at is None
    assert run(DUE) == 1
    assert len(mail.outbox) == 1


def _answers(used="4", applied=None, changed="We wrote our first budget."):
    form = {"q_used": used, "q_changed": changed}
    if applied is not None:
        form["q_applied"] = applied
    return form


def _option(questionnaire, label):
    [found] = [
        option_id
        for question in sections(questionnaire)[0].questions
        for option_id, text, _score in question.options
        if text["en"] == label
    ]
    return found


@pytest.fixture
def sent(questionnaire, certificate):
    run(DUE)
    return FollowUp.objects.get()


def test_the_holder_answers_once(client, sent, holder, questionnaire):
    url = reverse("capacity_lms:follow_up", args=[sent.pk])
    client.force_login(holder)
    page = client.get(url)
    assert page.status_code == 200
    assert "We used what we learned in a project." in page.content.decode()

    # A required question unanswered: refused, nothing saved.
    refused = client.post(url, _answers())
    assert refused.status_code == 400
    sent.refresh_from_db()
    assert sent.answered_at is None

    yes = _option(questionnaire, "Yes")
    done = client.post(url, _answers(applied=yes))
    assert done.status_code == 302
    sent.refresh_from_db()
    assert sent.answers == {"used": 4, "applied": yes, "changed": "We wrote our first budget."}
    # (4 - 1) / 4 x 100 = 75 and 100: the mean of the scored answers.
    assert sent.score == Decimal("87.50")
    assert sent.answered_at is not None

    again = client.post(url, _answers(used="1", applied=_option(questionnaire, "Not yet")))
    assert again.status_code == 409
    assert "answered once" in again.content.decode()
    sent.refresh_from_db()
    assert sent.score == Decimal("87.50")
    assert "answered once" in client.get(url).content.decode()


def test_a_second_answer_is_refused_by_the_action(sent, holder, questionnaire):
    answers = {"used": 5, "applied": _option(questionnaire, "Yes")}
    AnswerFollowUpAction(sent, user=holder, answers=answers).execute()
    stale = FollowUp.objects.get(pk=sent.pk)
    stale.answered_at = None  # as another tab loaded it before the first answer
    with pytest.raises(ActionRefused) as refused:
        AnswerFollowUpAction(stale, user=holder, answers={"used": 1}).execute()
    assert refused.value.code == "answered"
    assert FollowUp.objects.get(pk=sent.pk).answers == answers


@pytest.mark.parametrize("who", ["someone", "staff"])
def test_only_the_holder_reaches_the_form(client, sent, who):
    other = UserFactory(username="other-karim")
    if who == "staff":
        other = in_group(other, PROGRAMME_STAFF)
    client.force_login(other)
    url = reverse("capacity_lms:follow_up", args=[sent.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"q_used": "5"}).status_code == 404
    assert FollowUp.objects.get().answered_at is None


def test_my_learning_links_the_waiting_follow_up(client, sent, holder):
    client.force_login(holder)
    page = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert reverse("capacity_lms:follow_up", args=[sent.pk]) in page
    AnswerFollowUpAction(sent, user=holder, answers={"used": 3}).execute()
    page = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert reverse("capacity_lms:follow_up", args=[sent.pk]) not in page


def test_the_form_in_arabic_marks_what_is_not_translated(client, sent, holder, questionnaire):
    body = list(questionnaire.body.raw_data)
    body[0]["value"]["questions"][0]["value"]["text"]["ar"] = ""
    questionnaire.body = body
    questionnaire.save()
    client.force_login(holder)
    with translation.override("ar"):
        html = client.get(reverse("capacity_lms:follow_up", args=[sent.pk])).content.decode()
    assert "What your association did (ar)" in html
    assert '<span lang="en" dir="ltr">We used what we learned in a project.</span>' in html
