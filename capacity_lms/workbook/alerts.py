"""Who hears of what in the workbook, by e-mail in their own language, through the tasks API.

- A submission: each trainer of the module (any language version) who chose one e-mail per
  submission (the default) gets one; those who chose a daily digest get the day's submissions
  in one e-mail (``manage.py send_workbook_digests`` from cron; a trainer's digest is claimed
  before it is sent, so a second run sends nothing).
- A review: each member who wrote a version of the work and is still a member of the
  association gets one e-mail with the decision and the comments.
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.workbook.models import Deliverable, DeliverableReview, ReviewAlertChoice
from capacity_lms.workbook.signals import deliverable_reviewed, deliverable_submitted

EMAILS = "capacity_lms/workbook/email/"


def alert_choice(user):
    choice = ReviewAlertChoice.objects.filter(user=user).values_list("frequency", flat=True)
    return choice.first() or ReviewAlertChoice.Frequency.EACH


def trainers(course_key):
    return (
        get_user_model()
        .objects.filter(trained_courses__translation_key=course_key, is_active=True)
        .exclude(email="")
        .distinct()
    )


@receiver(deliverable_submitted, dispatch_uid="capacity_lms_workbook_submitted")
def _submitted(sender, deliverable, version, **kwargs):
    alert_trainers.enqueue(deliverable.pk, version.pk)


@receiver(deliverable_reviewed, dispatch_uid="capacity_lms_workbook_reviewed")
def _reviewed(sender, review, **kwargs):
    tell_members.enqueue(review.pk)


def _review_url(deliverable):
    return absolute_url(reverse("capacity_lms:workbook_review", args=[deliverable.pk]))


@task()
def alert_trainers(deliverable_pk, version_pk):
    """One e-mail to each trainer who wants one per submission; nothing once reviewed."""
    deliverable = (
        Deliverable.objects.select_related("workbook__association")
        .filter(pk=deliverable_pk, status=Deliverable.Status.SUBMITTED)
        .first()
    )
    if deliverable is None or not deliverable.versions.filter(pk=version_pk).exists():
        return 0
    daily = ReviewAlertChoice.objects.filter(frequency=ReviewAlertChoice.Frequency.DAILY)
    messages = []
    for trainer in trainers(deliverable.workbook.course_key).exclude(pk__in=daily.values("user")):
        with translation.override(language_of(trainer)):
            subject = _("Work to review from %(association)s") % {
                "association": deliverable.workbook.association.name
            }
            body = render_to_string(
                EMAILS + "submitted.txt",
                {"person": trainer, "items": [(deliverable, _review_url(deliverable))]},
            )
        messages.append(EmailMessage(subject=subject, body=body, to=[trainer.email]))
    transaction.on_commit(lambda: [message.send() for message in messages])
    return len(messages)


def send_digests(now=None):
    """Each daily-digest trainer's submissions since their last digest: one e-mail each."""
    now = now or clock.now()
    sent = 0
    choices = ReviewAlertChoice.objects.filter(
        frequency=ReviewAlertChoice.Frequency.DAILY, user__is_active=True
    ).select_related("user")
    for choice in choices.iterator():
        since = choice.digest_sent_until
        claimed = ReviewAlertChoice.objects.filter(pk=choice.pk, digest_sent_until=since).update(
            digest_sent_until=now
        )
        if not claimed or not choice.user.email:
            continue  # another run has it
        waiting = Deliverable.objects.filter(
            status=Deliverable.Status.SUBMITTED,
            workbook__course_key__in=choice.user.trained_courses.values("translation_key"),
            submitted_at__lte=now,
        ).select_related("workbook__association")
        if since is not None:
            waiting = waiting.filter(submitted_at__gt=since)
        waiting = list(waiting.order_by("submitted_at")[:200])
        if not waiting:
            continue
        with translation.override(language_of(choice.user)):
            subject = _("Workbooks: %(count)s new submissions to review") % {"count": len(waiting)}
            body = render_to_string(
                EMAILS + "submitted.txt",
                {
                    "person": choice.user,
                    "items": [(item, _review_url(item)) for item in waiting],
                },
            )
        message = EmailMessage(subject=subject, body=body, to=[choice.user.email])
        transaction.on_commit(message.send)
        sent += 1
    return sent


@task()
def send_workbook_digests():
    return send_digests()


@task()
def tell_members(review_pk):
    """One e-mail to each member who wrote a version and is still a member."""
    review = (
        DeliverableReview.objects.select_related("deliverable__workbook__association")
        .filter(pk=review_pk)
        .first()
    )
    if review is None:
        return 0
    deliverable = review.deliverable
    association = deliverable.workbook.association
    members = (
        get_user_model()
        .objects.filter(
            pk__in=deliverable.versions.values("author"),
            capacity_memberships__association=association,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
    )
    from wagtail.models import Locale

    from capacity_lms.workbook.display import section_label
    from capacity_lms.workbook.steps import step_in_language

    locales = dict(Locale.objects.values_list("language_code", "pk"))
    steps = {}  # the step in each language written to, looked up once
    messages = []
    for member in members:
        language = language_of(member)
        with translation.override(language):
            if language not in steps:
                steps[language] = step_in_language(
                    deliverable.lesson_key, deliverable.step_id, locales.get(language)
                )
            step = steps[language]
            if review.decision == DeliverableReview.Decision.ACCEPTED:
                subject = _("Your work is accepted: %(title)s")
            else:
                subject = _("Changes asked for: %(title)s")
            subject = subject % {"title": step.value["title"] if step else ""}
            body = render_to_string(
                EMAILS + "reviewed.txt",
                {
                    "person": member,
                    "review": review,
                    "comments": [
                        (section_label(name), text) for name, text in review.comments.items()
                    ],
                    "association": association,
                    "step": step,
                    "url": absolute_url(
                        reverse(
                            "capacity_lms:workbook_step",
                            args=[association.pk, step.lesson.pk, step.step_id],
                        )
                    )
                    if step
                    else "",
                },
            )
        messages.append(EmailMessage(subject=subject, body=body, to=[member.email]))
    transaction.on_commit(lambda: [message.send() for message in messages])
    return len(messages)


class SetReviewAlerts(BaseAction):
    """A trainer chooses how they hear of new submissions."""

    def __init__(self, person, user=None, *, frequency):
        super().__init__(person, user=user)
        self.person = person
        self.frequency = frequency

    def check(self):
        if self.frequency not in ReviewAlertChoice.Frequency.values:
            raise ActionRefused(_("Choose one of the ways offered."), code="frequency")

    def execute(self):
        self.check()
        try:
            with transaction.atomic():
                choice, created = ReviewAlertChoice.objects.get_or_create(
                    user=self.person,
                    defaults={"frequency": self.frequency, "digest_sent_until": clock.now()},
                )
        except IntegrityError:
            choice, created = ReviewAlertChoice.objects.get(user=self.person), False
        if not created and choice.frequency != self.frequency:
            ReviewAlertChoice.objects.filter(pk=choice.pk).update(
                frequency=self.frequency, digest_sent_until=clock.now()
            )
        return self.frequency
