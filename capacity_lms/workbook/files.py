"""Files attached to a workbook step (a free text or a file deliverable): at most
``CAPACITY_LMS_WORKBOOK_MAX_FILES`` per step, each at most ``WORKBOOK_MAX_UPLOAD_BYTES``,
checked by content like every upload (:mod:`capacity_lms.core.stored_files`), kept in private
storage, downloaded through ``workbook_file`` by whoever may read the deliverable."""

import mimetypes

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from capacity_lms.conf import get_setting
from capacity_lms.core import stored_files
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.storage import private_download
from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.workbook import access
from capacity_lms.workbook.models import DeliverableFile

FILE_KINDS = (DeliverableKind.TEXT, DeliverableKind.FILE)


def limits():
    return get_setting("WORKBOOK_MAX_FILES"), get_setting("WORKBOOK_MAX_UPLOAD_BYTES")


def checked_files(kind, deliverable, uploads, removed):
    """``uploads`` checked for a step of ``kind`` whose ``deliverable`` (or None) keeps its
    files but ``removed`` (ids); :class:`ActionRefused` says why not."""
    uploads = [upload for upload in uploads if upload is not None]
    if (uploads or removed) and kind not in FILE_KINDS:
        raise ActionRefused(_("This step takes no files."), code="no_files")
    most, max_bytes = limits()
    kept = 0
    if deliverable is not None:
        kept = deliverable.files.exclude(pk__in=list(removed)).count()
    message = _("A step may hold at most %(count)s files.") % {"count": most}
    return stored_files.check_files(
        uploads, limit=max(most - kept, 0), max_bytes=max_bytes, too_many=message
    )


def storing(checked, user):
    def row(deliverable, upload):
        return DeliverableFile(
            deliverable=deliverable,
            original_name=upload.name[:255],
            size=upload.file.size,
            kind=upload.kind.name,
            content_type=mimetypes.guess_type(upload.name)[0] or "application/octet-stream",
            uploaded_by=user,
        )

    return stored_files.Storing(checked, row)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented way): a list, each read as a file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class FilesForm(forms.Form):
    files = MultipleFileField(label=gettext_lazy("Add files"), required=False)
    remove = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Remove files"),
        queryset=DeliverableFile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, deliverable=None, **kwargs):
        super().__init__(*args, **kwargs)
        most, max_bytes = limits()
        self.fields["files"].help_text = _(
            "PDF, an image or an office document; at most %(count)s files of %(size)s MB each."
        ) % {"count": most, "size": max_bytes // (1024 * 1024)}
        if deliverable is None:
            del self.fields["remove"]
        else:
            self.fields["remove"].queryset = deliverable.files.all()


@login_required
@require_safe
def file_download(request, pk, name):
    item = (
        DeliverableFile.objects.filter(
            pk=pk, deliverable__in=access.readable_deliverables(request.user)
        )
        .only("file", "original_name")
        .first()
    )
    if item is None or item.original_name != name:
        raise Http404
    return private_download(item.file, item.original_name)


stored_files.delete_files_with_rows(DeliverableFile)
