"""The forms an association fills in for its application: the sections, the budget's lines,
funding and other funders, the partners, the logical framework, and a budget file.

No form has a field for a total: totals are computed on the server from the lines, so a
total added to a POST by hand is not even read. Repeated rows are formsets; a row left empty
or marked for removal is dropped, and the rows kept become the project, in their order.
"""

from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.drafting import SECTION_FIELDS
from capacity_lms.projects import budget
from capacity_lms.projects.models import AMOUNT, Project, ProjectPartner

ROWS = budget.MAX_LINES


class StartForm(forms.Form):
    association = forms.IntegerField(widget=forms.HiddenInput)


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


class FundingForm(forms.Form):
    requested_amount = forms.DecimalField(
        label=_("Amount requested from the call"), min_value=0, **AMOUNT
    )
    own_contribution = forms.DecimalField(label=_("Own contribution"), min_value=0, **AMOUNT)


class BudgetLineForm(forms.Form):
    # A blank first choice, so that a row left empty sends nothing and is not read.
    category = forms.ChoiceField(
        label=_("Category"), choices=BLANK_CHOICE_DASH + budget.BudgetCategory.choices
    )
    description = forms.CharField(label=_("Description"), max_length=255)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    quantity = forms.DecimalField(
        label=_("Quantity"), min_value=0.01, max_digits=12, decimal_places=2
    )
    unit_cost = forms.DecimalField(label=_("Unit cost"), min_value=0, **AMOUNT)
    currency = forms.CharField(
        label=_("Currency"), min_length=3, max_length=3, help_text=_("For example MAD, EUR.")
    )

    def clean_currency(self):
        return self.cleaned_data["currency"].upper()


class OtherFunderForm(forms.Form):
    name = forms.CharField(label=_("Funder"), max_length=255)
    amount = forms.DecimalField(label=_("Amount"), min_value=0, **AMOUNT)


class PartnerForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=BLANK_CHOICE_DASH + ProjectPartner.Kind.choices
    )
    name = forms.CharField(label=_("Name"), max_length=255)
    role = forms.CharField(label=_("Role in the project"), max_length=255, required=False)


class ObjectiveForm(forms.Form):
    text = forms.CharField(
        label=_("Specific objective"), widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"})
    )


class ResultForm(forms.Form):
    objective = forms.IntegerField(
        label=_("Specific objective number"), min_value=1, max_value=ROWS
    )
    text = forms.CharField(
        label=_("Expected result"), widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"})
    )


class ActivityForm(forms.Form):
    result = forms.IntegerField(label=_("Expected result number"), min_value=1, max_value=ROWS)
    text = forms.CharField(label=_("Activity"), max_length=2000)
    starts_on = forms.DateField(
        label=_("Starts on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("An activity cannot end before it starts."))
        return cleaned


class IndicatorForm(forms.Form):
    result = forms.IntegerField(
        label=_("Expected result number (optional)"),
        min_value=1,
        max_value=ROWS,
        required=False,
    )
    text = forms.CharField(label=_("Indicator"), max_length=500)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), required=False, **AMOUNT)
    target = forms.DecimalField(label=_("Target"), required=False, **AMOUNT)
    source = forms.CharField(label=_("Source of verification"), max_length=500, required=False)


class AssumptionForm(forms.Form):
    text = forms.CharField(label=_("Assumption"), max_length=2000)


class BudgetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Budget file (XLSX)"),
        help_text=_("The file downloaded from this page, filled in."),
    )


class BaseLineFormSet(forms.BaseFormSet):
    """Budget lines: the rows to add start in the call's currency."""

    def __init__(self, *args, currency="", **kwargs):
        self.currency = currency
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.currency and (index is None or index >= len(self.initial or ())):
            kwargs["initial"] = {"currency": self.currency}
        return kwargs


def formset(form, extra=1, base=forms.BaseFormSet):
    return forms.formset_factory(
        form,
        formset=base,
        extra=extra,
        can_delete=True,
        max_num=ROWS,
        absolute_max=ROWS,
        validate_max=True,
    )


LineFormSet = formset(BudgetLineForm, extra=2, base=BaseLineFormSet)
FunderFormSet = formset(OtherFunderForm)
PartnerFormSet = formset(PartnerForm)
ObjectiveFormSet = formset(ObjectiveForm)
ResultFormSet = formset(ResultForm)
ActivityFormSet = formset(ActivityForm)
IndicatorFormSet = formset(IndicatorForm)
AssumptionFormSet = formset(AssumptionForm)


def kept(formset):
    """The cleaned rows of a valid formset that are filled in and not marked for removal."""
    return [
        {key: value for key, value in form.cleaned_data.items() if key != "DELETE"}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


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
