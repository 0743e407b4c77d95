"""An application's documents: who reads them, and the two actions that change them.

Attaching (:class:`UploadDocument`) and removing (:class:`RemoveDocument`) are for the members
of the association that applied, while the application is a draft and the call is open (the
rule of every other part of the draft, ``applications.can_edit``), with one exception: while
programme staff's request for a missing document is open (not answered, its answer date not
passed), the association's members attach the document asked for whatever the application's
state but withdrawn, and the file answers the request. Every file goes through the one upload
check (``core/uploads.py``) before anything is written; each action writes one history row.

Who reads the documents (:func:`may_read_documents`), failing closed: a person who declared a
conflict of interest on the application, never, whoever else they are; the association's
members; programme staff, once it is submitted; a reviewer assigned to it who declared no
conflict, and the chair of the call's committee, while the committee reads it (the rule of
``review_scopes.visible_application_for_reviewer``). Everybody else gets the 404 of a file
that does not exist.
"""

import mimetypes
import os
import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.calls import history
from capacity_lms.calls.applications import can_edit
from capacity_lms.calls.capacity_record import capacity_record
from capacity_lms.calls.committee import is_chair
from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.eligibility import casablanca_today, is_programme_staff
from capacity_lms.calls.eligibility_models import DocumentRequest
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.review_models import ReviewAssignment
from capacity_lms.calls.review_scopes import REVIEWED
from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.uploads import KINDS, UploadRefused, check_upload
from capacity_lms.people.models import Membership

# Enough for every document a call asks for and a few more; bounds what one draft may store.
MAX_DOCUMENTS = 30


def max_document_bytes():
    return get_setting("SUBMISSION_MAX_UPLOAD_BYTES")


def _signed_in(user):
    return user is not None and user.is_authenticated and user.is_active


def is_member(user, application):
    return (
        _signed_in(user)
        and Membership.objects.filter(
            user=user, association_id=application.association_id
        ).exists()
    )


def may_read_documents(user, application):
    """Whether ``user`` may read the documents of ``application`` (see the module's rules)."""
    if not _signed_in(user):
        return False
    own = ReviewAssignment.objects.filter(application=application, reviewer=user).first()
    if own is not None and own.conflict is True:
        return False
    if is_member(user, application):
        return True
    if application.status == Application.Status.DRAFT:
        return False
    if is_staff(user):
        return True
    if application.status not in REVIEWED:
        return False
    if own is not None:
        # Assigned: open once declared free of conflict, as the application itself.
        return own.is_open
    return is_chair(user, application.call)


def is_staff(user):
    return is_programme_staff(user)


def documents_of(application):
    """The application's documents, oldest first, with the required document each answers."""
    return application.documents.select_related("required_document").order_by("uploaded_at", "pk")


def documents_for_readers(application):
    """What the pages of the application's readers (its reviewers, the chair, staff) show:
    its documents, the call's required documents missing, the association's capacity
    record. The caller checked that the person may read them."""
    documents = list(documents_of(application))
    return {
        "documents": documents,
        "missing_documents": missing_required(application, documents),
        "record": capacity_record(application),
    }


def missing_required(application, documents):
    """The call's required documents that none of ``documents`` answers."""
    provided = {document.required_document_id for document in documents}
    return [
        required
        for required in application.call.canonical().required_documents.all()
        if required.pk not in provided
    ]


def open_requests(application, now=None):
    """Staff's requests for a missing document still waiting for an answer, before their
    answer date (in Casablanca), oldest first."""
    return list(
        DocumentRequest.objects.filter(
            application=application,
            answered_at__isnull=True,
            due_on__gte=casablanca_today(now),
        )
        .select_related("document")
        .order_by("requested_at", "pk")
    )


def request_answered_by(requests, required_document):
    """Which of the open ``requests`` a file for ``required_document`` (or None) answers: the
    one asking for that document, else one naming no document, else (a file naming no
    document) the oldest; None when it answers none."""
    wanted = required_document.pk if required_document is not None else None
    for request in requests:
        if wanted is not None and request.document_id == wanted:
            return request
    for request in requests:
        if request.document_id is None:
            return request
    if wanted is None and requests:
        return requests[0]
    return None


def may_upload(user, application, now=None):
    """Whether ``user`` may attach a document now: the draft's editors, or the association's
    members while a request of staff is open (the form is offered only then)."""
    if can_edit(user, application, now):
        return True
    return (
        application.status != Application.Status.WITHDRAWN
        and is_member(user, application)
        and bool(open_requests(application, now))
    )


def _content_type(kind):
    return mimetypes.guess_type(f"file{kind.extensions[0]}")[0] or "application/octet-stream"


class UploadDocument(BaseAction):
    """A member attaches ``upload`` (a Django uploaded file) to the application, titled
    ``title`` (the required document's name, or the file's, when empty), as the call's
    ``required_document`` if one is named. The file is checked first: a refused file writes
    nothing. One history row: the document attached, or the request it answered."""

    def __init__(
        self, application, user=None, *, upload, title="", required_document=None, now=None
    ):
        super().__init__(application, user=user)
        self.application = application
        self.upload = upload
        self.title = (title or "").strip()[:255]
        self.required_document = required_document
        self.now = now

    def check(self, application=None):
        application = application or self.application
        if not _signed_in(self.user):
            raise ActionRefused(_("Sign in to continue."), code="anonymous")
        if not is_member(self.user, application):
            raise ActionRefused(
                _("Only members of the association may attach documents to its application."),
                code="not_member",
            )
        required = self.required_document
        if required is not None and required.call_id != application.call.canonical().pk:
            raise ActionRefused(_("This document is not one of the call's."), code="document")
        self.answering = None
        if not can_edit(self.user, application, self.now):
            requests = (
                open_requests(application, self.now)
                if application.status != Application.Status.WITHDRAWN
                else []
            )
            self.answering = request_answered_by(requests, required)
            if self.answering is None:
                raise ActionRefused(
                    _(
                        "Documents can be attached only to a draft while the call is open, or "
                        "to answer a request of the programme for a missing document."
                    ),
                    code="not_editable",
                )
        else:
            self.answering = request_answered_by(open_requests(application, self.now), required)
        if application.documents.count() >= MAX_DOCUMENTS:
            raise ActionRefused(
                _("An application may have at most %(limit)s documents.")
                % {"limit": MAX_DOCUMENTS},
                code="too_many",
            )

    def checked_upload(self):
        if not self.upload:
            raise ActionRefused(_("Choose a file to attach."), code="upload")
        try:
            return check_upload(self.upload, max_bytes=max_document_bytes(), kinds=KINDS)
        except UploadRefused as refused:
            raise ActionRefused(str(refused), code="upload") from refused

    def execute(self):
        self.check()
        checked = self.checked_upload()
        now = self.now or clock.now()
        written = None
        try:
            with transaction.atomic():
                application = (
                    Application.objects.select_for_update(of=("self",))
                    .select_related("call", "association")
                    .get(pk=self.application.pk)
                )
                self.check(application)
                request = self.answering
                required = self.required_document or (request.document if request else None)
                extension = os.path.splitext(checked.name)[1].lower()
                document = ApplicationDocument(
                    application=application,
                    required_document=required,
                    answers=request,
                    title=self.title or (required.name if required else checked.name)[:255],
                    original_name=checked.name[:255],
                    size=self.upload.size,
                    kind=checked.kind.name,
                    content_type=_content_type(checked.kind),
                    uploaded_by=self.user,
                )
                self.upload.seek(0)
                document.file.save(
                    f"{application.pk}-{secrets.token_hex(16)}{extension}",
                    self.upload,
                    save=False,
                )
                written = (document.file.storage, document.file.name)
                document.save()
                if request is not None:
                    DocumentRequest.objects.filter(pk=request.pk).update(answered_at=now)
                    request.answered_at = now
                history.record(
                    application.call,
                    CallEvent.Verb.REQUEST_ANSWERED
                    if request is not None
                    else CallEvent.Verb.DOCUMENT_ADDED,
                    actor=self.user,
                    application=application,
                    document=document.pk,
                    title=document.title,
                    file=document.original_name,
                    request=request.pk if request is not None else None,
                )
        except BaseException:
            if written:
                storage, name = written
                storage.delete(name)
            raise
        return document


class RemoveDocument(BaseAction):
    """A member removes a document from the draft, while the call is open: the row goes, its
    file once the transaction commits; one history row. A submitted application's documents
    stay as they were submitted."""

    def __init__(self, document, user=None, *, now=None):
        super().__init__(document, user=user)
        self.document = document
        self.now = now

    def check(self, application=None):
        application = application or self.document.application
        if not _signed_in(self.user):
            raise ActionRefused(_("Sign in to continue."), code="anonymous")
        if not can_edit(self.user, application, self.now):
            raise ActionRefused(
                _(
                    "This document cannot be removed: the application is not a draft or the "
                    "call is closed."
                ),
                code="not_editable",
            )

    def execute(self):
        with transaction.atomic():
            application = (
                Application.objects.select_for_update(of=("self",))
                .select_related("call")
                .get(pk=self.document.application_id)
            )
            self.check(application)
            document = ApplicationDocument.objects.filter(pk=self.document.pk).first()
            if document is None:
                # Removed by another click meanwhile: nothing more to do.
                return None
            storage, name = document.file.storage, document.file.name
            document.delete()
            history.record(
                application.call,
                CallEvent.Verb.DOCUMENT_REMOVED,
                actor=self.user,
                application=application,
                document=self.document.pk,
                title=document.title,
                file=document.original_name,
            )
            transaction.on_commit(lambda: storage.delete(name))
        return document
