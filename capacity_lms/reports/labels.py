"""Names for the keys of a cross table, in the reader's language; one query a dimension."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from courses.models import CoursePage

TAXONOMY = {"country": Country, "group": SpecializedGroup, "axis": StrategicAxis}


def labels_for(dimension, keys, period="quarter"):
    """``{key: label}`` for ``keys`` of ``dimension``; a missing key reads "Not stated"."""
    keys = [key for key in keys if key is not None]
    labels = {None: _("Not stated")}
    if dimension in TAXONOMY:
        rows = TAXONOMY[dimension].objects.filter(code__in=keys)
        labels.update({row.code: row.name for row in rows})
    elif dimension == "association":
        labels.update(Association.objects.filter(pk__in=keys).values_list("pk", "name"))
    elif dimension == "course":
        labels.update(course_titles(CoursePage.objects.filter(translation_key__in=keys)))
    elif dimension == "period":
        labels.update({key: period_label(key, period) for key in keys})
    return {key: labels.get(key, str(key)) for key in [*keys, None]}


def course_titles(courses):
    """``{translation key: title}`` of ``courses`` (pages), in the reader's language when the
    course has that translation, else in any of its languages."""
    language = translation.get_language()
    titles = {}
    for key, title, code in courses.values_list(
        "translation_key", "title", "locale__language_code"
    ):
        if key not in titles or code == language:
            titles[key] = title
    return titles


def period_label(moment, period):
    if period == "year":
        return str(moment.year)
    if period == "quarter":
        return _("%(year)s, quarter %(quarter)s") % {
            "year": moment.year,
            "quarter": (moment.month - 1) // 3 + 1,
        }
    return date_format(moment, "YEAR_MONTH_FORMAT")
