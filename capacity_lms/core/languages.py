"""The language a person reads: what each domain's e-mails and documents are written in.

A person's profile names their preferred language; without one (or without a profile), the
site's ``LANGUAGE_CODE``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model


def language_of(user):
    profile = getattr(user, "capacity_profile", None)
    try:
        language = profile.preferred_language if profile else ""
    except get_user_model().capacity_profile.RelatedObjectDoesNotExist:
        language = ""
    return language or settings.LANGUAGE_CODE
