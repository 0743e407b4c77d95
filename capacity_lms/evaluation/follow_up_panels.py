"""What the evaluation's learning-gain, follow-up and timeline parts show on other domains'
pages (core.panels):

- My learning (``my_learning``): the reader's own learning gains and the follow-ups waiting
  for their answer;
- a module's page (``course_page``): its mean learning gain, for its trainers and programme
  staff, once enough learners are measured that no one's gain can be read from it;
- each association of My associations (``my_association``): the way to its timeline.

Importing :mod:`~capacity_lms.evaluation.gain` here (when the app is ready) also connects its
receiver of ``quiz_submitted``.
"""

from django.urls import reverse

from capacity_lms.core.panels import register_panel
from capacity_lms.evaluation import gain
from capacity_lms.evaluation.follow_ups import waiting_follow_ups

TEMPLATES = "capacity_lms/evaluation/follow_ups/"


def my_learning(page, request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return None
    gains = [(row, gain.signed_points(row.gain)) for row in gain.learner_gains(user)]
    follow_ups = list(waiting_follow_ups(user))
    if not gains and not follow_ups:
        return None
    return {"learning_gains": gains, "waiting_follow_ups": follow_ups}


def course_gain(page, request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return None
    if not (user.has_perm(gain.STAFF_PERMISSION) or page.trainers.filter(pk=user.pk).exists()):
        return None
    mean, learners = gain.module_gain(page)
    if not learners:
        return None
    return {
        "gain_mean": gain.signed_points(mean) if learners >= gain.SHOWN_FROM else None,
        "gain_learners": learners,
        "gain_shown_from": gain.SHOWN_FROM,
    }


def association_timeline(membership, request):
    return {
        "timeline_url": reverse(
            "capacity_lms:association_timeline", args=[membership.association_id]
        )
    }


def register():
    """Register this part's panels (called once, when the app is ready)."""
    register_panel("my_learning", TEMPLATES + "my_learning.html", context=my_learning, order=50)
    register_panel("course_page", TEMPLATES + "course_gain.html", context=course_gain, order=90)
    register_panel(
        "my_association",
        "capacity_lms/evaluation/timeline/link.html",
        context=association_timeline,
        order=90,
    )
