"""Relayed contact between associations: nobody's address is ever shown to the other side.

A member of a verified association writes to another verified association, about one of its
offers or needs or in general. The message is kept on the platform; the recipient association's
admins are told by an e-mail from the platform's own address (no Reply-To, no one's address in
any header or in the text) and read and answer it on the site. An answer is a message too, sent
back to the first association's admins and to the person who wrote. Messages are rate limited
per sender (``RATE_LIMITS["relayed_message"]``, in the view); a message staff withheld after a
report of abuse is no longer shown to its recipients.
"""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.models import OfferOrNeed, RelayedMessage
from capacity_lms.network.partner_notifications import notify_later
from capacity_lms.network.reach import active_associations, belongs_to, led_associations

RATE_SCOPE = "relayed_message"


def visible_messages(user):
    """The messages ``user`` may read: those they sent, those received by an association they
    are an admin of, and the answers to their own messages (withheld ones only to senders)."""
    if not user.is_authenticated:
        return RelayedMessage.objects.none()
    received = Q(recipient_association__in=led_associations(user)) | Q(in_reply_to__sender=user)
    return RelayedMessage.objects.filter(Q(sender=user) | (received & Q(withheld=False)))


def received_by(user, message):
    """Whether ``user`` is on the receiving side of ``message`` (may answer or report it)."""
    if message.withheld or message.sender_id == user.pk:
        return False
    if message.in_reply_to_id and message.in_reply_to.sender_id == user.pk:
        return True
    return led_associations(user).filter(pk=message.recipient_association_id).exists()


def sender_label(message):
    """How the recipient reads who wrote: the person's full name if the account has one, else
    "a member"; never a username (it may be an e-mail address) nor an address."""
    sender = message.sender
    name = sender.get_full_name().strip() if sender is not None else ""
    return name or _("a member")


class MessageForm(forms.Form):
    """A new message, or an answer (then ``from_association`` is not asked)."""

    from_association = forms.ModelChoiceField(
        label=gettext_lazy("Write on behalf of"), queryset=None, empty_label=None
    )
    subject = forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=gettext_lazy(
            "The platform relays it: the other association does not see your e-mail address, "
            "and you will not see theirs. Its admins answer here."
        ),
    )

    def __init__(self, *args, senders=None, **kwargs):
        super().__init__(*args, **kwargs)
        if senders is None:
            del self.fields["from_association"]
        else:
            self.fields["from_association"].queryset = senders


class SendRelayedMessageAction(BaseAction):
    """A member writes to ``recipient`` on behalf of ``sender_association`` (a new message), or
    answers ``in_reply_to`` (the associations are then the message's, swapped)."""

    def __init__(
        self,
        recipient,
        user=None,
        *,
        sender_association=None,
        subject,
        body,
        about=None,
        in_reply_to=None,
    ):
        super().__init__(recipient, user=user)
        self.recipient = recipient
        self.sender_association = sender_association
        self.subject = (subject or "").strip()
        self.body = (body or "").strip()
        self.about = about
        self.in_reply_to = in_reply_to
        if in_reply_to is not None:
            self.recipient = in_reply_to.sender_association
            self.sender_association = in_reply_to.recipient_association

    def check(self):
        user = self.user
        if user is None or not user.is_authenticated:
            raise ActionRefused(_("Sign in to write to an association."), code="anonymous")
        if self.in_reply_to is not None and not received_by(user, self.in_reply_to):
            raise ActionRefused(_("Only its recipients answer a message."), code="not_recipient")
        if not belongs_to(user, self.sender_association):
            raise ActionRefused(
                _("Only members of a verified association write through the platform."),
                code="not_member",
            )
        recipient = self.recipient
        if recipient is None or not active_associations().filter(pk=recipient.pk).exists():
            raise ActionRefused(_("This association cannot be reached here."), code="recipient")
        if recipient.pk == self.sender_association.pk:
            raise ActionRefused(_("Write to another association than your own."), code="self")
        if self.about is not None and (
            self.about.association_id != recipient.pk
            or not OfferOrNeed.objects.open(clock.today()).filter(pk=self.about.pk).exists()
        ):
            raise ActionRefused(_("This offer or need is no longer open."), code="about")
        if not self.subject or not self.body:
            raise ActionRefused(_("Write a subject and a message."), code="empty")

    def execute(self):
        with transaction.atomic():
            self.check()
            message = RelayedMessage.objects.create(
                sender=self.user,
                sender_association=self.sender_association,
                recipient_association=self.recipient,
                about=self.about,
                in_reply_to=self.in_reply_to,
                subject=self.subject,
                body=self.body,
            )
            if self.in_reply_to is not None and self.in_reply_to.read_at is None:
                RelayedMessage.objects.filter(pk=self.in_reply_to.pk).update(read_at=clock.now())
        notify_later(self.recipient.pk, "message_received", message.pk)
        return message


class MarkMessageReadAction(BaseAction):
    """Someone on the receiving side marks a message read (once; again changes nothing)."""

    def __init__(self, message, user=None):
        super().__init__(message, user=user)
        self.message = message

    def check(self):
        if self.user is None or not received_by(self.user, self.message):
            raise ActionRefused(_("Only its recipients mark a message read."))

    def execute(self):
        with transaction.atomic():
            self.check()
            RelayedMessage.objects.filter(pk=self.message.pk, read_at__isnull=True).update(
                read_at=clock.now()
            )
        self.message.refresh_from_db(fields=["read_at"])
        return self.message
