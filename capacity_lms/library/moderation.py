"""The editors' "decline" on a submitted case study, in the Wagtail admin.

Wagtail's "request changes" keeps the page and its files for another round; declining deletes
a submission never published with its revisions and files
(:class:`~capacity_lms.library.attachments.DeclineSubmissionAction`). It is offered in the
page's header menu and its listing menu to whoever may publish the page; GET shows what will
be deleted (with links to the files), POST declines.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.menus.pages import PageMenuItem

from capacity_lms.core.actions import ActionRefused
from capacity_lms.library.attachments import DeclineSubmissionAction
from capacity_lms.library.models import CaseStudyPage


def may_decline(user, page):
    try:
        DeclineSubmissionAction(page, user).check()
    except ActionRefused:
        return False
    return True


@require_http_methods(["GET", "POST"])
def decline_submission(request, page_id):
    page = get_object_or_404(CaseStudyPage.objects.select_related("submitted_by"), pk=page_id)
    action = DeclineSubmissionAction(page, request.user)
    try:
        action.check()
    except ActionRefused:
        raise Http404 from None
    if request.method == "POST":
        parent = page.get_parent()
        title = page.get_admin_display_title()
        action.execute()
        messages.success(
            request, _("“%(title)s” was declined and deleted, with its files.") % {"title": title}
        )
        return redirect("wagtailadmin_explore", parent.pk)
    return TemplateResponse(
        request,
        "capacity_lms/library/admin/decline_submission.html",
        {"page": page, "attachments": list(page.attachments.all())},
    )


class DeclineSubmissionButton(PageMenuItem):
    label = gettext_lazy("Decline and delete")
    icon_name = "bin"

    @property
    def url(self):
        return reverse("capacity_lms_library:decline_submission", args=[self.page.pk])

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, CaseStudyPage) and may_decline(user, page)


def page_buttons(page, user, next_url=None):
    if page.specific_class is CaseStudyPage and not page.live:
        yield DeclineSubmissionButton(page=page, priority=55)


app_name = "capacity_lms_library"


def admin_urls():
    patterns = [
        path("decline/<int:page_id>/", decline_submission, name="decline_submission"),
    ]
    return [path("library/", include((patterns, app_name), namespace=app_name))]
