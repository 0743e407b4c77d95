"""Moderators are told, by e-mail in their own language, of each report on a post and of each
post held for review in a space they moderate (issue #23, point 4), through the tasks API.

A space's moderators are those the rule in ``exchange/access.py`` names: programme staff (who
hold *moderate every exchange space* through their group or themselves), editors for the
modules' spaces and the case studies' discussions, a workshop's trainers for its cohort space,
a module's trainers for its. Superusers are not written to unless a group names them; nor is a
person removed from the space, without an e-mail address, or who chose *no e-mail* for the
exchange spaces. The reporter and the author are never told who else was told.
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.exchange import access
from capacity_lms.exchange.models import Post, Space
from capacity_lms.exchange.naming import name_space
from capacity_lms.exchange.people_models import NotificationPreference, PostReport, SpaceRemoval
from capacity_lms.exchange.signals import post_held, post_reported

TEMPLATE = "capacity_lms/exchange/email/moderator_alert.txt"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _holding(permission):
    """Those who hold ``permission`` through a group or themselves (superusers left out), as
    Django's model backend grants it (named, so a host with more backends works too)."""
    holders = get_user_model().objects.with_perm(
        permission, include_superusers=False, backend=MODEL_BACKEND
    )
    return Q(pk__in=holders.values("pk"))


def moderators(space):
    """The people to tell of what waits in ``space`` (a saved space)."""
    condition = _holding(access.MODERATE_EVERYWHERE)
    if space.kind in (Space.Kind.MODULE, Space.Kind.CASE_STUDY):
        condition |= _holding(access.MODERATE_MODULES)
    if space.kind == Space.Kind.WORKSHOP:
        condition |= Q(trained_workshops=space.workshop_id)
    if space.kind == Space.Kind.MODULE:
        condition |= Q(trained_courses__translation_key=space.course_key)
    silent = NotificationPreference.objects.filter(mode=NotificationPreference.Mode.NONE)
    return (
        get_user_model()
        .objects.filter(condition, is_active=True)
        .exclude(email="")
        .exclude(pk__in=SpaceRemoval.objects.filter(space=space).values("user"))
        .exclude(pk__in=silent.values("user"))
        .distinct()
    )


@receiver(post_reported, dispatch_uid="capacity_lms_exchange_report_alert")
def _reported(sender, report, **kwargs):
    alert_moderators.enqueue("report", report.pk)


@receiver(post_held, dispatch_uid="capacity_lms_exchange_held_alert")
def _held(sender, post, **kwargs):
    alert_moderators.enqueue("held", post.pk)


@task()
def alert_moderators(what, pk):
    """One e-mail to each moderator of the space of a report (``what="report"``) or a held
    post (``"held"``); nothing when the report was dealt with or the post let through since."""
    if what == "report":
        report = PostReport.objects.select_related("post__thread__space").filter(pk=pk).first()
        if report is None or report.status != PostReport.Status.OPEN:
            return 0
        post, reason = report.post, report.reason
    else:
        post = Post.objects.select_related("thread__space").filter(pk=pk).first()
        if post is None or post.status != Post.Status.HELD:
            return 0
        reason = ""
    space = post.thread.space
    url = absolute_url(
        reverse("capacity_lms:exchange_moderation", args=[space.kind, space.target_key()])
    )
    messages = []
    for person in moderators(space).exclude(pk=post.author_id):
        with translation.override(language_of(person)):
            if what == "report":
                subject = _("A post was reported: %(title)s") % {"title": post.thread.title}
            else:
                subject = _("A post waits for a moderator: %(title)s") % {
                    "title": post.thread.title
                }
            body = render_to_string(
                TEMPLATE,
                {
                    "person": person,
                    "what": what,
                    "post": post,
                    "reason": reason,
                    "space_name": name_space(space),
                    "moderation_url": url,
                },
            )
        messages.append(EmailMessage(subject=subject, body=body, to=[person.email]))
    transaction.on_commit(lambda: [message.send() for message in messages])
    return len(messages)
