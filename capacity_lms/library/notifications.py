"""The submitter of a case study hears what the editors decided, by e-mail.

Receivers of Wagtail's signals enqueue a task after the editors' transaction commits; the task
writes in the submitter's language. Published: the first time a submitted case study goes live
(through the moderation workflow or published directly by an editor), with its link; later
publications of corrections send nothing. Changes requested: when a workflow task is rejected,
with the reviewer's comment. ``workflow_approved`` needs no receiver of its own: Wagtail's
default finishing action publishes the page, which sends ``page_published``.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_rejected

from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.library.models import CaseStudyPage

PUBLISHED = "published"
CHANGES_REQUESTED = "changes_requested"


def send_outcome(page, outcome, comment=""):
    """E-mail ``page``'s submitter the ``outcome``; False when there is no one to tell."""
    user = page.submitted_by
    if user is None or not user.email:
        return False
    with translation.override(language_of(user)):
        subjects = {
            PUBLISHED: _("Your case study is published: %(title)s"),
            CHANGES_REQUESTED: _("Your case study needs changes: %(title)s"),
        }
        context = {
            "outcome": outcome,
            "person": user,
            "page": page,
            "page_url": page.full_url if outcome == PUBLISHED else "",
            "comment": comment,
            "my_submissions_url": absolute_url(reverse("capacity_lms:my_submissions")),
        }
        message = EmailMessage(
            subject=subjects[outcome] % {"title": page.title},
            body=render_to_string("capacity_lms/library/email/outcome.txt", context),
            to=[user.email],
        )
    message.send()
    return True


@task()
def notify_case_study_outcome(page_id, outcome, comment=""):
    page = CaseStudyPage.objects.select_related("submitted_by").filter(pk=page_id).first()
    if page is None:
        return False
    return send_outcome(page, outcome, comment)


def _enqueue(page_id, outcome, comment=""):
    transaction.on_commit(lambda: notify_case_study_outcome.enqueue(page_id, outcome, comment))


@receiver(page_published, sender=CaseStudyPage)
def case_study_published(sender, instance, revision=None, **kwargs):
    first_publication = instance.first_published_at == instance.last_published_at
    if instance.submitted_by_id and first_publication:
        _enqueue(instance.pk, PUBLISHED)


@receiver(workflow_rejected, sender=WorkflowState)
def case_study_rejected(sender, instance, user=None, **kwargs):
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, CaseStudyPage):
        return
    if not CaseStudyPage.objects.filter(pk=instance.object_id, submitted_by__isnull=False):
        return
    task_state = instance.current_task_state
    _enqueue(int(instance.object_id), CHANGES_REQUESTED, task_state.comment if task_state else "")
