"""What the evaluation's reaction part shows on other domains' pages (core.panels): on My
learning, the person's reaction forms open and not answered yet."""

from capacity_lms.core import clock
from capacity_lms.core.panels import register_panel


def open_requests(page, request):
    """The viewer's open, unanswered reaction requests (one query), or None without any."""
    from capacity_lms.evaluation.models import ReactionRequest

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    now = clock.now()
    requests = list(
        ReactionRequest.objects.filter(
            user=user, opens_at__lte=now, closes_at__gt=now, reaction__isnull=True
        )
        .select_related("session__workshop", "course__locale")
        .order_by("closes_at", "pk")
    )
    return {"reaction_requests": requests} if requests else None


def register():
    """Register this part's panels, and connect its receivers (called once, when the app is
    ready)."""
    from capacity_lms.evaluation import reaction_receivers  # noqa: F401  (asks for reactions)

    register_panel(
        "my_learning_top",
        "capacity_lms/evaluation/reactions/includes/my_learning.html",
        context=open_requests,
        order=20,
    )
