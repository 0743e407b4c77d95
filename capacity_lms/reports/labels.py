"""Names for the keys of a cross table, in the reader's language; one query a dimension."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from capacity_lms.calls.pages import CallPage
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import (
    CapacityArea,
    Country,
    Region,
    SpecializedGroup,
    StrategicAxis,
)
from courses.models import CoursePage

TAXONOMY = {
    "country": Country,
    "group": SpecializedGroup,
    "axis": StrategicAxis,
    "region": Region,
    "area": CapacityArea,
}
CHOICES = {
    "kind": Association.Kind,
    "status": Association.VerificationStatus,
}


def labels_for(dimension, keys, period="quarter"):
    """``{key: label}`` for ``keys`` of ``dimension``; a missing key reads "Not stated"."""
    keys = [key for key in keys if key is not None]
    labels = {None: _("Not stated")}
    if dimension in TAXONOMY:
        rows = TAXONOMY[dimension].objects.filter(code__in=keys)
        labels.update({row.code: row.name for row in rows})
    elif dimension in CHOICES:
        labels.update({key: str(label) for key, label in CHOICES[dimension].choices})
    elif dimension == "association":
        labels.update(association_labels(keys))
    elif dimension == "place":
        labels.update(place_labels(keys))
    elif dimension == "course":
        labels.update(course_titles(CoursePage.objects.filter(translation_key__in=keys)))
    elif dimension == "call":
        labels.update(course_titles(CallPage.objects.filter(translation_key__in=keys)))
    elif dimension == "period":
        labels.update({key: period_label(key, period) for key in keys})
    return {key: labels.get(key, str(key)) for key in [*keys, None]}


def association_labels(keys):
    """Verified associations by name; the others by number only, so that a report or its
    download never names an association the directory does not show."""
    labels = {}
    for pk, name, status in Association.objects.filter(pk__in=keys).values_list(
        "pk", "name", "verification_status"
    ):
        if status == Association.VerificationStatus.VERIFIED:
            labels[pk] = name
        else:
            labels[pk] = _("Association not verified (no. %(number)s)") % {"number": pk}
    return labels


def place_labels(keys):
    """``country:<code>`` as the country's name, ``region:<code>`` as the region's."""
    codes = {"country": set(), "region": set()}
    for key in keys:
        kind, _colon, code = key.partition(":")
        if kind in codes:
            codes[kind].add(code)
    countries = {row.code: row.name for row in Country.objects.filter(code__in=codes["country"])}
    regions = {row.code: row.name for row in Region.objects.filter(code__in=codes["region"])}
    labels = {}
    for key in keys:
        kind, _colon, code = key.partition(":")
        if kind == "country" and code in countries:
            labels[key] = countries[code]
        elif kind == "region" and code in regions:
            labels[key] = _("%(region)s (Morocco)") % {"region": regions[code]}
    return labels


def course_titles(courses):
    """``{translation key: title}`` of ``courses`` (pages: courses, calls), in the reader's
    language when the page has that translation, else in any of its languages."""
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
