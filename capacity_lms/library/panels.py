"""The page editor's view of the files a member sent with a case study."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class SubmittedFilesPanel(Panel):
    """Lists the submitter's files with download links (through the view that checks access)
    while they are private, so that moderators read them before deciding; once published they
    are ordinary images and documents, named here too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Files sent by the submitter"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "capacity_lms/library/admin/submitted_files_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.attachments.exists()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["attachments"] = list(
                self.instance.attachments.select_related("image", "document")
            )
            return context
