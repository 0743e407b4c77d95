"""The follow-up e-mail: sent once to a certificate's holder, in their language, with the link
to the form (``manage.py send_follow_ups`` runs :func:`send_follow_ups`, from cron once a day).

A follow-up is claimed before its e-mail is sent, by a conditional update of its ``sent_at``:
a second run, or two at once, finds it claimed and sends nothing. A failed send releases the
claim, so that the next run tries again.
"""

import datetime

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.certificates.models import Certificate
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.evaluation.follow_ups import create_due_follow_ups
from capacity_lms.evaluation.models import FollowUp

EMAIL_TEMPLATE = "capacity_lms/evaluation/follow_ups/email/follow_up.txt"


def follow_up_email(follow_up):
    """The e-mail asking ``follow_up``'s holder to answer, in their language."""
    person = follow_up.user
    with translation.override(language_of(person)):
        title = follow_up.certificate.title(translation.get_language())
        return EmailMessage(
            subject=_("What did your association do after “%(title)s”?") % {"title": title},
            body=render_to_string(
                EMAIL_TEMPLATE,
                {
                    "person": person,
                    "follow_up": follow_up,
                    "title": title,
                    "questionnaire_title": follow_up.questionnaire.title,
                    "url": absolute_url(reverse("capacity_lms:follow_up", args=[follow_up.pk])),
                },
            ),
            to=[person.email],
        )


class SendFollowUpAction(BaseAction):
    """E-mail ``follow_up``'s holder, once; returns whether this call sent it."""

    def __init__(self, follow_up, user=None, *, now=None):
        super().__init__(follow_up, user=user)
        self.follow_up = follow_up
        self.now = now

    def check(self):
        person = self.follow_up.user
        if not person.is_active or not person.email:
            raise ActionRefused(_("This person cannot be e-mailed."), code="no_email")
        if self.follow_up.answered_at is not None:
            raise ActionRefused(_("This follow-up is answered."), code="answered")

    def execute(self):
        self.check()
        claimed_at = self.now or clock.now()
        if not FollowUp.objects.filter(pk=self.follow_up.pk, sent_at__isnull=True).update(
            sent_at=claimed_at
        ):
            return False
        try:
            follow_up_email(self.follow_up).send()
        except Exception:
            FollowUp.objects.filter(pk=self.follow_up.pk, sent_at=claimed_at).update(sent_at=None)
            raise
        self.follow_up.sent_at = claimed_at
        return True


def unsent():
    """The follow-ups not e-mailed yet whose certificate is still valid."""
    return (
        FollowUp.objects.filter(
            sent_at__isnull=True,
            answered_at__isnull=True,
            certificate__status=Certificate.Status.VALID,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user__capacity_profile", "certificate", "questionnaire")
        .order_by("due_on", "pk")
    )


@task()
def send_follow_ups(today=None):
    """Create the follow-ups due by ``today`` (ISO date; default: today) and e-mail each
    holder not e-mailed yet; returns how many e-mails were sent. Nothing is sent while no
    follow-up questionnaire is in use."""
    today = datetime.date.fromisoformat(today) if today else clock.today()
    create_due_follow_ups(today)
    sent = 0
    for follow_up in unsent().filter(due_on__lte=today):
        try:
            sent += SendFollowUpAction(follow_up).execute()
        except ActionRefused:
            continue
    return sent
