"""How a person is named on rosters, exports, imports' reports and feeds: the full name an
account gives, else its username (what Django's ``AbstractUser`` has; a host's custom user model
needs ``get_full_name`` and ``get_username``)."""


def person_name(user):
    """The name of ``user`` as people read it; "" for no user (an erased or deleted account)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def short_name(user):
    """How ``user`` is named where many people read them (the exchange spaces): the first name
    and the initial of the last, never the username (a host's may be an e-mail address) nor
    the whole name, which may be an association's contact person's (kept to the programme);
    "" when the account gives no name."""
    if user is None:
        return ""
    first = (getattr(user, "first_name", "") or "").strip()
    last = (getattr(user, "last_name", "") or "").strip()
    if not first:
        return ""
    return f"{first} {last[0]}." if last else first
