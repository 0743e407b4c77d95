"""Members of an association send a case study for the editors.

:class:`CaseStudySubmissionForm` is what a member fills in; :class:`SubmitCaseStudyAction`
turns it into a draft :class:`~capacity_lms.library.models.CaseStudyPage` under the library
and starts Wagtail's moderation workflow on it, so editors review it where they review every
page. As Wagtail's own actions do, ``check()`` raises :class:`ActionRefused` and ``execute()``
changes the database. Bad input changes nothing: every upload is checked before anything is
written, and if writing fails halfway the transaction is rolled back and the files already
stored are deleted, so no page, revision, attachment or orphan file stays behind. Attached
files stay in private storage until the case study is published
(:mod:`capacity_lms.library.attachments`).
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.rich_text import clean_rich_text
from capacity_lms.library.models import CaseStudyAttachment, CaseStudyIndicator, CaseStudyPage
from capacity_lms.library.uploads import ACCEPTED_EXTENSIONS, UploadRefused, check_attachment
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis

INDICATOR_ROWS = 3
UPLOAD_SLOTS = 4
RICH_TEXT_FIELDS = (
    "context",
    "what_was_done",
    "results",
    "success_factors",
    "pitfalls",
    "replication",
)
RICH_TEXT_HELP = gettext_lazy(
    "Plain text, or simple HTML: paragraphs, lists, bold, italics, level-3 headings and links."
)


def member_associations(user):
    """The associations ``user`` is a member of (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(memberships__user=user).distinct().order_by("name")


def _rich_text_field(label, required=False):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=RICH_TEXT_HELP,
    )


class CaseStudySubmissionForm(forms.Form):
    """A case study as a member tells it; editors complete and correct it in the admin."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=255)
    summary = forms.CharField(
        label=gettext_lazy("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Two or three sentences: who did what, where, with what result."),
    )
    association = forms.ModelChoiceField(
        label=gettext_lazy("Your association"), queryset=Association.objects.none()
    )
    host_country = forms.ModelChoiceField(
        label=gettext_lazy("Host country"), queryset=Country.objects.all()
    )
    regions_of_origin = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Regions of origin in Morocco"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("For solidarity-development projects: the regions it serves."),
    )
    specialized_groups = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Specialized groups"),
        queryset=SpecializedGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    strategic_axes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Strategic axes"),
        queryset=StrategicAxis.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("Separated by commas, e.g. volunteers, schools."),
    )
    started_on = forms.DateField(
        label=gettext_lazy("Started"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ended_on = forms.DateField(
        label=gettext_lazy("Ended"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    budget = forms.DecimalField(
        label=gettext_lazy("Budget"), required=False, max_digits=12, decimal_places=2, min_value=0
    )
    budget_currency = forms.RegexField(
        label=gettext_lazy("Currency"),
        regex=r"^[A-Za-z]{3}$",
        initial="EUR",
        max_length=3,
        help_text=gettext_lazy("ISO 4217 code, e.g. EUR, MAD."),
        error_messages={"invalid": gettext_lazy("Enter a three-letter code, e.g. EUR.")},
    )
    funders = forms.CharField(
        label=gettext_lazy("Funders"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    partners_host_country = forms.CharField(
        label=gettext_lazy("Partners in the host country"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    partners_morocco = forms.CharField(
        label=gettext_lazy("Partners in Morocco"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    context = _rich_text_field(gettext_lazy("The context"), required=True)
    what_was_done = _rich_text_field(gettext_lazy("What was done"), required=True)
    results = _rich_text_field(gettext_lazy("Results"))
    success_factors = _rich_text_field(gettext_lazy("What made it work"))
    pitfalls = _rich_text_field(gettext_lazy("What to avoid"))
    replication = _rich_text_field(gettext_lazy("How to replicate it"))
    contact_name = forms.CharField(
        label=gettext_lazy("Contact person"), required=False, max_length=255
    )
    contact_email = forms.EmailField(label=gettext_lazy("Contact e-mail"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = member_associations(user)
        for number in range(1, INDICATOR_ROWS + 1):
            self.fields[f"indicator_{number}"] = forms.CharField(
                label=_("Indicator %(number)s") % {"number": number},
                required=False,
                max_length=255,
            )
            self.fields[f"baseline_{number}"] = forms.CharField(
                label=_("Before (indicator %(number)s)") % {"number": number},
                required=False,
                max_length=100,
            )
            self.fields[f"result_{number}"] = forms.CharField(
                label=_("After (indicator %(number)s)") % {"number": number},
                required=False,
                max_length=100,
            )
        for number in range(1, UPLOAD_SLOTS + 1):
            self.fields[f"file_{number}"] = forms.FileField(
                label=_("File %(number)s") % {"number": number},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
            )
            self.fields[f"description_{number}"] = forms.CharField(
                label=_("Description of file %(number)s") % {"number": number},
                required=False,
                max_length=255,
                help_text=_("For an image, what it shows (read aloud to blind readers)."),
            )

    def clean(self):
        cleaned_data = super().clean()
        started_on, ended_on = cleaned_data.get("started_on"), cleaned_data.get("ended_on")
        if started_on and ended_on and ended_on < started_on:
            self.add_error("ended_on", _("The end comes before the start."))
        for number in range(1, INDICATOR_ROWS + 1):
            indicator = cleaned_data.get(f"indicator_{number}")
            result = cleaned_data.get(f"result_{number}")
            if (indicator or cleaned_data.get(f"baseline_{number}")) and not result:
                self.add_error(f"result_{number}", _("Give the result for this indicator."))
            if result and not indicator:
                self.add_error(f"indicator_{number}", _("Say what was measured."))
        return cleaned_data

    def indicator_rows(self):
        """Groups of bound fields, one per indicator row, for the template."""
        return [
            (self[f"indicator_{n}"], self[f"baseline_{n}"], self[f"result_{n}"])
            for n in range(1, INDICATOR_ROWS + 1)
        ]

    def upload_slots(self):
        return [(self[f"file_{n}"], self[f"description_{n}"]) for n in range(1, UPLOAD_SLOTS + 1)]

    def uploads(self):
        """``(field name, file, description)`` for each file attached."""
        return [
            (f"file_{n}", self.cleaned_data[f"file_{n}"], self.cleaned_data[f"description_{n}"])
            for n in range(1, UPLOAD_SLOTS + 1)
            if self.cleaned_data.get(f"file_{n}")
        ]


def parse_tags(text):
    """Comma-separated tags, trimmed, without duplicates (case-insensitive), in order."""
    seen, tags = set(), []
    for tag in (text or "").split(","):
        tag = " ".join(tag.split())[:100]
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    return tags


class UploadsRefused(ActionRefused):
    """One or more files were refused; ``by_field`` maps a form field to its message."""

    def __init__(self, by_field):
        super().__init__(*by_field.values(), code="upload")
        self.by_field = by_field


class SubmitCaseStudyAction(BaseAction):
    """Create a draft case study from a member's form and send it to moderation.

    ``files`` is a list of ``(key, uploaded file, description)``; ``key`` (a form field name)
    is how a refused file's message finds its place in the form.
    """

    def __init__(self, library, user=None, *, cleaned_data, files=()):
        super().__init__(library, user=user)
        self.library = library
        self.data = cleaned_data
        self.files = list(files)
        self.written = []

    def check(self):
        if not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")
        if not self.library.live or not self.library.accepts_submissions:
            raise ActionRefused(
                _("This library does not accept case studies from members."), code="closed"
            )
        associations = member_associations(self.user)
        if not associations.exists():
            raise ActionRefused(
                _("Only members of an association can submit a case study."), code="not_member"
            )

    def check_association(self):
        association = self.data.get("association")
        mine = member_associations(self.user)
        if association is None or not mine.filter(pk=association.pk).exists():
            raise ActionRefused(_("Choose an association you are a member of."), code="not_member")

    def check_uploads(self):
        """Every file checked, or :class:`UploadsRefused` naming each refused one."""
        checked, refused = [], {}
        for key, upload, description in self.files:
            try:
                checked.append(check_attachment(upload, description))
            except UploadRefused as error:
                refused[key] = str(error)
        if refused:
            raise UploadsRefused(refused)
        return checked

    def execute(self):
        self.check()
        self.check_association()
        uploads = self.check_uploads()
        try:
            with transaction.atomic():
                page = self._create_page()
                for number, upload in enumerate(uploads, start=1):
                    self._store(page, upload, number)
        except BaseException:
            self._delete_written_files()
            raise
        return page

    def _store(self, page, upload, number):
        """A :class:`CaseStudyAttachment` in private storage for ``upload``: no URL serves it
        until the case study is published (see :mod:`capacity_lms.library.attachments`)."""
        attachment = CaseStudyAttachment(
            page=page,
            name=upload.name,
            kind=upload.kind.name,
            is_image=upload.kind.is_image,
            size=upload.file.size,
            description=upload.description,
            sort_order=number,
        )
        # Written to storage first and remembered, so that a failure later removes it.
        attachment.file.save(upload.name, upload.file, save=False)
        self.written.append((attachment.file.storage, attachment.file.name))
        attachment.save()
        return attachment

    def _create_page(self):
        data = self.data
        title = data["title"]
        page = CaseStudyPage(
            title=title,
            slug=find_available_slug(
                self.library, slugify(title, allow_unicode=True)[:200] or "case-study"
            ),
            live=False,
            owner=self.user,
            submitted_by=self.user,
            summary=data["summary"],
            association=data["association"],
            host_country=data["host_country"],
            started_on=data["started_on"],
            ended_on=data.get("ended_on"),
            budget=data.get("budget"),
            budget_currency=(data.get("budget_currency") or "EUR").upper(),
            funders=data.get("funders", ""),
            partners_host_country=data.get("partners_host_country", ""),
            partners_morocco=data.get("partners_morocco", ""),
            contact_name=data.get("contact_name", ""),
            contact_email=data.get("contact_email", ""),
            **{name: clean_rich_text(data.get(name, "")) for name in RICH_TEXT_FIELDS},
        )
        page.regions_of_origin = list(data.get("regions_of_origin") or [])
        page.specialized_groups = list(data.get("specialized_groups") or [])
        page.strategic_axes = list(data.get("strategic_axes") or [])
        page.indicators = [
            CaseStudyIndicator(
                indicator=data[f"indicator_{n}"],
                baseline=data.get(f"baseline_{n}", ""),
                result=data[f"result_{n}"],
                sort_order=n,
            )
            for n in range(1, INDICATOR_ROWS + 1)
            if data.get(f"indicator_{n}") and data.get(f"result_{n}")
        ]
        page.tags.add(*parse_tags(data.get("tags")))
        self.library.add_child(instance=page)
        page.save_revision(user=self.user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            self._leave_outcome_emails_to_us()
            workflow.start(page, self.user)
        return page

    def _leave_outcome_emails_to_us(self):
        """Wagtail e-mails a workflow's requester when it is approved or rejected, with links
        into the admin; a member who cannot open the admin gets ours instead (in their
        language, with the public link), not both. Editors keep Wagtail's."""
        if self.user.has_perm("wagtailadmin.access_admin"):
            return
        UserProfile.objects.update_or_create(
            user=self.user,
            defaults={"approved_notifications": False, "rejected_notifications": False},
        )

    def _delete_written_files(self):
        for storage, name in self.written:
            storage.delete(name)
        self.written = []


class SubmissionStatus:
    """Where a submitted case study stands, as its submitter sees it."""

    PUBLISHED = "published"
    IN_MODERATION = "in_moderation"
    CHANGES_REQUESTED = "changes_requested"
    DRAFT = "draft"

    LABELS = {
        PUBLISHED: gettext_lazy("Published"),
        IN_MODERATION: gettext_lazy("With the editors"),
        CHANGES_REQUESTED: gettext_lazy("Changes requested"),
        DRAFT: gettext_lazy("Draft, not sent to the editors"),
    }

    def __init__(self, state, url="", comment=""):
        self.state = state
        self.label = self.LABELS[state]
        self.url = url
        self.comment = comment


def with_workflow_states(pages):
    """Attach each page's active workflow state in one query, as Wagtail's
    ``prefetch_workflow_states()`` does for querysets of ``Page`` (on a queryset of a page
    subclass its generic relation looks for the wrong content type and finds nothing)."""
    states = {}
    for state in (
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task")
    ):
        states.setdefault(state.object_id, []).append(state)
    for page in pages:
        page._current_workflow_states = states.get(str(page.pk), [])
    return pages


def submission_status(page, request=None):
    """The :class:`SubmissionStatus` of ``page``; :func:`with_workflow_states` spares a query
    per page."""
    if page.live:
        return SubmissionStatus(SubmissionStatus.PUBLISHED, url=page.get_url(request))
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return SubmissionStatus(SubmissionStatus.DRAFT)
    if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        task_state = workflow_state.current_task_state
        return SubmissionStatus(
            SubmissionStatus.CHANGES_REQUESTED, comment=task_state.comment if task_state else ""
        )
    return SubmissionStatus(SubmissionStatus.IN_MODERATION)
