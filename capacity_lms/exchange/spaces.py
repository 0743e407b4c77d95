"""Finding a space by what it names, and saving it when the first act needs its row.

A space's URL names its kind and its target (an axis, a region, a workshop, a module's
translation key, a partnership, a funded project): ``/exchange/workshop/12/``. Until someone
starts a thread or follows it, the space has no row; its page shows it empty, and access is
checked on it all the same (``exchange/access.py``).
"""

import uuid

from django.db.models import Count, Max, Q

from capacity_lms.exchange.models import KEY_KINDS, KEY_SEPARATOR, TARGET_FIELDS, Space
from capacity_lms.exchange.people_models import SpaceRemoval
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.taxonomy.models import Region, StrategicAxis
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage


def space_for(kind, key):
    """The space of ``kind`` naming ``key`` (saved or not), or None when there is no such
    target."""
    fields = TARGET_FIELDS.get(kind)
    if fields is None:
        return None
    if kind in KEY_KINDS:
        values = _live_page_key(kind, key)
    else:
        values = _rows(fields, str(key).split(KEY_SEPARATOR))
    if values is None or (
        kind == Space.Kind.OFFER and values["association"].pk == values["offer"].association_id
    ):
        return None
    found = Space.objects.filter(kind=kind, **values).first()
    return found or Space(kind=kind, **values)


def _live_page_key(kind, key):
    """``{field: translation key}`` when a live page of the kind's model has ``key``."""
    try:
        translation_key = uuid.UUID(str(key))
    except ValueError:
        return None
    model = CaseStudyPage if kind == Space.Kind.CASE_STUDY else CoursePage
    pages = model.objects.filter(translation_key=translation_key).live()
    if kind == Space.Kind.CASE_STUDY:
        pages = pages.public()
    if not pages.exists():
        return None
    return {TARGET_FIELDS[kind][0]: translation_key}


def _rows(fields, keys):
    """``{field: row}`` for the ids ``keys`` names, one per field, when each row exists."""
    if len(keys) != len(fields) or not all(key.isdigit() and len(key) < 19 for key in keys):
        return None
    values = {}
    for field, key in zip(fields, keys, strict=True):
        model = Space._meta.get_field(field).related_model
        values[field] = model._default_manager.filter(pk=int(key)).first()
        if values[field] is None:
            return None
    return values


def listed_spaces(user):
    """The spaces ``user`` is offered on the spaces' page, saved or not, in a fixed number of
    queries: every topic space, the cohort and private spaces of what the person takes part in,
    the case studies' discussions and the offers' conversations they may read that have a row
    (for those who see everything, the spaces that have a row; for a signed-out visitor, the
    public open spaces)."""
    from capacity_lms.exchange import access

    if not access.signed_in(user):
        return list(_named_rows(access.readable_spaces(user)))
    wanted = [
        Space(kind=Space.Kind.AXIS, strategic_axis=axis) for axis in StrategicAxis.objects.all()
    ]
    wanted += [Space(kind=Space.Kind.REGION, region=region) for region in Region.objects.all()]
    if access.moderates_everywhere(user) or user.has_perm(access.MODERATE_MODULES):
        extra = access.readable_spaces(user).exclude(kind__in=Space.TOPIC_KINDS)
        rows = list(_named_rows(extra))
    else:
        # Saved discussions of case studies, and the offers' conversations one is party to.
        talks = access.readable_spaces(user).filter(
            kind__in=[Space.Kind.CASE_STUDY, Space.Kind.OFFER]
        )
        rows = list(_named_rows(talks))
        workshops = Workshop.objects.filter(
            Q(pk__in=access.registrations(user).values("workshop"))
            | Q(pk__in=user.trained_workshops.values("pk"))
        )
        wanted += [Space(kind=Space.Kind.WORKSHOP, workshop=item) for item in workshops]
        keys = {row["translation_key"] for row in access.course_keys(user)}
        keys |= {row["translation_key"] for row in access.trained_course_keys(user)}
        wanted += [Space(kind=Space.Kind.MODULE, course_key=key) for key in sorted(keys, key=str)]
        wanted += [
            Space(kind=Space.Kind.PARTNERSHIP, partnership=item)
            for item in access.partnerships(user).select_related("initiator", "partner")
        ]
        wanted += [
            Space(kind=Space.Kind.PROJECT, application=item)
            for item in access.projects(user).select_related("project")
        ]
    return _with_rows(wanted, user) + rows


def _named_rows(queryset):
    from capacity_lms.exchange.naming import with_names

    return with_names(queryset).annotate(
        thread_total=Count("threads", distinct=True), latest=Max("threads__last_post_at")
    )


def _with_rows(wanted, user):
    """``wanted`` with the saved row of each space that has one (its figures too); spaces the
    person was removed from left out."""

    condition = Q(pk__in=[])
    for space in wanted:
        condition |= Q(kind=space.kind, **space.target_filter())
    found = _named_rows(Space.objects.filter(condition))
    rows = {(row.kind, row.target_key()): row for row in found}
    removed = set(SpaceRemoval.objects.filter(user=user).values_list("space_id", flat=True))
    listed = []
    for space in wanted:
        row = rows.get((space.kind, space.target_key()))
        if row is not None and row.pk in removed:
            continue
        if row is None:
            space.thread_total, space.latest = 0, None
            listed.append(space)
        else:
            listed.append(row)
    return listed
