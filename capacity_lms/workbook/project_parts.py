"""What each kind of step writes of the association's project, and what a version keeps of it.

The structures are the base layer's (``capacity_lms.projects``), checked and written by the
same functions an application to a call uses: one definition for both. ``parts`` is what the
step's forms gave (``forms.posted``): ``sections`` (the project's texts the step writes),
``logframe`` (the five formsets' rows), ``budget`` (funding, lines, other funders),
``partners``, or ``activities`` (the timeline: the logical framework's activities only).
The writes themselves are the workbook's actions' (``actions.write_parts``).
"""

from django.utils.translation import gettext as _

from capacity_lms.projects import budget, readout, writing
from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.projects.forms import ROWS, logframe_rows

# The project's text fields each kind may write.
SECTIONS = {
    DeliverableKind.NEEDS_ANALYSIS: ("context", "target_groups"),
    DeliverableKind.LOGFRAME: ("overall_objective",),
}
# The project's rows each kind writes.
ROW_PARTS = {
    DeliverableKind.LOGFRAME: "logframe",
    DeliverableKind.BUDGET: "budget",
    DeliverableKind.STAKEHOLDERS: "partners",
    DeliverableKind.TIMELINE: "activities",
}
MAX_SECTION = 5000


def budget_lines(rows):
    return [budget.BudgetLine(**row) for row in rows]


def logframe_arguments(rows):
    """``replace_logframe``'s arguments from the five formsets' kept rows."""
    return {
        "objectives": [row["text"] for row in rows["objectives"]],
        "results": [(row["objective"], row["text"]) for row in rows["results"]],
        "activities": [
            (row["result"], row["text"], row["starts_on"], row["ends_on"])
            for row in rows["activities"]
        ],
        "indicators": rows["indicators"],
        "assumptions": [row["text"] for row in rows["assumptions"]],
    }


def with_activities(project, activities):
    """The project's logical framework rows with its activities replaced (the timeline)."""
    if project is None:
        rows = {name: [] for name in ("objectives", "results", "indicators", "assumptions")}
    else:
        rows = logframe_rows(project)
    return {**rows, "activities": activities}


def part_problems(kind, parts, project=None):
    """Why ``parts`` cannot be written for a step of ``kind``: messages, empty when none."""
    problems = []
    sections = parts.get("sections", {})
    expected = ROW_PARTS.get(kind)
    if set(sections) - set(SECTIONS.get(kind, ())) or set(parts) - {"sections", expected}:
        return [_("This step cannot be saved. Reload the page.")]
    if any(not isinstance(text, str) or len(text) > MAX_SECTION for text in sections.values()):
        problems.append(
            _("Each text may have at most %(limit)s characters.") % {"limit": MAX_SECTION}
        )
    if "logframe" in parts or "activities" in parts:
        if "logframe" in parts:
            rows = parts["logframe"]
        else:
            rows = with_activities(project, parts["activities"])
        if any(len(value) > ROWS for value in rows.values()):
            problems.append(_("At most %(limit)s rows per table.") % {"limit": ROWS})
        else:
            arguments = logframe_arguments(rows)
            problems += writing.logframe_problems(
                arguments["objectives"],
                arguments["results"],
                arguments["activities"],
                arguments["indicators"],
            )
    if "budget" in parts:
        entered = parts["budget"]
        currency = entered.get("currency", "")
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            problems.append(_("Give a three-letter currency code, e.g. EUR or MAD."))
        problems += writing.budget_entry_problems(
            budget_lines(entered["lines"]),
            entered["funding"]["requested_amount"],
            entered["funding"]["own_contribution"],
            [(row["name"], row["amount"]) for row in entered["funders"]],
        )
    if len(parts.get("partners", ())) > ROWS:
        problems.append(_("At most %(limit)s rows per table.") % {"limit": ROWS})
    return problems


def snapshot(deliverable):
    """What a version keeps: the step's own content and the project's parts it covers, as
    plain data, so that a later change of the project leaves the version as it was."""
    project = deliverable.workbook.project
    kind = deliverable.kind
    kept = {"sections": {name: getattr(project, name) for name in SECTIONS.get(kind, ())}}
    part = ROW_PARTS.get(kind)
    if part == "logframe":
        kept["logframe"] = readout.logframe(project)
    elif part == "activities":
        kept["activities"] = {
            "specific_objectives": readout.logframe(project)["specific_objectives"]
        }
    elif part == "budget":
        result = readout.compute_budget(project, project.currency, {})
        kept["budget"] = readout.budget_figures(result, budget.check(result))
    elif part == "partners":
        kept["partners"] = [
            {"kind": row.kind, "name": str(row), "role": row.role}
            for row in project.partners.all()
        ]
    files = [{"name": row.original_name, "size": row.size} for row in deliverable.files.all()]
    return {"content": deliverable.content, "project": kept, "files": files}
