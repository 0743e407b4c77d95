"""How a person is named on rosters, exports, imports' reports and feeds: the full name an
account gives, else its username (what Django's ``AbstractUser`` has; a host's custom user model
needs ``get_full_name`` and ``get_username``)."""


def person_name(user):
    """The name of ``user`` as people read it; "" for no user (an erased or deleted account)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
