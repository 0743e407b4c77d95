"""``{% panels "slot" page %}``: whatever the domains registered for that slot of the page
(see :mod:`capacity_lms.core.panels`)."""

from django import template

from capacity_lms.core.panels import render_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot, page):
    return render_panels(slot, page, context)
