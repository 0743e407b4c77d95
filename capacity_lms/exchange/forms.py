"""The forms of the exchange spaces: plain HTML forms that work without JavaScript."""

import uuid

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from capacity_lms.core.uploads import accepted_extensions
from capacity_lms.exchange.attachments import max_files, max_upload_bytes
from capacity_lms.exchange.posting import MAX_BODY, MAX_TITLE

ACCEPTED = accepted_extensions()

BODY_HELP = _(
    "Plain text, or simple HTML: paragraphs, bold, italics, lists, links, quotes. Anything else "
    "is removed."
)


def _languages():
    return [(code, name) for code, name in settings.LANGUAGES]


class _PostFields(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MAX_BODY,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=_languages)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or "en").split("-")[0]


class _ManyFiles(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input; each is judged by the post's action (its kind by content,
    its size, how many), so that a refused one is named in the form's message."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", _ManyFiles(attrs={"accept": ",".join(ACCEPTED)}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [upload for upload in files if upload]


def _attachments_help():
    return gettext(
        "Optional: up to %(count)s files (PDF, images, office documents), %(size)s at most each."
    ) % {"count": max_files(), "size": filesizeformat(max_upload_bytes())}


class _Attachments(forms.Form):
    attachments = AttachmentsField(label=_("Attach files"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _attachments_help()


class _OneTime(forms.Form):
    # Sent back with the form: the same form sent twice makes one post.
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].initial = uuid.uuid4()


class ThreadForm(_OneTime, _Attachments, _PostFields):
    title = forms.CharField(
        label=_("Title"), max_length=MAX_TITLE, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    field_order = ["title", "body", "language", "attachments", "submission_key"]


class ReplyForm(_OneTime, _Attachments, _PostFields):
    quoted = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class EditForm(_PostFields):
    pass


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this post?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("The space's moderators read your report; the author is not told who."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the spaces"), max_length=200, required=False)
