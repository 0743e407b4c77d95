"""A registry of page panels: how a lower page shows what a higher domain holds without
importing it (as Wagtail's hooks do for the admin).

A course page shows its upcoming workshops and related case studies, but ``courses`` sits
below ``workshops`` and ``library`` and may not import them. So the page's template names a
slot, ``{% panels "course_page" page %}`` (``{% load capacity_panels %}``), and each higher
domain registers what goes there, once, when the app is ready::

    register_panel(
        "course_page",
        "capacity_lms/workshops/includes/course_workshops.html",
        context=lambda page, request: {"workshops": upcoming_workshops(page)},
        order=10,
    )

A slot need not be a page's: the site's navigation renders ``{% panels "member_navigation"
None %}`` for a signed-in person, where a domain adds a link that only some people get.

The panels render in ``order`` (then by name), each with the page's template context plus
``page`` and what its ``context`` callable returns; a callable that returns None leaves its
panel out. Registering the same ``name`` (by default the template) again replaces the panel.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import format_html_join


@dataclass(frozen=True)
class Panel:
    slot: str
    template_name: str
    context: Callable | None = None
    order: int = 100
    name: str = ""


_registry: dict[str, dict[str, Panel]] = {}


def register_panel(slot, template_name, context=None, order=100, name=None):
    """Show ``template_name`` in ``slot``; ``context(page, request)`` adds to its context."""
    panel = Panel(slot, template_name, context, order, name or template_name)
    _registry.setdefault(slot, {})[panel.name] = panel
    return panel


def unregister_panel(slot, name):
    _registry.get(slot, {}).pop(name, None)


def panels_for(slot):
    """The panels registered in ``slot``, in the order they render."""
    return sorted(_registry.get(slot, {}).values(), key=lambda panel: (panel.order, panel.name))


def render_panels(slot, page, context):
    """Every panel of ``slot`` for ``page``, rendered within the template ``context``."""
    request = context.get("request")
    engine = context.template.engine
    parts = []
    for panel in panels_for(slot):
        extra = panel.context(page, request) if panel.context else {}
        if extra is None:
            continue
        with context.push(page=page, **extra):
            parts.append(engine.get_template(panel.template_name).render(context))
    # Each part is a rendered template (safe): joined as it is, escaped nowhere again.
    return format_html_join("", "{}", ((part,) for part in parts))
