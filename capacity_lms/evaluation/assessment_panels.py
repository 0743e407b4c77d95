"""What the self-assessment shows on other domains' pages (core.panels): on My associations,
each association's links to its capacity profile (and, for its admins, the questionnaire); on
My learning, the modules recommended for the reader's associations."""

from capacity_lms.core.panels import register_panel
from capacity_lms.evaluation.recommendations import profile_of, recommended_modules
from capacity_lms.people.models import Membership

# My learning shows the recommendations of this many of the reader's associations at most.
ASSOCIATIONS_SHOWN = 3


def _membership_links(membership, request):
    if membership is None or membership.association.merged_into_id is not None:
        return None
    return {
        "association": membership.association,
        "is_admin": membership.role == Membership.Role.LEADER,
    }


def _recommendations(page, request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    found = []
    memberships = (
        Membership.objects.filter(user=user, association__merged_into__isnull=True)
        .select_related("association")
        .order_by("association__name")[:ASSOCIATIONS_SHOWN]
    )
    for membership in memberships:
        association = membership.association
        profile = profile_of(association)
        modules = recommended_modules(profile, association=association, user=user)
        if modules:
            found.append((association, profile, modules))
    return {"recommendations": found} if found else None


def register():
    register_panel(
        "my_association",
        "capacity_lms/evaluation/assessment/includes/association_links.html",
        context=_membership_links,
        order=10,
    )
    register_panel(
        "my_learning",
        "capacity_lms/evaluation/assessment/includes/recommended.html",
        context=_recommendations,
        order=10,
    )
