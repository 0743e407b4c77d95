"""The forms of a step, by kind: its own texts and rows (``content.SHAPES``), and the
project's forms (``capacity_lms.projects.forms``) for what it writes of the project. Rows are
formsets: without JavaScript a row is added by the "Add a row" button (a POST that saves
nothing), with it in place."""

from types import SimpleNamespace

from django import forms
from django.utils.translation import gettext_lazy as _

from capacity_lms.projects import forms as project_forms
from capacity_lms.projects.deliverables import LEVELS, DeliverableKind
from capacity_lms.projects.models import (
    Assumption,
    BudgetLine,
    Indicator,
    OtherFunder,
    Project,
    ProjectPartner,
    SpecificObjective,
)
from capacity_lms.workbook.content import LEVEL_FIELDS, MAX_ROWS, MAX_TEXT, SHAPES, empty
from capacity_lms.workbook.display import LABELS, PARTS, ROW_LABELS


def _text_field(label, long=True):
    widget = (
        forms.Textarea(attrs={"rows": 4, "dir": "auto"})
        if long
        else forms.TextInput(attrs={"dir": "auto"})
    )
    return forms.CharField(label=label, required=False, max_length=MAX_TEXT, widget=widget)


def _row_form(table, fields):
    attributes = {}
    for field in fields:
        label = ROW_LABELS.get((table, field), LABELS[field])
        if field in LEVEL_FIELDS:
            attributes[field] = forms.ChoiceField(label=label, choices=LEVELS, initial="medium")
        else:
            attributes[field] = _text_field(label, long=False)
    return type(f"{table.title()}RowForm", (forms.Form,), attributes)


_FORMSETS = {
    (kind, table): project_forms.formset(_row_form(table, fields), rows=MAX_ROWS)
    for kind, shape in SHAPES.items()
    for table, fields in shape["rows"].items()
}


def _texts_form(kind):
    return type(
        "TextsForm",
        (forms.Form,),
        {name: _text_field(LABELS[name]) for name in SHAPES[kind]["texts"]},
    )


class CurrencyForm(forms.Form):
    """The currency the association costs its project in (its lines may be in others)."""

    currency = forms.RegexField(
        label=_("Currency of the project"),
        regex=r"^[A-Za-z]{3}$",
        max_length=3,
        help_text=_("ISO 4217 code, e.g. EUR, MAD. The totals are computed in it."),
        error_messages={"invalid": _("Give a three-letter currency code, e.g. EUR or MAD.")},
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "size": 4}),
    )


class SectionsForm(forms.Form):
    overall_objective = _text_field(_("Overall objective"))


def blank_project():
    """What the project's forms read of a project, for an association's first visit (no
    workbook yet: a GET writes nothing)."""
    return SimpleNamespace(
        specific_objectives=SpecificObjective.objects.none(),
        indicators=Indicator.objects.none(),
        assumptions=Assumption.objects.none(),
        budget_lines=BudgetLine.objects.none(),
        other_funders=OtherFunder.objects.none(),
        partners=ProjectPartner.objects.none(),
        requested_amount=0,
        own_contribution=0,
        overall_objective="",
        currency=Project._meta.get_field("currency").default,
    )


def step_forms(kind, project, content, data=None, add=None):
    """{name: form or formset} for a step of ``kind``, from ``content`` and ``project`` or
    bound to ``data``; ``add`` names the formset that gets one more row."""
    content = {**empty(kind), **(content or {})}
    if project.pk is None:
        project = blank_project()
    built = {"texts": _texts_form(kind)(data, prefix="texts", initial=content)}
    for table in SHAPES[kind]["rows"]:
        # Bound, the rows are what was posted: none is compared with (and dropped as equal
        # to) what was kept before, whatever the management form claims.
        initial = content[table] if data is None else None
        built[table] = project_forms.build_formset(
            _FORMSETS[(kind, table)], table, data, add, initial
        )
    if kind == DeliverableKind.LOGFRAME:
        built["sections"] = SectionsForm(
            data, prefix="sections", initial={"overall_objective": project.overall_objective}
        )
        built |= project_forms.logframe_formsets(project, data, add)
    elif kind == DeliverableKind.BUDGET:
        built["currency"] = CurrencyForm(
            data, prefix="project", initial={"currency": project.currency}
        )
        built |= project_forms.budget_formsets(project, project.currency, data, add)
    elif kind == DeliverableKind.STAKEHOLDERS:
        built["partners"] = project_forms.partner_formset(project, data, add)
    elif kind == DeliverableKind.TIMELINE:
        built["activities"] = project_forms.logframe_formsets(project, data, add)["activities"]
    return built


def posted(kind, bound):
    """``(content, parts)`` from valid bound forms."""
    texts = bound["texts"].cleaned_data
    content = {name: texts.get(name, "") for name in SHAPES[kind]["texts"]}
    for table in SHAPES[kind]["rows"]:
        content[table] = project_forms.kept(bound[table])
    parts = {}
    if kind == DeliverableKind.NEEDS_ANALYSIS:
        parts["sections"] = {
            "context": content["problem"],
            "target_groups": content["target_groups"],
        }
    elif kind == DeliverableKind.LOGFRAME:
        parts["sections"] = dict(bound["sections"].cleaned_data)
        parts["logframe"] = {
            name: project_forms.kept(bound[name])
            for name in ("objectives", "results", "activities", "indicators", "assumptions")
        }
    elif kind == DeliverableKind.BUDGET:
        parts["budget"] = {
            "currency": bound["currency"].cleaned_data["currency"].upper(),
            "funding": dict(bound["funding"].cleaned_data),
            "lines": project_forms.kept(bound["lines"]),
            "funders": project_forms.kept(bound["funders"]),
        }
    elif kind == DeliverableKind.STAKEHOLDERS:
        parts["partners"] = project_forms.kept(bound["partners"])
    elif kind == DeliverableKind.TIMELINE:
        parts["activities"] = project_forms.kept(bound["activities"])
    return content, parts


def layout(built):
    """The step's forms in page order: dicts of name, form or formset, heading, legend."""
    parts = []
    for name, item in built.items():
        heading, legend = PARTS.get(name, ("", ""))
        parts.append(
            {
                "name": name,
                "item": item,
                "is_formset": isinstance(item, forms.BaseFormSet),
                "heading": heading,
                "legend": legend,
            }
        )
    return parts
