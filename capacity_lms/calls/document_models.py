"""The files an association attaches to its application (statutes, accounts, letters of
support), each answering one of the call's required documents or none.

Files are kept in private storage (``capacity_lms.core.storage``): no URL serves them, only the
download view, which checks who asks (``calls/documents.py``). Every file went through the one
upload check (``capacity_lms.core.uploads.check_upload``) before it was written; the row keeps
its checked kind, its size and the name it was uploaded under.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.eligibility_models import DocumentRequest
from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import RequiredDocument
from capacity_lms.core import clock
from capacity_lms.core.storage import get_private_storage


class ApplicationDocument(models.Model):
    """One file attached to an application, optionally answering a required document of the
    call, or a request of programme staff for a missing document (``answers``)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="documents"
    )
    required_document = models.ForeignKey(
        RequiredDocument,
        verbose_name=_("required document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answers = models.ForeignKey(
        DocumentRequest,
        verbose_name=_("answers the request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        storage=get_private_storage,
        upload_to="capacity_lms/application_documents/",
        max_length=255,
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    kind = models.CharField(_("kind of file"), max_length=16)
    content_type = models.CharField(_("content type"), max_length=127)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "uploaded_at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.title}"
