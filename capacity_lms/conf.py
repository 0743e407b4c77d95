"""The package's settings, read when used.

Every setting is ``CAPACITY_LMS_<NAME>`` in the host's Django settings, with its default in
:data:`DEFAULTS`. Reading them at call time (never at import time) lets tests and hosts change
them with ``override_settings``.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PREFIX = "CAPACITY_LMS_"

DEFAULTS = {
    # Public keys (PEM text or file paths) of earlier signing keys: certificates they signed
    # still verify. Rotating the key = moving the old public key here.
    "CERTIFICATE_RETIRED_KEYS": [],
    # The programme's DID, named in its Open Badges credentials: empty for the did:web of this
    # app's own credentials/did.json; "did:web:example.org" when the host serves that document
    # at /.well-known/did.json.
    "ISSUER_DID": "",
    # The Ed25519 private key (PEM text or a file path) that signs certificates; None derives
    # one from SECRET_KEY (a demo only: check --deploy warns).
    "CERTIFICATE_SIGNING_KEY": None,
    # How many days of past sessions calendar feeds keep (so subscribers keep their history).
    "CALENDAR_PAST_DAYS": 365,
    # Seconds the one-page PDF of a case study is kept in the cache, per page revision and
    # language (a new revision renders anew); 0 renders it on every request.
    "CASE_STUDY_PDF_SECONDS": 24 * 60 * 60,
    # Minutes before a meeting starts and after it ends during which QR check-in is accepted.
    "CHECK_IN_MARGIN_MINUTES": 30,
    # Seconds a check-in QR code stays valid (it is redrawn every third of that on screen).
    "CHECK_IN_TOKEN_SECONDS": 90,
    # Time zone used when a country or a session gives none.
    "DEFAULT_TIME_ZONE": "UTC",
    # What erasing a person's data does to their certificates: "revoke" (revoked, holder's
    # names, signed payload and PDF removed) or "keep" (kept as issued). See docs/privacy.md.
    "ERASURE_CERTIFICATES": "revoke",
    # Languages a learner may pick and pages offer in the language switcher; None means
    # the host's LANGUAGES setting.
    "LANGUAGES": None,
    # Dotted path to a callable(user, lesson) -> bool deciding who may read a lesson.
    "LESSON_ACCESS_POLICY": "courses.access.default_lesson_access",
    # Seconds the page cache (capacity_lms.core.page_cache.PageCacheMiddleware) keeps a signed-out
    # visitor's shared page (catalogue, library, course, preview lesson, case study, workshop);
    # 0 turns it off. Changes to what a page shows purge it at once.
    "PAGE_CACHE_SECONDS": 300,
    # Name of the programme in page titles, the header, calendars and certificates: a string,
    # or a dict by language code ({"fr": "...", "ar": "..."}) read with programme_name().
    "PROGRAMME_NAME": _("Capacity building programme"),
    # Requests allowed per person (account, or client address when signed out), as
    # "count/seconds", for each rate-limited view; a host's dict adds to these.
    "RATE_LIMITS": {
        "association_register": "5/3600",
        "certificate_verify": "30/60",
        "case_study_submit": "5/3600",
        "case_study_pdf": "20/600",
        # Renders of a project workbook's PDF (each request renders it anew).
        "workbook_pdf": "10/600",
        "check_in": "20/60",
        "workshop_registration": "20/600",
        # Messages one person sends to other associations through the platform.
        "relayed_message": "20/3600",
        # Threads and replies one person posts in the exchange spaces.
        "exchange_post": "30/3600",
    },
    # Alias in the host's STORAGES of a storage no URL serves, for uploads awaiting a
    # decision (capacity_lms.core.storage); when absent, a folder next to MEDIA_ROOT.
    "PRIVATE_STORAGE": "capacity_lms_private",
    # How many hours before a session its registered people get a reminder.
    "REMINDER_HOURS_BEFORE": 24,
    # The fewest answers a protected report figure (the impact figures: self-assessments,
    # reactions, learning gains, follow-ups, later facts) is shown from; smaller entries are
    # hidden, with what would give them away (docs/reports.md).
    "REPORT_MIN_ANSWERS": 5,
    # How many days a reaction form stays open after the meeting ends or the module is
    # completed (evaluation, #25).
    "REACTION_WINDOW_DAYS": 14,
    # A trainer sees an average of the reactions about them once this many answers make it.
    "REACTION_MIN_ANSWERS": 5,
    # What erasing a person does to their posts in the exchange spaces: "pseudonymise" (they
    # stay, by the pseudonymous account, so that threads still read) or "remove_text" (they
    # stay as "deleted", without their text or earlier versions).
    "EXCHANGE_ERASED_POSTS": "pseudonymise",
    # Files a post in the exchange spaces may carry, and the largest size of each, in bytes.
    "EXCHANGE_MAX_ATTACHMENTS": 3,
    "EXCHANGE_MAX_UPLOAD_BYTES": 10 * 1024 * 1024,
    # Files an association attaches to a workbook step (a free text or file deliverable).
    "WORKBOOK_MAX_FILES": 5,
    "WORKBOOK_MAX_UPLOAD_BYTES": 20 * 1024 * 1024,
    # Evaluation (#25): a capacity area scored below this (0 to 100) in an association's
    # latest self-assessment is weak, and the modules that strengthen it are recommended.
    "EVALUATION_WEAK_AREA_BELOW": 60,
    # How many recommended modules an association's page and My learning show at most.
    "EVALUATION_RECOMMENDATIONS": 6,
    # Largest file, in bytes, a member may attach to a case study they submit.
    "SUBMISSION_MAX_UPLOAD_BYTES": 10 * 1024 * 1024,
    # Bounds on the work one uploaded file may cost (capacity_lms.core.uploads), for every
    # upload. An archive (DOCX, XLSX, ODT, ...): at most this many entries, each unpacking to
    # at most ENTRY_BYTES and all together to at most TOTAL_BYTES.
    "UPLOAD_MAX_ARCHIVE_ENTRIES": 2000,
    "UPLOAD_MAX_ARCHIVE_ENTRY_BYTES": 50 * 1024 * 1024,
    "UPLOAD_MAX_ARCHIVE_TOTAL_BYTES": 200 * 1024 * 1024,
    # An image: at most this many pixels, all its frames together (Wagtail's own default for
    # WAGTAILIMAGES_MAX_IMAGE_PIXELS is 128 million; set that one to this value too).
    "UPLOAD_MAX_IMAGE_PIXELS": 40_000_000,
    # An animated image: at most this many frames (each one costs work however small it is).
    "UPLOAD_MAX_IMAGE_FRAMES": 1000,
}


def get_setting(name):
    """Return ``CAPACITY_LMS_<name>`` from the host's settings, or its default."""
    if name not in DEFAULTS:
        raise ImproperlyConfigured(f"{PREFIX}{name} is not a capacity-lms setting.")
    return getattr(settings, PREFIX + name, DEFAULTS[name])


class LocalisedName(str):
    """A name, and the language it is written in (for a ``lang`` attribute)."""

    def __new__(cls, value, language):
        name = super().__new__(cls, value)
        name.language = language
        return name


def programme_name(language=None):
    """The programme's name in ``language`` (default: the active one), from
    ``CAPACITY_LMS_PROGRAMME_NAME``: a dict by language code falls back to the default language,
    then to its first entry; a plain string is taken to be in the default language; the
    package's own default is translated."""
    language = language or get_language() or settings.LANGUAGE_CODE
    value = get_setting("PROGRAMME_NAME")
    if isinstance(value, Promise):
        return LocalisedName(value, language)
    if isinstance(value, dict):
        for code in (language, language.split("-")[0], settings.LANGUAGE_CODE):
            if code in value:
                return LocalisedName(value[code], code)
        code, name = next(iter(value.items()))
        return LocalisedName(name, code)
    return LocalisedName(value, settings.LANGUAGE_CODE)


def get_languages():
    """The (code, name) pairs offered to learners."""
    return get_setting("LANGUAGES") or settings.LANGUAGES


def validate_language_code(field_name, value):
    """Refuse ``value`` for ``field_name`` unless it is empty or an offered language."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext_lazy as _

    codes = {code for code, _name in get_languages()}
    if value and value not in codes:
        raise ValidationError(
            {field_name: _("Choose one of: %(codes)s.") % {"codes": ", ".join(sorted(codes))}}
        )


def unknown_settings():
    """Names of ``CAPACITY_LMS_*`` settings the host set that the package does not know."""
    return sorted(
        name
        for name in dir(settings)
        if name.startswith(PREFIX) and name[len(PREFIX) :] not in DEFAULTS
    )
