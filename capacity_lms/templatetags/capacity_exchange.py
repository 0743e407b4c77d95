"""Template filters of the exchange spaces (``capacity_lms/exchange/``)."""

from django import template
from django.utils.translation import gettext as _

from capacity_lms.core.names import short_name

register = template.Library()


@register.filter
def author_name(user):
    """How a post's or a thread's author is named to its readers: first name and initial;
    "a member" for an account without a name, "a former member" for none."""
    if user is None:
        return _("a former member")
    return short_name(user) or _("a member")


@register.filter
def page_numbers(items):
    """The page numbers a pagination shows around ``items`` (a Django ``Page``): the first and
    the last, two each side of the current one, and ``Paginator.ELLIPSIS`` for each gap; a
    few numbers whatever the number of pages (never a loop over all of them)."""
    return items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)
