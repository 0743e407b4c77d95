"""The forms that edit a project's rows: budget lines, funding and other funders, partners,
and the logical framework (objectives, results, activities, indicators, assumptions).

Shared by every domain that edits a project (an application to a call, the project
workbook); each domain keeps its own forms for what is only its (a call's sections, a
document). No form has a field for a total: totals are computed on the server from the
lines, so a total added to a POST by hand is not even read. Repeated rows are formsets; a
row left empty or marked for removal is dropped, and the rows kept become the project, in
their order.

The builders (:func:`logframe_formsets`, :func:`budget_formsets`, :func:`partner_formset`)
start from what the project holds, or bind ``data``; given ``add``, the prefix of one of
their formsets, that formset gets one more empty row (the "Add a row" button a page without
JavaScript sends; with JavaScript, ``static/capacity_lms/js/formset_rows.js`` adds it in
place).
"""

from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from capacity_lms.projects import budget
from capacity_lms.projects.models import AMOUNT, ProjectPartner

ROWS = budget.MAX_LINES
# The name of the "Add a row" buttons; their value is the prefix of the formset.
ADD = "add"


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


def formset(form, extra=1, base=forms.BaseFormSet, rows=ROWS):
    """Rows of ``form``, at most ``rows`` (more are refused, never read)."""
    return forms.formset_factory(
        form,
        formset=base,
        extra=extra,
        can_delete=True,
        max_num=rows,
        absolute_max=rows,
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


def not_judged(page_forms):
    """``page_forms`` (name → form or formset) shown as typed, with no error: a row is being
    added, nothing is saved, so nothing is judged yet (the errors come with the save).
    Django has no switch for this: the error caches are filled with nothing, so that
    rendering never cleans."""
    for item in page_forms.values():
        for form in getattr(item, "forms", [item]):
            form._errors = ErrorDict()
        if isinstance(item, forms.BaseFormSet):
            item._errors = [form.errors for form in item.forms]
            item._non_form_errors = item.error_class(error_class="nonform", renderer=item.renderer)
    return page_forms


def _with_one_more_row(data, formset):
    """``data`` with one more row for ``formset``: its count raised, and the new row holding
    what a new row starts with (so that it reads as left empty)."""
    total = f"{formset.prefix}-TOTAL_FORMS"
    try:
        count = int(data.get(total, ""))
    except ValueError:
        return data  # the management form's own error says what is wrong
    if not 0 <= count < ROWS:
        return data
    data = data.copy()
    data[total] = str(count + 1)
    row = formset.empty_form
    for name in row.fields:
        value = row[name].value()
        if value not in (None, ""):
            data[f"{formset.add_prefix(count)}-{name}"] = str(value)
    return data


def build_formset(formset_class, prefix, data, add, initial, **kwargs):
    """``formset_class`` under ``prefix``, from ``initial`` or bound to ``data``; one row
    longer when ``add`` names it (the "Add a row" button)."""
    if data is not None and add == prefix:
        data = _with_one_more_row(data, formset_class(prefix=prefix, initial=initial, **kwargs))
    return formset_class(data, prefix=prefix, initial=initial, **kwargs)


def logframe_rows(project):
    """The rows of the logical framework as the forms number them: results across the whole
    framework, each naming its objective's number, activities their result's."""
    objectives = list(project.specific_objectives.prefetch_related("results__activities"))
    results, activities, result_numbers = [], [], {}
    for number, objective in enumerate(objectives, 1):
        for result in objective.results.all():
            results.append({"objective": number, "text": result.text})
            result_numbers[result.pk] = len(results)
            activities.extend(
                {
                    "result": len(results),
                    "text": activity.text,
                    "starts_on": activity.starts_on,
                    "ends_on": activity.ends_on,
                }
                for activity in result.activities.all()
            )
    indicators = [
        {
            "result": result_numbers.get(indicator.result_id),
            "text": indicator.text,
            "unit": indicator.unit,
            "baseline": indicator.baseline,
            "target": indicator.target,
            "source": indicator.source,
        }
        for indicator in project.indicators.all()
    ]
    return {
        "objectives": [{"text": objective.text} for objective in objectives],
        "results": results,
        "activities": activities,
        "indicators": indicators,
        "assumptions": [{"text": assumption.text} for assumption in project.assumptions.all()],
    }


LOGFRAME = {
    "objectives": ObjectiveFormSet,
    "results": ResultFormSet,
    "activities": ActivityFormSet,
    "indicators": IndicatorFormSet,
    "assumptions": AssumptionFormSet,
}


def logframe_formsets(project, data=None, add=None):
    """The logical framework's formsets by prefix: objectives, results, activities,
    indicators, assumptions."""
    initial = logframe_rows(project)
    return {
        prefix: build_formset(formset_class, prefix, data, add, initial[prefix])
        for prefix, formset_class in LOGFRAME.items()
    }


def budget_formsets(project, currency, data=None, add=None):
    """The budget's forms: ``funding`` (amount requested, own contribution), ``lines`` (new
    ones starting in ``currency``) and the other ``funders``."""
    lines = [
        {
            "category": line.category,
            "description": line.description,
            "unit": line.unit,
            "quantity": line.quantity,
            "unit_cost": line.unit_cost,
            "currency": line.currency,
        }
        for line in project.budget_lines.all()
    ]
    funders = [{"name": f.name, "amount": f.amount} for f in project.other_funders.all()]
    return {
        "funding": FundingForm(
            data,
            prefix="funding",
            initial={
                "requested_amount": project.requested_amount,
                "own_contribution": project.own_contribution,
            },
        ),
        "lines": build_formset(LineFormSet, "lines", data, add, lines, currency=currency),
        "funders": build_formset(FunderFormSet, "funders", data, add, funders),
    }


def partner_formset(project, data=None, add=None):
    """The partners typed by name (a partner chosen from the directory is not edited here)."""
    initial = [
        {"kind": p.kind, "name": p.name, "role": p.role}
        for p in project.partners.all()
        if not p.association_id
    ]
    return build_formset(PartnerFormSet, "partners", data, add, initial)
