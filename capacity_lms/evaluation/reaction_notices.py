"""The e-mail that asks for a reaction, once, in the person's language, with the form's link.

``send_reaction_requests`` (a task; ``manage.py send_reaction_requests`` runs it from cron)
e-mails every open, unanswered request not e-mailed yet. Each is claimed first by a
conditional update of ``emailed_at`` (:class:`ClaimReactionEmail`): of two runs at once, one
sends it; a later run finds it claimed and sends nothing. A failed send releases the claim.
"""

import datetime

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.core import clock
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.evaluation.models import ReactionRequest
from capacity_lms.evaluation.reactions import ClaimReactionEmail, ReleaseReactionEmail


def due_requests(now):
    """Requests open at ``now``, not answered, not e-mailed, whose person has an address."""
    return (
        ReactionRequest.objects.filter(
            emailed_at__isnull=True,
            opens_at__lte=now,
            closes_at__gt=now,
            reaction__isnull=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user", "user__capacity_profile", "session__workshop", "course")
        .order_by("opens_at", "pk")
    )


def subject_title(request):
    if request.subject == ReactionRequest.Subject.MEETING:
        return request.session.workshop.title
    return request.course.title


def reaction_email(request):
    """The message asking ``request``'s person for their reaction, in their language."""
    person = request.user
    with translation.override(language_of(person)):
        title = subject_title(request)
        if request.subject == ReactionRequest.Subject.MEETING:
            subject = _("How was the meeting? %(title)s") % {"title": title}
        else:
            subject = _("How was the module? %(title)s") % {"title": title}
        body = render_to_string(
            "capacity_lms/evaluation/reactions/email/request.txt",
            {
                "person": person,
                "request": request,
                "title": title,
                "url": absolute_url(reverse("capacity_lms:reaction", args=[request.pk])),
                "closes_on": timezone.localtime(request.closes_at).date(),
            },
        )
    return EmailMessage(subject=subject, body=body, to=[person.email])


@task()
def send_reaction_requests(now=None):
    """E-mail each due request once; how many e-mails went. ``now``: ISO 8601 (tests)."""
    now = datetime.datetime.fromisoformat(now) if now else clock.now()
    sent = 0
    for request in due_requests(now):
        if not ClaimReactionEmail(request, now=now).execute():
            continue  # another run has it
        try:
            reaction_email(request).send()
        except Exception:
            ReleaseReactionEmail(request, claimed_at=now).execute()
            raise
        sent += 1
    return sent
