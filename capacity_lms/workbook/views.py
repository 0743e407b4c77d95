"""A member's workbook steps and their workbooks; a trainer's review queue and reviews.

Every page is personal: ``never_cache`` in ``urls.py``. Who may see what is ``access.py``'s
answer; a step, a deliverable or an association outside it is "not found", whatever exists.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from capacity_lms.core.actions import ActionRefused, show_refusal
from capacity_lms.projects.forms import ADD, not_judged
from capacity_lms.projects.models import Project
from capacity_lms.workbook import access
from capacity_lms.workbook.actions import ChangedMeanwhile, SaveStep, find_deliverable
from capacity_lms.workbook.display import section_label, shown_parts
from capacity_lms.workbook.files import FILE_KINDS, FilesForm
from capacity_lms.workbook.forms import layout, posted, step_forms
from capacity_lms.workbook.steps import find_step, steps_for

TEMPLATES = "capacity_lms/workbook/"


def _association(request, step, association_pk):
    associations = list(access.working_associations(request.user, step.course_key))
    for association in associations:
        if association.pk == association_pk:
            return association, associations
    raise Http404


def step_url(step, association):
    return reverse(
        "capacity_lms:workbook_step", args=[association.pk, step.lesson.pk, step.step_id]
    )


@login_required
@require_http_methods(["GET", "POST"])
def step_page(request, association_pk, lesson_pk, step_id):
    """The association's work on one step: its forms while it may be edited, what was
    submitted and the trainers' reviews, and the versions kept."""
    step = find_step(lesson_pk, step_id)
    if step is None:
        raise Http404
    association, associations = _association(request, step, association_pk)
    deliverable = find_deliverable(association, step)
    project = (
        deliverable.workbook.project
        if deliverable is not None
        else Project(association=association, title="")
    )
    content = deliverable.content if deliverable is not None else {}
    status = 200
    versions = with_shown(deliverable.versions.all()[:20]) if deliverable else []
    based_on = versions[0].number if versions else 0
    theirs = None
    if request.method == "POST" and (deliverable is None or deliverable.is_editable):
        based_on = posted_based_on(request.POST)
        bound = step_forms(step.kind, project, content, request.POST, request.POST.get(ADD))
        if step.kind in FILE_KINDS:
            bound["files"] = FilesForm(
                request.POST, request.FILES, prefix="files", deliverable=deliverable
            )
        if ADD in request.POST:
            forms_shown = not_judged(bound)
        elif all(item.is_valid() for item in bound.values()):
            new_content, parts = posted(step.kind, bound)
            submit = "submit" in request.POST
            attached = bound["files"].cleaned_data if "files" in bound else {}
            try:
                SaveStep(
                    step,
                    user=request.user,
                    association=association,
                    content=new_content,
                    parts=parts,
                    submit=submit,
                    files=attached.get("files", ()),
                    remove_files=attached.get("remove", ()),
                    based_on=based_on,
                ).execute()
            except ChangedMeanwhile as changed:
                show_refusal(request, changed)
                forms_shown, status = bound, 409
                theirs, based_on = changed.latest, changed.latest.number
                theirs.shown = shown_parts(theirs.content)
            except ActionRefused as refused:
                show_refusal(request, refused)
                forms_shown, status = bound, 400
            else:
                messages.success(
                    request,
                    _("Submitted: the module's trainers are told.")
                    if submit
                    else _("Saved as a draft."),
                )
                return HttpResponseRedirect(step_url(step, association))
        else:
            forms_shown, status = bound, 400
    elif request.method == "POST":
        messages.error(request, _("This work can no longer be changed."))
        return HttpResponseRedirect(step_url(step, association))
    else:
        forms_shown = step_forms(step.kind, project, content)
        if step.kind in FILE_KINDS:
            forms_shown["files"] = FilesForm(prefix="files", deliverable=deliverable)
    context = {
        "step": step,
        "association": association,
        "associations": associations,
        "deliverable": deliverable,
        "parts": layout(forms_shown),
        "editable": deliverable is None or deliverable.is_editable,
        "takes_files": step.kind in FILE_KINDS,
        "versions": versions,
        "based_on": based_on,
        "theirs": theirs,
        "reviews": labelled(deliverable.reviews.all()[:10]) if deliverable else [],
    }
    return TemplateResponse(request, TEMPLATES + "step.html", context, status=status)


@login_required
@require_GET
def my_workbooks(request):
    """Every workbook the person works on, with each step's status."""
    workbooks = list(
        access.workable_workbooks(request.user)
        .select_related("association", "project")
        .prefetch_related("deliverables")
        .order_by("association__name", "created_at")
    )
    deliverables = [item for workbook in workbooks for item in workbook.deliverables.all()]
    found = steps_for(deliverables)
    for workbook in workbooks:
        workbook.steps = [(item, found.get(item.pk)) for item in workbook.deliverables.all()]
    return TemplateResponse(request, TEMPLATES + "mine.html", {"workbooks": workbooks})


def posted_based_on(data):
    """The version a posted form was filled from: None when the form does not say (no check:
    a script's last save wins), 0 when it says nonsense (every version found is newer)."""
    if "based_on" not in data:
        return None
    try:
        return max(0, int(data["based_on"]))
    except ValueError:
        return 0


def labelled(reviews):
    """Reviews with their section comments named in the reader's language."""
    reviews = list(reviews)
    for review in reviews:
        review.comment_rows = [
            (section_label(name), text) for name, text in review.comments.items()
        ]
    return reviews


def with_shown(versions):
    """Versions, the latest with what it holds as the page shows it."""
    versions = list(versions)
    if versions:
        versions[0].shown = shown_parts(versions[0].content)
    return versions
