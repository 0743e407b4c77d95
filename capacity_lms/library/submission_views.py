"""Members submit case studies and follow what the editors did with them.

The form page shows what a member may submit; a POST goes through
:class:`~capacity_lms.library.submissions.SubmitCaseStudyAction`, so the view, tests and any
other caller refuse the same things. Submissions are limited per client address
(``RATE_LIMITS["case_study_submit"]``). The files of a submission not yet published are read
through :func:`attachment`, which checks who asks each time.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from capacity_lms.core import ratelimit
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.storage import private_download
from capacity_lms.library.attachments import may_download
from capacity_lms.library.models import CaseStudyAttachment, CaseStudyPage, LibraryIndexPage
from capacity_lms.library.submissions import (
    CaseStudySubmissionForm,
    SubmitCaseStudyAction,
    UploadsRefused,
    submission_status,
    with_workflow_states,
)
from capacity_lms.library.uploads import max_upload_bytes


@login_required
@require_http_methods(["GET", "POST"])
def submit_case_study(request, page_id):
    """The submission form (GET) and the submission itself (POST)."""
    library = get_object_or_404(LibraryIndexPage.objects.live().public(), pk=page_id)
    try:
        SubmitCaseStudyAction(library, user=request.user, cleaned_data={}).check()
    except ActionRefused as refused:
        return TemplateResponse(
            request,
            "capacity_lms/library/submission_refused.html",
            {"library": library, "reasons": refused.messages},
            status=403,
        )
    if request.method == "POST":
        wait = ratelimit.hit(request, "case_study_submit")
        if wait:
            return ratelimit.too_many_requests(
                request,
                wait,
                "capacity_lms/library/too_many_submissions.html",
                {"library": library},
            )
        form = CaseStudySubmissionForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            action = SubmitCaseStudyAction(
                library, user=request.user, cleaned_data=form.cleaned_data, files=form.uploads()
            )
            try:
                page = action.execute()
            except UploadsRefused as refused:
                for field, message in refused.by_field.items():
                    form.add_error(field, message)
            except ActionRefused as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Thank you. “%(title)s” was sent to the editors; you will hear by e-mail.")
                    % {"title": page.title},
                )
                return redirect("capacity_lms:my_submissions")
        status = 400
    else:
        form = CaseStudySubmissionForm(user=request.user)
        status = 200
    return TemplateResponse(
        request,
        "capacity_lms/library/submit_case_study.html",
        {"library": library, "form": form, "max_upload": max_upload_bytes()},
        status=status,
    )


@login_required
@require_GET
def my_submissions(request):
    """The case studies the signed-in person submitted, and where each one stands."""
    pages = list(
        CaseStudyPage.objects.filter(submitted_by=request.user)
        .select_related("association")
        .order_by("-latest_revision_created_at", "-pk")
    )
    with_workflow_states(pages)
    submissions = [(page, submission_status(page, request)) for page in pages]
    return TemplateResponse(
        request, "capacity_lms/library/my_submissions.html", {"submissions": submissions}
    )


@require_safe
def attachment(request, pk, name):
    """A file of a submission not yet published, for its submitter and its moderators only
    (everyone else: 404, as for a file that does not exist); always downloaded, never shown
    inline, never cached."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    item = get_object_or_404(CaseStudyAttachment.objects.select_related("page"), pk=pk)
    if not item.is_pending or name != item.name or not may_download(request.user, item):
        raise Http404
    return private_download(item.file, item.name)
