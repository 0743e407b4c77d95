"""Who works on, and who reviews, which workbook. Every question answered here fails closed:
nobody is a member, a learner or a trainer by default.

- An association's workbook for a module is worked on by its members (any role) who are
  enrolled, not withdrawn, in any language version of the module. Leaving the association, or
  withdrawing, ends the access at once; what they wrote stays, with their name.
- A module's submitted work is reviewed by the trainers of any of its language versions, and
  read by programme staff holding the "view deliverable" permission. Nobody else sees it: not
  another association's members, not another module's trainers.
"""

from capacity_lms.people.models import Association
from capacity_lms.workbook.models import Deliverable, Workbook
from courses.models import CoursePage, Enrolment

VIEW_ALL = "capacity_lms.view_deliverable"


def signed_in(user):
    return user is not None and user.is_authenticated and user.is_active


def enrolled_course_keys(user):
    enrolled = Enrolment.objects.filter(user=user).active()
    return CoursePage.objects.filter(pk__in=enrolled.values("course")).values("translation_key")


def working_associations(user, course_key):
    """The associations ``user`` works for in the module ``course_key``: a member of each, and
    enrolled in a version of the module. Empty for anybody else."""
    if not signed_in(user):
        return Association.objects.none()
    if (
        not Enrolment.objects.filter(user=user, course__translation_key=course_key)
        .active()
        .exists()
    ):
        return Association.objects.none()
    return Association.objects.filter(memberships__user=user).order_by("name", "pk")


def workable_workbooks(user):
    """Every workbook ``user`` may work on now."""
    if not signed_in(user):
        return Workbook.objects.none()
    return Workbook.objects.filter(
        association__memberships__user=user, course_key__in=enrolled_course_keys(user)
    )


def trained_course_keys(user):
    return CoursePage.objects.filter(trainers=user).values("translation_key")


def sees_every_workbook(user):
    return signed_in(user) and user.has_perm(VIEW_ALL)


def reviews_course(user, course_key):
    return (
        signed_in(user)
        and CoursePage.objects.filter(translation_key=course_key, trainers=user).exists()
    )


def reviewable_deliverables(user):
    """The deliverables ``user`` reviews: those of the modules they train (any version)."""
    if not signed_in(user):
        return Deliverable.objects.none()
    return Deliverable.objects.filter(workbook__course_key__in=trained_course_keys(user))


def readable_deliverables(user):
    """What ``user`` may read, as a reviewer or a member: their reviews, their associations'
    work, everything for staff allowed to."""
    if not signed_in(user):
        return Deliverable.objects.none()
    if sees_every_workbook(user):
        return Deliverable.objects.all()
    return Deliverable.objects.filter(
        workbook__in=workable_workbooks(user)
    ) | reviewable_deliverables(user)


def may_review(user, deliverable):
    return reviews_course(user, deliverable.workbook.course_key)


def accepted_workbooks(association):
    """``association``'s workbooks with work the trainers accepted: what an application to a
    call may start from."""
    return Workbook.objects.filter(
        association=association, deliverables__status=Deliverable.Status.ACCEPTED
    ).distinct()
