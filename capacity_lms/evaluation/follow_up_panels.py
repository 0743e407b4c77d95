"""What the evaluation's learning-gain, follow-up and timeline parts show on other domains'
pages (core.panels):

- My learning (``my_learning``): the reader's own learning gains, the follow-ups waiting for
  their answer and, for a trainer, the mean gain of each module they train, once enough
  learners are measured that no one's gain can be read from it (staff read every module's in
  the programme reports);
- each association of My associations (``my_association``): the way to its timeline.

Importing :mod:`~capacity_lms.evaluation.gain` here (when the app is ready) also connects its
receiver of ``quiz_submitted``.
"""

from django.urls import reverse

from capacity_lms.core.panels import register_panel
from capacity_lms.core.written_language import prefetch_written_languages
from capacity_lms.evaluation import gain
from capacity_lms.evaluation.follow_ups import waiting_follow_ups

TEMPLATES = "capacity_lms/evaluation/follow_ups/"


def my_learning(page, request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return None
    gains = list(gain.learner_gains(user))
    trained = list(gain.trained_module_gains(user))
    follow_ups = list(waiting_follow_ups(user))
    if not (gains or trained or follow_ups):
        return None
    prefetch_written_languages([row.course for row in gains] + trained, "title")
    return {
        "learning_gains": [(row, gain.signed_points(row.gain)) for row in gains],
        "trained_gains": [
            (
                module,
                gain.signed_points(module.gain_mean)
                if module.gain_learners >= gain.SHOWN_FROM
                else None,
            )
            for module in trained
        ],
        "gain_shown_from": gain.SHOWN_FROM,
        "waiting_follow_ups": follow_ups,
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
    register_panel(
        "my_association",
        "capacity_lms/evaluation/timeline/link.html",
        context=association_timeline,
        order=90,
    )
