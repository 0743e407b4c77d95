"""The forms only an application has: starting it, its sections, a budget file and a
document. The project's rows (budget lines, funding and other funders, partners, the logical
framework) are edited with ``projects/forms.py``, as the project workbook edits them.
"""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.drafting import SECTION_FIELDS
from capacity_lms.projects.models import Project


class StartForm(forms.Form):
    association = forms.IntegerField(widget=forms.HiddenInput)
    # Given: the application starts as a copy of this workbook's project.
    workbook = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SectionsForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = SECTION_FIELDS
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "context": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "target_groups": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "overall_objective": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        }

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The project cannot end before it starts."))
        return cleaned


class BudgetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Budget file (XLSX)"),
        help_text=_("The file downloaded from this page, filled in."),
    )


class DocumentUploadForm(forms.Form):
    """A document for the application: the file, which of the call's documents it is, a
    title. What is accepted is decided by the action and the one upload check."""

    required_document = forms.ModelChoiceField(
        label=_("Which of the call's documents is it?"),
        queryset=None,
        required=False,
        empty_label=_("Another document"),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Left empty: the name of the document, or of the file."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, call, max_bytes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_document"].queryset = call.required_documents.all()
        self.fields["file"].help_text = _(
            "PDF, an image (JPEG, PNG, GIF, WebP) or an office document (DOCX, XLSX, PPTX, "
            "ODT, ODS, ODP), at most %(limit)s."
        ) % {"limit": filesizeformat(max_bytes)}
