"""How the workbook names a step's parts, and shows a version's snapshot read-only (the
step page once submitted, the review page, the PDF)."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.projects.budget import BudgetCategory
from capacity_lms.projects.models import ProjectPartner

LABELS = {
    "problem": _("The core problem"),
    "target_groups": _("Target groups"),
    "causes": _("Causes"),
    "effects": _("Effects"),
    "text": _("Your text"),
    "note": _("Note"),
    "stakeholders": _("Stakeholders"),
    "name": _("Stakeholder"),
    "role": _("Role or expectation"),
    "interest": _("Interest"),
    "influence": _("Influence"),
    "risks": _("Risks"),
    "risk": _("Risk"),
    "likelihood": _("Likelihood"),
    "impact": _("Impact"),
    "mitigation": _("What reduces it"),
}
ROW_LABELS = {("causes", "text"): _("Cause"), ("effects", "text"): _("Effect")}

# How the step page names each part: (heading, legend of one row).
PARTS = {
    "sections": (_("Overall objective"), ""),
    "causes": (_("Causes"), _("Cause")),
    "effects": (_("Effects"), _("Effect")),
    "stakeholders": (_("Stakeholders"), _("Stakeholder")),
    "risks": (_("Risks"), _("Risk")),
    "partners": (_("Partners"), _("Partner")),
    "objectives": (_("Specific objectives"), _("Specific objective")),
    "results": (_("Expected results"), _("Expected result")),
    "activities": (_("Activities and timeline"), _("Activity")),
    "indicators": (_("Indicators"), _("Indicator")),
    "assumptions": (_("Assumptions"), _("Assumption")),
    "funding": (_("Funding"), ""),
    "currency": (_("Currency of the project"), ""),
    "lines": (_("Budget lines"), _("Budget line")),
    "funders": (_("Other funders"), _("Other funder")),
    "files": (_("Files"), ""),
}
SECTION_LABELS = {
    "context": _("The core problem"),
    "target_groups": _("Target groups"),
    "overall_objective": _("Overall objective"),
}


def section_label(name):
    heading = PARTS.get(name, ("", ""))[0]
    return heading or LABELS.get(name, name)


# A snapshot's sections, for telling two saves apart: the step's own texts and tables, the
# project's texts, the project's parts (rows), the files; in the order the page shows them.
SNAPSHOT_PARTS = ("content", "sections", "part", "files")
PART_LABELS = {
    "logframe": _("Logical framework"),
    "activities": PARTS["activities"][0],
    "budget": _("Budget"),
    "partners": PARTS["partners"][0],
}


def snapshot_sections(snapshot):
    """{"kind:name": value} for each section of a version's snapshot
    (``project_parts.snapshot``)."""
    project = snapshot.get("project", {})
    found = {f"content:{name}": value for name, value in snapshot.get("content", {}).items()}
    found |= {f"sections:{name}": text for name, text in project.get("sections", {}).items()}
    found |= {f"part:{name}": value for name, value in project.items() if name != "sections"}
    if "files" in snapshot:
        found["files:"] = snapshot["files"]
    return found


def section_order(key):
    kind, _sep, name = key.partition(":")
    return SNAPSHOT_PARTS.index(kind), name


def sections_named(keys):
    """The labels of ``snapshot_sections`` keys, as the page names them."""
    labels = []
    for key in keys:
        kind, _sep, name = key.partition(":")
        if kind == "content":
            labels.append(section_label(name))
        elif kind == "sections":
            labels.append(SECTION_LABELS.get(name, name))
        elif kind == "part":
            labels.append(PART_LABELS.get(name, name))
        else:
            labels.append(PARTS["files"][0])
    return list(dict.fromkeys(str(label) for label in labels))  # a text kept twice, named once


def _table(heading, columns, rows):
    return {"heading": heading, "columns": columns, "rows": rows}


def shown_parts(snapshot):
    """A version's snapshot as a page shows it: dicts with a heading and either a ``text``
    or ``rows`` under ``columns``, in the step's order."""
    parts = []
    for name, value in snapshot.get("content", {}).items():
        if isinstance(value, list):
            columns = list(value[0]) if value else []
            parts.append(
                _table(
                    section_label(name),
                    [LABELS.get(column, column) for column in columns],
                    [[row.get(column, "") for column in columns] for row in value],
                )
            )
        else:
            parts.append({"heading": LABELS.get(name, name), "text": value, "rows": None})
    parts += shown_project(snapshot.get("project", {}))
    if snapshot.get("files"):
        parts.append(
            _table(
                _("Files"),
                [_("File"), _("Size in bytes")],
                [[row["name"], row["size"]] for row in snapshot["files"]],
            )
        )
    return parts


def _activity_rows(logframe):
    return [
        [
            objective["number"],
            result["number"],
            activity["text"],
            activity["starts_on"] or "",
            activity["ends_on"] or "",
        ]
        for objective in logframe.get("specific_objectives", [])
        for result in objective["results"]
        for activity in result["activities"]
    ]


def shown_project(project):
    """The project's parts of a snapshot (``project_parts.snapshot``), as :func:`shown_parts`."""
    shown = [
        {"heading": SECTION_LABELS.get(name, name), "text": text, "rows": None}
        for name, text in project.get("sections", {}).items()
    ]
    logframe = project.get("logframe")
    if logframe is not None:
        shown.append(
            _table(
                _("Objectives and results"),
                [_("Specific objective"), _("Expected result")],
                [
                    [
                        f"{objective['number']}. {objective['text']}",
                        f"{result['number']}. {result['text']}",
                    ]
                    for objective in logframe["specific_objectives"]
                    for result in objective["results"] or [{"number": "", "text": ""}]
                ],
            )
        )
        shown.append(
            _table(
                _("Indicators"),
                [_("Indicator"), _("Unit"), _("Baseline"), _("Target"), _("Source")],
                [
                    [
                        row["text"],
                        row["unit"],
                        row["baseline"] or "",
                        row["target"] or "",
                        row["source"],
                    ]
                    for row in logframe["indicators"]
                ],
            )
        )
        shown.append(
            _table(
                _("Assumptions"), [_("Assumption")], [[text] for text in logframe["assumptions"]]
            )
        )
    if logframe is not None or "activities" in project:
        source = logframe if logframe is not None else project["activities"]
        shown.append(
            _table(
                _("Activities and timeline"),
                [_("Objective"), _("Result"), _("Activity"), _("Starts"), _("Ends")],
                _activity_rows(source),
            )
        )
    budget = project.get("budget")
    if budget is not None:
        categories = dict(BudgetCategory.choices)
        shown.append(
            _table(
                _("Budget lines"),
                [_("Category"), _("Description"), _("Quantity"), _("Unit cost"), _("Amount")],
                [
                    [
                        categories.get(line["category"], line["category"]),
                        line["description"],
                        line["quantity"],
                        f"{line['unit_cost']} {line['currency']}",
                        f"{line['amount']} {line['currency']}",
                    ]
                    for line in budget["lines"]
                ],
            )
        )
        shown.append(
            _table(
                _("Funding"),
                [
                    _("Total cost"),
                    _("Amount requested"),
                    _("Own contribution"),
                    _("Other funders"),
                ],
                [
                    [
                        f"{budget['total_cost']} {budget['currency']}",
                        budget["requested"],
                        budget["own_contribution"],
                        budget["others_total"],
                    ]
                ],
            )
        )
    partners = project.get("partners")
    if partners is not None:
        kinds = dict(ProjectPartner.Kind.choices)
        shown.append(
            _table(
                _("Partners"),
                [_("Kind"), _("Name"), _("Role in the project")],
                [
                    [kinds.get(row["kind"], row["kind"]), row["name"], row["role"]]
                    for row in partners
                ],
            )
        )
    return shown
