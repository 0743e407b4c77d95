"""The files members attach to the case studies they submit: private until published.

The design is a quarantine with promotion on publication (as Discourse's secure uploads and
Drupal's private files do it): a submitted file is a :class:`CaseStudyAttachment` in private
storage (:mod:`capacity_lms.core.storage`), never a Wagtail image or document, so no media
URL, rendition, document serve URL, admin listing or chooser reaches it. Who may see it
downloads it through one view that checks access each time (:func:`may_download`): the
submitter, and whoever may edit or publish the page (the library's editors, who moderate it).
When the case study is first published, :class:`PublishAttachmentsAction` makes each file an
ordinary Wagtail image or document (public from then on, like the page) and removes the
private copy. :class:`DeclineSubmissionAction` deletes a submission never published, with its
files; erasing the submitter's data uses it too.
"""

import logging

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.signals import page_published

from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.library.models import CaseStudyAttachment, CaseStudyPage

logger = logging.getLogger(__name__)


def may_moderate(user, page):
    """Whether ``user`` may edit or publish ``page`` (Wagtail's page permissions)."""
    if not user.is_authenticated or not user.is_active:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


def may_download(user, attachment):
    """The submitter and the page's moderators may read a file still awaiting publication."""
    page = attachment.page
    if not user.is_authenticated or not user.is_active:
        return False
    return page.submitted_by_id == user.pk or may_moderate(user, page)


def _delete_file_on_commit(storage, name):
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=CaseStudyAttachment)
def _attachment_deleted(sender, instance, **kwargs):
    """The stored file goes with its row, whoever deletes it (decline, erasure, the page's
    deletion in the admin), once the deletion is committed."""
    _delete_file_on_commit(instance.file.storage, instance.file.name)


class PublishAttachmentsAction(BaseAction):
    """Make each file of ``page`` still in private storage an ordinary Wagtail image or
    document (in the root collection, like every library file), shown with the page."""

    def __init__(self, page, user=None):
        super().__init__(page, user=user)
        self.page = page
        self.written = []

    def check(self):
        """Nothing to refuse: it runs when the page is published, and Wagtail has checked the
        publisher."""

    def execute(self):
        self.check()
        pending = list(CaseStudyAttachment.objects.filter(page=self.page).pending())
        if not pending:
            return []
        promoted = []
        for attachment in pending:
            try:
                with transaction.atomic():
                    promoted.append(self._promote(attachment))
            except OSError:
                # A stored file gone missing (a restored database, a storage outage) must not
                # stop the publication: the file stays private and unpublished, and says so.
                for storage, name in self.written:
                    storage.delete(name)
                logger.exception(
                    "Submitted file %s of case study %s could not be published.",
                    attachment.pk,
                    self.page.pk,
                )
            self.written = []
        return promoted

    def _promote(self, attachment):
        model = get_image_model() if attachment.is_image else get_document_model()
        item = model(
            title=(attachment.description or attachment.name)[:255],
            uploaded_by_user=self.page.submitted_by,
        )
        private_name = attachment.file.name
        with attachment.file.open("rb") as handle:
            content = ImageFile(handle) if attachment.is_image else handle
            item.file.save(attachment.name, content, save=False)
            self.written.append((item.file.storage, item.file.name))
            if attachment.is_image:
                item._set_image_file_metadata()
            else:
                item._set_document_file_metadata()
        item.save()
        if attachment.is_image:
            attachment.image = item
        else:
            attachment.document = item
        attachment.file = ""
        attachment.save(update_fields=["image", "document", "file"])
        _delete_file_on_commit(attachment.file.storage, private_name)
        return attachment


@receiver(page_published, sender=CaseStudyPage)
def _case_study_published(sender, instance, revision=None, **kwargs):
    PublishAttachmentsAction(instance).execute()


class DeclineSubmissionAction(BaseAction):
    """An editor declines a submitted case study: the page, its revisions and its files are
    deleted (unlike Wagtail's "request changes", which keeps everything). Only a submission
    never published may be declined; a published case study is unpublished or deleted in the
    page editor. ``user`` None is the erasure of the submitter's data (trusted, no check)."""

    def __init__(self, page, user=None):
        super().__init__(page, user=user)
        self.page = page

    def check(self):
        page = self.page
        if not page.submitted_by_id or page.live or page.first_published_at is not None:
            raise ActionRefused(
                _("Only a submitted case study that was never published can be declined."),
                code="published",
            )
        if self.user is not None and not page.permissions_for_user(self.user).can_publish():
            raise ActionRefused(_("You may not decline this case study."), code="permission")

    def execute(self):
        self.check()
        with transaction.atomic():
            CaseStudyAttachment.objects.filter(page=self.page).delete()
            DeletePageAction(self.page, user=self.user).execute(skip_permission_checks=True)
