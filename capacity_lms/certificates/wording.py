"""What a certificate says, as issued: the holder's names, the subject's titles and hours in
the certificate's languages, and the signed, unsaved certificate built from them."""

from decimal import Decimal

from django.contrib.auth import get_user_model

from capacity_lms.certificates.models import Certificate, Layout, expiry_date, subject_key
from capacity_lms.certificates.signing import sign
from capacity_lms.core import clock
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage


def holder_names(user, languages):
    latin = user.get_full_name().strip() or user.get_username()
    profile = getattr(user, "capacity_profile", None)
    try:
        arabic = (profile.name_in_arabic if profile else "") or latin
    except get_user_model().capacity_profile.RelatedObjectDoesNotExist:
        arabic = latin
    return {language: arabic if language == "ar" else latin for language in languages}


def subject_titles(subject, languages):
    """The subject's title in each language: a course's translations, else its own title."""
    if isinstance(subject, Workshop):
        return dict.fromkeys(languages, subject.title)
    translated = dict(
        CoursePage.objects.filter(translation_key=subject.translation_key).values_list(
            "locale__language_code", "title"
        )
    )
    return {language: translated.get(language, subject.title) for language in languages}


def subject_hours(subject, rule=None):
    if rule is not None and rule.hours is not None:
        return rule.hours
    if isinstance(subject, Workshop):
        seconds = sum(
            (occurrence.ends_at - occurrence.starts_at).total_seconds()
            for session in subject.sessions.prefetch_related("changes")
            for occurrence in session.occurrences()
            if not occurrence.is_cancelled
        )
        return (Decimal(seconds) / 3600).quantize(Decimal("0.1"))
    return subject.estimated_hours


def subject_text(subject, languages, rule=None):
    """What a certificate says of its subject: ``(titles by language, hours)``."""
    return subject_titles(subject, languages), subject_hours(subject, rule)


def build_certificate(
    person,
    subject,
    rule=None,
    layout=None,
    origin=None,
    by=None,
    reason="",
    issued_on=None,
    expires_on=None,
    replaces=None,
    text=None,
):
    """A signed, unsaved certificate with its text as of now (``text``: the subject's
    :func:`subject_text`, when already computed)."""
    layout = layout or (rule.layout if rule else Layout.ARABIC_FRENCH)
    languages = layout.split(",")
    titles, hours = text or subject_text(subject, languages, rule)
    issued_on = issued_on or clock.today()
    is_workshop = isinstance(subject, Workshop)
    certificate = Certificate(
        user=person,
        course=None if is_workshop else subject,
        workshop=subject if is_workshop else None,
        subject_key=subject_key(subject),
        layout=layout,
        holder_names=holder_names(person, languages),
        titles=titles,
        hours=hours,
        issued_on=issued_on,
        expires_on=expires_on
        if replaces is not None
        else expiry_date(issued_on, rule.validity_months if rule else None),
        origin=origin,
        issued_by=by,
        reason=reason,
        replaces=replaces,
    )
    certificate.signed_payload, certificate.key_id = sign(certificate.payload())
    return certificate
