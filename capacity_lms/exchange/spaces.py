"""Finding a space by what it names, and saving it when the first act needs its row.

A space's URL names its kind and its target (an axis, a region, a workshop, a module's
translation key, a partnership, a funded project): ``/exchange/workshop/12/``. Until someone
starts a thread or follows it, the space has no row; its page shows it empty, and access is
checked on it all the same (``exchange/access.py``).
"""

import uuid

from django.db.models import Count, Max, Q

from capacity_lms.exchange.models import TARGET_FIELDS, Space
from capacity_lms.exchange.people_models import SpaceRemoval
from capacity_lms.taxonomy.models import Region, StrategicAxis
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage


def space_for(kind, key):
    """The space of ``kind`` naming ``key`` (saved or not), or None when there is no such
    target."""
    field = TARGET_FIELDS.get(kind)
    if field is None:
        return None
    # The row each kind's target is (a module is named by its translation key, not a row).
    model = Space._meta.get_field(field).related_model
    if model is None:
        try:
            course_key = uuid.UUID(str(key))
        except ValueError:
            return None
        if not CoursePage.objects.filter(translation_key=course_key).live().exists():
            return None
        found = Space.objects.filter(kind=kind, course_key=course_key).first()
        return found or Space(kind=kind, course_key=course_key)
    if not str(key).isdigit():
        return None
    target = model._default_manager.filter(pk=int(key)).first()
    if target is None:
        return None
    found = Space.objects.filter(kind=kind, **{field: target}).select_related(field).first()
    return found or Space(kind=kind, **{field: target})


def listed_spaces(user):
    """The spaces ``user`` is offered on the spaces' page, saved or not, in a fixed number of
    queries: every topic space, and the cohort and private spaces of what the person takes
    part in (for those who see everything, the spaces that have a row; for a signed-out
    visitor, the public topic spaces)."""
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
        rows = []
        workshops = Workshop.objects.filter(
            Q(pk__in=access.registrations(user).values("workshop"))
            | Q(pk__in=user.trained_workshops.values("pk"))
        )
        wanted += [Space(kind=Space.Kind.WORKSHOP, workshop=item) for item in workshops]
        keys = {row["translation_key"] for row in access.course_keys(user)}
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
