"""Every state change reached from a view, an admin view, a command or a task is an action's.

The scan reads (with ``ast``, importing nothing) every module of ``capacity_lms/`` and
``courses/`` that views, admin views and viewsets, management commands, tasks and hooks are
written in, that is every module but:

- migrations;
- models (``models.py`` and ``models/`` packages): ``save()`` and ``delete()`` keep their own
  row consistent, and querysets' methods are read by actions;
- the privacy registries (``privacy.py`` of each domain, ``privacy/registry.py``,
  ``privacy/known_apps.py``): they say how the erasure (an action) treats each model;
- actions modules: a module that defines a class deriving from ``core``'s ``BaseAction``; its
  module-level helpers are the actions' own steps (``fill_free_seats``, ``series_changed``).

In what remains, a call of ``.save(``, ``.create(``, ``.update(``, ``.delete(``,
``bulk_create``, ``bulk_update``, ``get_or_create`` or ``update_or_create`` outside a class
deriving from ``BaseAction`` is a direct write; each must be listed in :data:`ALLOWED` with its
reason (a log row, a rate-limit counter, a claim that makes a task run once), or moved into an
action. The scan cannot know types, so a dictionary's ``update`` is listed too: the reason
says so.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("capacity_lms", "courses")
WRITES = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
PRIVACY_REGISTRIES = {"privacy.py", "registry.py", "known_apps.py"}

#: ``"path:function:method"`` → why this write is not a state change an action must own.
ALLOWED = {
    "capacity_lms/core/stored_files.py:Storing.store:save": (
        "files attached to a post or a workbook step, stored by the actions that save those "
        "(StartThread, Reply, SaveStep) in their transaction"
    ),
    "capacity_lms/core/stored_files.py:Storing.discard:delete": (
        "a storage's delete: the files an action wrote before its transaction failed"
    ),
    "capacity_lms/core/stored_files.py:_file_of_deleted_row:delete": (
        "a storage's delete: the stored file of a row already deleted, once that commits"
    ),
    "capacity_lms/calls/history.py:record:create": (
        "a call's history row, written by the action that makes the change, in its transaction"
    ),
    **{
        f"capacity_lms/projects/writing.py:{function}:{write}": (
            "a project's rows replaced or copied for the domains' actions (calls' SaveDraft, "
            "ReplaceBudget, SaveLogframe; the workbook's), in the action's transaction"
        )
        for function, writes in {
            "replace_budget": ("save", "delete", "bulk_create"),
            "replace_logframe": ("delete", "bulk_create"),
            "replace_partners": ("delete", "bulk_create"),
            "copy_project": ("save", "bulk_create"),
        }.items()
        for write in writes
    },
    "capacity_lms/core/spreadsheets.py:write_xlsx:save": (
        "openpyxl's workbook saved into the response stream, not a model"
    ),
    "capacity_lms/attendance/views/roster.py:CheckInScreenView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/attendance/views/check_in.py:CheckInView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/attendance/views/check_in.py:CheckInView.post:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/attendance/views/roster.py:MeetingMixin.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/attendance/views/roster.py:RosterView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/attendance/views/meetings.py:TrainerSessionsView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/certificates/rendering.py:_store_again:delete": (
        "a duplicate file removed from storage; no row changes"
    ),
    "capacity_lms/certificates/rendering.py:_store_again:save": (
        "a file put back in storage under the name the row already holds (derived from "
        "the certificate's data); no row changes"
    ),
    "capacity_lms/certificates/rendering.py:ensure_pdf:create": (
        "a log row: the certificate's RENDERED event"
    ),
    "capacity_lms/certificates/rendering.py:ensure_pdf:delete": (
        "the losing render's own file removed from storage; no row"
    ),
    "capacity_lms/certificates/rendering.py:ensure_pdf:save": (
        "the rendered PDF written to storage: a file derived from the certificate's signed data"
    ),
    "capacity_lms/certificates/rendering.py:ensure_pdf:update": (
        "the derived PDF's name set once by a conditional update (the first of two "
        "concurrent renders wins); the certificate's state does not change"
    ),
    "capacity_lms/certificates/rendering.py:keep_open_badge:update": (
        "the derived Open Badges credential kept once by a conditional update, beside the "
        "PDF; the certificate's state does not change"
    ),
    "capacity_lms/certificates/delivery.py:notify_holder:create": (
        "a claim row (the DELIVERED event) that makes the delivery task e-mail once"
    ),
    "capacity_lms/certificates/delivery.py:notify_holder:delete": (
        "the claim released when the e-mail failed, so that a retry sends it"
    ),
    "capacity_lms/certificates/action_views.py:CertificateActionView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/checks.py:check_context_processors:update": (
        "a set's update (the template engines' context processors), not a model"
    ),
    "capacity_lms/people/roles.py:_permission:get_or_create": (
        "configuration: the roles' permissions, written by data migrations only"
    ),
    "capacity_lms/people/roles.py:grant:get_or_create": (
        "configuration: the roles' groups, written by data migrations only"
    ),
    "capacity_lms/people/roles.py:grant_permission:get_or_create": (
        "configuration: the roles' groups, written by data migrations only"
    ),
    "capacity_lms/privacy/views.py:MyDataView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/privacy/views.py:PersonalDataAdminView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/reports/engine.py:grand_total:update": (
        "a set's update (the keys a report has seen), not a model"
    ),
    "capacity_lms/reports/labels.py:labels_for:update": (
        "a dict's update (the labels of a report's keys), not a model"
    ),
    "capacity_lms/reports/views.py:ReportView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/taxonomy/loading.py:load_provinces:create": (
        "reference data: Morocco's provinces and prefectures, created once when missing by "
        "load_programme_taxonomy and data migration 0019 (idempotent)"
    ),
    "capacity_lms/taxonomy/loading.py:_ensure:get_or_create": (
        "reference data: the standard countries, regions, groups and axes, loaded by the "
        "load_programme_taxonomy command (idempotent)"
    ),
    "capacity_lms/workshops/notifications.py:_remind_once:create": (
        "a claim row (ReminderDelivery) that makes the reminder task send each reminder once"
    ),
    "capacity_lms/workshops/notifications.py:_remind_once:delete": (
        "the claim released when the e-mail failed, so that a retry sends it"
    ),
    "capacity_lms/workshops/views.py:MyCalendarView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/workshops/views.py:WorkshopDetailView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
    "capacity_lms/workshops/views.py:WorkshopListView.get_context_data:update": (
        "a dict's update (a view's template context), not a model"
    ),
}


def scanned_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            parts = relative.parts
            if "migrations" in parts or "models" in parts[:-1] or path.name == "models.py":
                continue
            if path.name in PRIVACY_REGISTRIES and (
                path.name == "privacy.py" or parts[-2] == "privacy"
            ):
                continue
            yield relative, ast.parse(path.read_text(), str(relative))


def _base_names(node):
    for base in node.bases:
        if isinstance(base, ast.Name):
            yield base.id
        elif isinstance(base, ast.Attribute):
            yield base.attr


def action_classes(modules):
    """Names of the classes that derive from ``BaseAction``, through any number of steps."""
    bases = {}
    for _path, tree in modules:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_base_names(node))
    actions = {"BaseAction"}
    grown = True
    while grown:
        grown = False
        for name, names in bases.items():
            if name not in actions and names & actions:
                actions.add(name)
                grown = True
    return actions


class _Writes(ast.NodeVisitor):
    def __init__(self, path, actions):
        self.path, self.actions, self.stack, self.found = path, actions, [], []

    def _visit_scope(self, node, is_action=False):
        self.stack.append((node.name, is_action))
        self.generic_visit(node)
        self.stack.pop()

    def visit_ClassDef(self, node):
        self._visit_scope(node, is_action=bool(set(_base_names(node)) & self.actions))

    def visit_FunctionDef(self, node):
        self._visit_scope(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node):
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITES
            and not any(is_action for _name, is_action in self.stack)
        ):
            where = ".".join(name for name, _is_action in self.stack) or "<module>"
            self.found.append(f"{self.path}:{where}:{node.func.attr}")
        self.generic_visit(node)


def direct_writes():
    modules = list(scanned_modules())
    actions = action_classes(modules)
    found = set()
    for path, tree in modules:
        defines_action = any(
            isinstance(node, ast.ClassDef) and set(_base_names(node)) & actions
            for node in ast.walk(tree)
        )
        if defines_action:
            continue
        visitor = _Writes(path.as_posix(), actions)
        visitor.visit(tree)
        found.update(visitor.found)
    return found


def test_every_direct_write_outside_actions_is_listed_with_its_reason():
    unlisted = sorted(direct_writes() - set(ALLOWED))
    assert not unlisted, (
        "Direct writes outside an action: move each into an action deriving from "
        "capacity_lms.core.actions.BaseAction, or list it in ALLOWED with its reason:\n"
        + "\n".join(unlisted)
    )


def test_the_allow_list_names_only_writes_that_exist_and_says_why():
    assert not set(ALLOWED) - direct_writes(), "listed writes that are gone: remove them"
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_scan_sees_a_write_and_spares_an_action(tmp_path):
    source = (
        "class Thing(BaseAction):\n"
        "    def execute(self):\n"
        "        Row.objects.create()\n"
        "def view(request):\n"
        "    Row.objects.filter().update(done=True)\n"
    )
    visitor = _Writes("example.py", {"BaseAction", "Thing"})
    visitor.visit(ast.parse(source))
    assert visitor.found == ["example.py:view:update"]
