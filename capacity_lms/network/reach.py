"""Who acts for which association in the network.

An association takes part in the network once programme staff have verified it (and while it
is not merged into another). Its admins (members with ``Membership.Role.LEADER``) declare and
confirm partnerships and post offers and needs; any of its members may write to another
association through the platform.
"""

from capacity_lms.people.models import Association, Membership


def active_associations():
    """Associations that may take part in the network: verified and not merged away."""
    return Association.objects.verified().live()


def led_associations(user):
    """The verified associations ``user`` is an admin of (none when signed out)."""
    if not user.is_authenticated:
        return Association.objects.none()
    return active_associations().filter(
        memberships__user=user, memberships__role=Membership.Role.LEADER
    )


def member_associations(user):
    """The verified associations ``user`` belongs to, in any role."""
    if not user.is_authenticated:
        return Association.objects.none()
    return active_associations().filter(memberships__user=user).distinct()


def leads(user, association):
    """Whether ``user`` is an admin of ``association`` and the association is verified."""
    return association is not None and led_associations(user).filter(pk=association.pk).exists()


def belongs_to(user, association):
    """Whether ``user`` is a member (any role) of the verified ``association``."""
    return association is not None and member_associations(user).filter(pk=association.pk).exists()
