"""What a step holds besides the project's own structures, and the bounds on it.

The needs analysis, the stakeholder map, the risk table and the free text are rows and text
kept with the deliverable (``Deliverable.content``), in these shapes; the logical framework,
budget, timeline and partners are the project's rows (``capacity_lms.projects``), written
through the same functions an application uses. Every list and text is bounded: a form or a
crafted POST past them is refused whole, with a message, and nothing is written.
"""

from django.utils.translation import gettext as _

from capacity_lms.projects.deliverables import LEVELS, DeliverableKind

MAX_ROWS = 50
MAX_TEXT = 5000
LEVEL_CODES = tuple(code for code, _label in LEVELS)

# For each kind: its texts, and its row lists with each row's fields (a field listed in
# LEVEL_FIELDS takes a level code).
SHAPES = {
    DeliverableKind.NEEDS_ANALYSIS: {
        "texts": ("problem", "target_groups"),
        "rows": {"causes": ("text",), "effects": ("text",)},
    },
    DeliverableKind.STAKEHOLDERS: {
        "texts": (),
        "rows": {"stakeholders": ("name", "role", "interest", "influence")},
    },
    DeliverableKind.RISKS: {
        "texts": (),
        "rows": {"risks": ("risk", "likelihood", "impact", "mitigation")},
    },
    DeliverableKind.TEXT: {"texts": ("text",), "rows": {}},
    DeliverableKind.FILE: {"texts": ("note",), "rows": {}},
    DeliverableKind.LOGFRAME: {"texts": (), "rows": {}},
    DeliverableKind.BUDGET: {"texts": (), "rows": {}},
    DeliverableKind.TIMELINE: {"texts": (), "rows": {}},
}
LEVEL_FIELDS = ("interest", "influence", "likelihood", "impact")


def empty(kind):
    shape = SHAPES[kind]
    return {
        **dict.fromkeys(shape["texts"], ""),
        **{name: [] for name in shape["rows"]},
    }


def content_problems(kind, content):
    """Why ``content`` cannot be kept for a step of ``kind``; empty when it can."""
    shape = SHAPES.get(kind)
    if shape is None or not isinstance(content, dict):
        return [_("This step cannot be saved. Reload the page.")]
    problems = []
    allowed = set(shape["texts"]) | set(shape["rows"])
    if set(content) - allowed:
        problems.append(_("This step cannot be saved. Reload the page."))
    for name in shape["texts"]:
        value = content.get(name, "")
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            problems.append(
                _("Each text may have at most %(limit)s characters.") % {"limit": MAX_TEXT}
            )
    for name, fields in shape["rows"].items():
        rows = content.get(name, [])
        if not isinstance(rows, list) or len(rows) > MAX_ROWS:
            problems.append(_("At most %(limit)s rows per table.") % {"limit": MAX_ROWS})
            continue
        for row in rows:
            if not isinstance(row, dict) or set(row) - set(fields):
                problems.append(_("This step cannot be saved. Reload the page."))
                break
            for field in fields:
                value = row.get(field, "")
                if not isinstance(value, str) or len(value) > MAX_TEXT:
                    problems.append(
                        _("Each text may have at most %(limit)s characters.") % {"limit": MAX_TEXT}
                    )
                elif field in LEVEL_FIELDS and value not in LEVEL_CODES:
                    problems.append(_("Choose low, medium or high."))
    return list(dict.fromkeys(problems))


def normalised(kind, content):
    """``content`` in its kind's shape: every text stripped, empty rows left out."""
    shape = SHAPES[kind]
    result = {name: content.get(name, "").strip() for name in shape["texts"]}
    for name, fields in shape["rows"].items():
        rows = [
            {field: row.get(field, "").strip() for field in fields}
            for row in content.get(name, [])
        ]
        result[name] = [
            row for row in rows if any(row[field] for field in fields if field not in LEVEL_FIELDS)
        ]
    return result


def is_blank(kind, content):
    shape = SHAPES[kind]
    return not any(content.get(name) for name in (*shape["texts"], *shape["rows"]))
