"""A signed-in member registers an association; duplicates are caught on the way.

:class:`RegisterAssociationAction` creates a *pending* association with the member as its
admin (a leader :class:`~capacity_lms.people.models.Membership`), its statutes and
registration receipt in private storage (checked by
:func:`capacity_lms.core.uploads.check_upload`, as every upload is) and the first
:class:`~capacity_lms.people.records.VerificationEvent`. Programme staff then verify it.

Two kinds of duplicate:

- the same registration number in the same country (Morocco for local associations) is
  refused with :class:`DuplicateRegistration`: its message names the existing association
  only when it is verified (and so public anyway); otherwise it only says one is already
  registered and not yet verified, and the member may ask to join it without learning more
  (:func:`find_by_number` is how the join finds it again);
- a nearly identical name in the same city (or commune) is let through and flagged to staff
  through ``possible_duplicate_of``, for them to merge the two if they are one.
"""

import difflib
import re
import unicodedata

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.uploads import IMAGE_KINDS, KINDS, UploadRefused, check_upload
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import AssociationDocument, VerificationEvent

# How alike two names must be (difflib's ratio, 0-1) to be flagged as a possible duplicate.
NEAR_NAME_RATIO = 0.9
# Words every association's name has, which make unrelated names look alike.
COMMON_WORDS = frozenset(
    {"association", "asso", "des", "de", "du", "d", "l", "la", "le", "les", "et", "pour", "of"}
)


class UploadsRefused(ActionRefused):
    """One or more files refused; ``by_field`` maps the form field to its message."""

    def __init__(self, by_field):
        super().__init__(*by_field.values(), code="upload")
        self.by_field = by_field


class DuplicateRegistration(ActionRefused):
    """Same registration number in the same country. ``existing`` is for the view's offer to
    ask to join; only a verified one's name may be shown."""

    def __init__(self, message, existing):
        super().__init__(message, code="duplicate")
        self.existing = existing


def max_upload_bytes():
    return get_setting("SUBMISSION_MAX_UPLOAD_BYTES")


def check_logo(upload):
    """A checked image for an association's logo, or :class:`UploadRefused` naming it."""
    return check_upload(upload, max_bytes=max_upload_bytes(), kinds=IMAGE_KINDS)


def normalised_name(name):
    """The name without accents, case, punctuation and the words every name shares."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    words = re.findall(r"\w+", text)
    return " ".join(word for word in words if word not in COMMON_WORDS)


def find_by_number(kind, host_country, registration_number):
    """The live association registered under this number in this country, or None."""
    number = " ".join((registration_number or "").split()).upper()
    if not number:
        return None
    associations = Association.objects.live().filter(registration_number__iexact=number)
    if kind == Association.Kind.LOCAL:
        associations = associations.filter(kind=Association.Kind.LOCAL)
    else:
        associations = associations.filter(host_country=host_country)
    return associations.first()


def find_near_name(name, city, exclude=None):
    """A live association in the same city or commune whose name is nearly ``name``'s."""
    city = (city or "").strip()
    wanted = normalised_name(name)
    if not city or not wanted:
        return None
    candidates = (
        Association.objects.live()
        .annotate(city_lower=Lower("city"), commune_lower=Lower("commune"))
        .filter(Q(city_lower=city.lower()) | Q(commune_lower=city.lower()))
        .only("pk", "name", "name_ar")
    )
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    for candidate in candidates[:500]:
        for other in (candidate.name, candidate.name_ar):
            other = normalised_name(other)
            if other and difflib.SequenceMatcher(None, wanted, other).ratio() >= NEAR_NAME_RATIO:
                return candidate
    return None


def duplicate_message(existing):
    if existing.is_verified:
        return _(
            "“%(name)s” is already registered with this number in this country. If it is your "
            "association, ask to join it instead."
        ) % {"name": existing.name}
    return _(
        "An association with this registration number in this country is already registered "
        "and awaiting review. If it is yours, you can ask to join it: its admins will answer."
    )


class RegisterAssociationAction(BaseAction):
    """A member registers a new association, pending verification, and becomes its admin.

    ``data`` is a :class:`~capacity_lms.network.forms.RegistrationForm`'s cleaned data, with
    the uploaded ``statutes``, ``receipt`` and optional ``logo``.
    """

    def __init__(self, person, user=None, *, data):
        super().__init__(person, user=user or person)
        self.data = data
        self.written = []

    def check(self):
        if not self.user or not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")
        data = self.data
        existing = find_by_number(
            data.get("kind"), data.get("host_country"), data.get("registration_number")
        )
        if existing is not None:
            raise DuplicateRegistration(duplicate_message(existing), existing)

    def check_uploads(self):
        checked, refused = {}, {}
        for field, kinds in (("statutes", KINDS), ("receipt", KINDS), ("logo", IMAGE_KINDS)):
            upload = self.data.get(field)
            if not upload:
                if field != "logo":
                    refused[field] = _("Attach this document.")
                continue
            try:
                checked[field] = check_upload(upload, max_bytes=max_upload_bytes(), kinds=kinds)
            except UploadRefused as error:
                refused[field] = str(error)
        if refused:
            raise UploadsRefused(refused)
        return checked

    def execute(self):
        self.check()
        uploads = self.check_uploads()
        try:
            with transaction.atomic():
                association = self._create(uploads.get("logo"))
                for kind in (AssociationDocument.Kind.STATUTES, AssociationDocument.Kind.RECEIPT):
                    field = "statutes" if kind == AssociationDocument.Kind.STATUTES else "receipt"
                    self._store_document(association, kind, uploads[field])
        except BaseException:
            for storage, name in self.written:
                storage.delete(name)
            raise
        return association

    def _create(self, logo):
        data = self.data
        place = data.get("city") or data.get("commune")
        association = Association(
            kind=data["kind"],
            name=data["name"].strip(),
            registration_number=data["registration_number"],
            created_by=self.user,
            verification_status=Association.VerificationStatus.PENDING,
            possible_duplicate_of=find_near_name(data["name"], place),
        )
        apply_profile(association, data)
        if logo is not None:
            association.logo.save(logo.name, logo.file, save=False)
            self.written.append((association.logo.storage, association.logo.name))
        association.full_clean()
        association.save()
        set_relations(association, data)
        Membership.objects.create(
            user=self.user,
            association=association,
            role=Membership.Role.LEADER,
            joined_on=clock.today(),
        )
        VerificationEvent.objects.create(
            association=association,
            to_status=Association.VerificationStatus.PENDING,
            reason=_("Registered by a member."),
            actor=self.user,
        )
        return association

    def _store_document(self, association, kind, upload):
        document = AssociationDocument(
            association=association, kind=kind, original_name=upload.name, uploaded_by=self.user
        )
        document.file.save(upload.name, upload.file, save=False)
        self.written.append((document.file.storage, document.file.name))
        document.save()
        return document


SCALAR_FIELDS = (
    "kind",
    "name",
    "name_ar",
    "host_country",
    "city",
    "region",
    "province",
    "commune",
    "description_en",
    "description_fr",
    "description_ar",
    "founding_year",
    "languages",
    "website",
    "social_links",
    "size_bracket",
    "contact_name",
    "contact_email",
    "contact_phone",
    "published_fields",
)
RELATION_FIELDS = ("strategic_axes", "specialized_groups", "regions_of_origin")


def apply_profile(association, data):
    """Copy the profile's plain fields present in ``data`` onto ``association`` (not saved)."""
    for field in SCALAR_FIELDS:
        if field not in data:
            continue
        value = data[field]
        if isinstance(value, str):
            value = value.strip()
        elif value is None and field not in NULLABLE_FIELDS:
            value = ""
        setattr(association, field, value)


NULLABLE_FIELDS = frozenset({"host_country", "region", "province", "founding_year"})


def set_relations(association, data):
    """Set the many-to-many fields of the profile present in ``data``."""
    for field in RELATION_FIELDS:
        if field in data:
            getattr(association, field).set(data[field] or [])
