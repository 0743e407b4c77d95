"""Relayed contact: write to an association, read and answer messages, report one.

Every page is for signed-in people; a message a URL names is looked up among those the person
may read (``visible_messages``), else 404. Sending a message or an answer counts against
``RATE_LIMITS["relayed_message"]`` for the sender (20 an hour by default): past it, 429 and
nothing is sent. Nothing on these pages shows an e-mail address, a username or a phone number:
people are named by their association (and their full name when their account has one).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core import clock, ratelimit
from capacity_lms.core.actions import ActionRefused, perform
from capacity_lms.network.abuse import AbuseReportForm, ReportAbuseAction
from capacity_lms.network.messaging import (
    RATE_SCOPE,
    MarkMessageReadAction,
    MessageForm,
    SendRelayedMessageAction,
    received_by,
    sender_label,
    visible_messages,
)
from capacity_lms.network.models import OfferOrNeed
from capacity_lms.network.partnership_views import refused
from capacity_lms.network.reach import active_associations, member_associations

THREAD_LENGTH = 50


def _send(request, form, **details):
    """Count the message against the sender's limit, then send it; a response when refused
    (429) or sent (redirect), else None (the form has the errors)."""
    wait = ratelimit.hit(request, RATE_SCOPE)
    if wait:
        return ratelimit.too_many_requests(request, wait)
    try:
        message = SendRelayedMessageAction(
            details.pop("recipient", None),
            user=request.user,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            **details,
        ).execute()
    except ActionRefused as refusal:
        for text in refusal.messages:
            form.add_error(None, text)
        return None
    messages.success(
        request,
        _("Your message was sent to %(association)s through the platform.")
        % {"association": message.recipient_association.name},
    )
    return redirect("capacity_lms:network_message", pk=message.pk)


@login_required
@require_http_methods(["GET", "POST"])
def contact(request, association_pk):
    """Write to an association (about one of its open offers or needs with ``?about=``)."""
    recipient = get_object_or_404(active_associations(), pk=association_pk)
    about = None
    about_id = request.GET.get("about") or request.POST.get("about")
    if about_id:
        about = get_object_or_404(
            OfferOrNeed.objects.open(clock.today()).filter(association=recipient),
            pk=about_id if str(about_id).isdigit() else 0,
        )
    senders = member_associations(request.user).exclude(pk=recipient.pk).order_by("name")
    if not senders.exists():
        return refused(
            request,
            [_("Only members of another verified association write to this association.")],
        )
    initial = {"subject": about.title} if about else {}
    form = MessageForm(request.POST or None, senders=senders, initial=initial)
    if request.method == "POST" and form.is_valid():
        response = _send(
            request,
            form,
            recipient=recipient,
            sender_association=form.cleaned_data["from_association"],
            about=about,
        )
        if response is not None:
            return response
    return TemplateResponse(
        request,
        "capacity_lms/network/contact.html",
        {"form": form, "recipient": recipient, "about": about},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def inbox(request):
    """The messages the person received (for their associations) and sent."""
    visible = visible_messages(request.user).select_related(
        "sender_association", "recipient_association", "about"
    )
    received = list(visible.exclude(sender=request.user)[:100])
    sent = list(visible.filter(sender=request.user)[:100])
    return TemplateResponse(
        request, "capacity_lms/network/inbox.html", {"received": received, "sent": sent}
    )


@login_required
@require_http_methods(["GET", "POST"])
def message_detail(request, pk):
    """A message with its conversation; its recipients answer it here (POST)."""
    message = get_object_or_404(
        visible_messages(request.user).select_related(
            "sender", "sender_association", "recipient_association", "about", "in_reply_to"
        ),
        pk=pk,
    )
    may_answer = received_by(request.user, message)
    form = MessageForm(
        request.POST or None,
        initial={"subject": _("Re: %(subject)s") % {"subject": message.subject}},
    )
    if request.method == "POST":
        if not may_answer:
            return refused(request, [_("Only its recipients answer a message.")])
        if form.is_valid():
            response = _send(request, form, in_reply_to=message)
            if response is not None:
                return response
    pair = (message.sender_association_id, message.recipient_association_id)
    thread = list(
        visible_messages(request.user)
        .filter(
            Q(sender_association_id=pair[0], recipient_association_id=pair[1])
            | Q(sender_association_id=pair[1], recipient_association_id=pair[0])
        )
        .select_related("sender", "sender_association")
        .order_by("-created_at", "-pk")[:THREAD_LENGTH]
    )
    for each in thread:
        each.sender_label = sender_label(each)
    return TemplateResponse(
        request,
        "capacity_lms/network/message.html",
        {
            "message": message,
            "sender_label": sender_label(message),
            "thread": thread,
            "may_answer": may_answer,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def mark_read(request, pk):
    message = get_object_or_404(visible_messages(request.user), pk=pk)
    if not received_by(request.user, message):
        raise Http404
    perform(request, MarkMessageReadAction(message, user=request.user))
    return redirect("capacity_lms:network_message", pk=message.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_message(request, pk):
    """Report a message one received to programme staff."""
    message = get_object_or_404(visible_messages(request.user), pk=pk)
    if not received_by(request.user, message):
        return refused(request, [_("Only its recipients report a message.")])
    form = AbuseReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ReportAbuseAction(
                message, user=request.user, reason=form.cleaned_data["reason"]
            ).execute()
        except ActionRefused as refusal:
            for text in refusal.messages:
                form.add_error(None, text)
        else:
            messages.success(request, _("Thank you: programme staff will review your report."))
            return redirect("capacity_lms:network_messages")
    return TemplateResponse(
        request,
        "capacity_lms/network/report_abuse.html",
        {"form": form, "subject": message, "back": None},
        status=400 if request.method == "POST" else 200,
    )
