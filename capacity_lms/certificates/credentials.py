"""Every certificate as an Open Badges 3.0 credential (an ``OpenBadgeCredential``, W3C
Verifiable Credentials Data Model 2.0) that a wallet, a skills portal or any verifier reads.

The credential says what the certificate says, and nothing more of the person: the holder's
name as issued (in each of the certificate's languages), the achievement (its title in the
leading language, the titles in every language in its description, its criteria, the strategic
axis as an alignment, the hours as a result), the issue and expiry dates, the programme as
issuer (its ``did:web``). Its proof is ``eddsa-rdfc-2022`` by the certificate key
(``core/data_integrity.py``), made at the instant the certificate was created: building it again
gives the same bytes while the key is the same. Its ``credentialStatus`` names its bit in the
programme's revocation list (:mod:`capacity_lms.certificates.status_list`).

Open Badges 3.0 types ``name`` and ``description`` as strings: the leading language's are the
credential's, and each other language version of the achievement is a ``related`` entry with
its ``inLanguage``, as the specification intends for language editions.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext as _

from capacity_lms.certificates.status_list import decoded_list, status_entry
from capacity_lms.conf import programme_name
from capacity_lms.core import clock, data_integrity
from capacity_lms.core.links import absolute_url
from capacity_lms.core.structured_data import as_script_text

OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CONTEXT = [data_integrity.CREDENTIALS_V2, OB_V3]
FILE_NAME = "certificate.json"
MEDIA_TYPE = "application/vc+ld+json"


def _day_start(day):
    return f"{day.isoformat()}T00:00:00Z"


def _day_end(day):
    return f"{day.isoformat()}T23:59:59Z"


def issuer_profile(language):
    return {
        "id": data_integrity.issuer_did(),
        "type": ["Profile"],
        "name": str(programme_name(language)),
        "url": absolute_url("/"),
    }


def _subject_url(subject, language):
    """The subject's public page in ``language`` (the page itself when it has no version in
    that language)."""
    from wagtail.models import Locale

    from courses.models import CoursePage

    with translation.override(language):
        if isinstance(subject, CoursePage):
            locale = Locale.objects.filter(language_code=language).first()
            page = subject.get_translation_or_none(locale) if locale else None
            return (page or subject).specific.full_url or absolute_url(subject.url or "/")
        return absolute_url(subject.get_absolute_url())


def _criteria(certificate, language):
    subject = certificate.subject
    with translation.override(language):
        if certificate.course_id:
            narrative = _("Completed the module “%(title)s” as the programme's rules require.")
        else:
            narrative = _(
                "Took part in the workshop “%(title)s” as the programme's rules require."
            )
        return {
            "id": _subject_url(subject, language),
            "narrative": narrative % {"title": certificate.titles.get(language, "")},
        }


def _alignment(certificate, language):
    axis = getattr(certificate.subject, "strategic_axis", None)
    if axis is None:
        return []
    with translation.override(language):
        if certificate.course_id:
            listing = certificate.course.get_parent().specific.full_url or absolute_url("/")
        else:
            from django.urls import reverse

            listing = absolute_url(reverse("capacity_lms:workshop_list"))
        return [
            {
                "type": ["Alignment"],
                "targetName": axis.name_in(language),
                "targetDescription": axis.description or None,
                "targetUrl": f"{listing}?axis={axis.code}",
                "targetCode": axis.code,
                "targetFramework": str(programme_name(language)),
                "targetType": "ext:StrategicAxis",
            }
        ]


def _description(certificate):
    """The certificate's text in every one of its languages, one line each."""
    return "\n".join(
        f"{name} — {title}" if name else title for _code, name, title in certificate.lines()
    )


def achievement_id(certificate):
    """The achievement's id: the same for every certificate of the same subject."""
    digest = hashlib.sha256(certificate.subject_key.encode("utf-8")).hexdigest()[:32]
    return f"{data_integrity.issuer_did()}#achievement-{digest}"


def unsigned_credential(certificate):
    """The credential without its proof."""
    leading = certificate.languages[0]
    subject = certificate.subject
    achievement = {
        "id": achievement_id(certificate),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": certificate.titles.get(leading, ""),
        "description": _description(certificate),
        "criteria": _criteria(certificate, leading),
        "inLanguage": leading,
        "creator": issuer_profile(leading),
    }
    related = [
        {"id": _subject_url(subject, code), "type": ["Related"], "inLanguage": code}
        for code in certificate.languages[1:]
    ]
    if related:
        achievement["related"] = related
    alignment = _alignment(certificate, leading)
    if alignment:
        achievement["alignment"] = [
            {name: value for name, value in item.items() if value is not None}
            for item in alignment
        ]
    credential_subject = {
        "type": ["AchievementSubject"],
        "name": certificate.holder_names.get(leading, ""),
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": name,
                "identityType": "name",
                "hashed": False,
            }
            for name in dict.fromkeys(
                certificate.holder_names.get(code, "") for code in certificate.languages
            )
            if name
        ],
        "achievement": achievement,
    }
    if certificate.hours is not None:
        hours_id = f"{achievement['id']}-hours"
        with translation.override(leading):
            achievement["resultDescription"] = [
                {
                    "id": hours_id,
                    "type": ["ResultDescription"],
                    "name": _("Hours of training"),
                    "resultType": "ext:TrainingHours",
                }
            ]
        credential_subject["result"] = [
            {"type": ["Result"], "resultDescription": hours_id, "value": str(certificate.hours)}
        ]
    credential = {
        "@context": CONTEXT,
        "id": certificate.verification_url(),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.titles.get(leading, ""),
        "description": _description(certificate),
        "issuer": issuer_profile(leading),
        "validFrom": _day_start(certificate.issued_on),
        "awardedDate": _day_start(certificate.issued_on),
        "credentialSubject": credential_subject,
        "credentialStatus": status_entry(certificate),
    }
    if certificate.expires_on is not None:
        credential["validUntil"] = _day_end(certificate.expires_on)
    return credential


def open_badge(certificate, private_key=None):
    """The certificate's signed ``OpenBadgeCredential`` (a dict)."""
    return data_integrity.add_proof(
        unsigned_credential(certificate),
        created=certificate.created_at,
        private_key=private_key,
    )


def embedded_json_ld(certificate):
    """The credential as the text of a ``<script type="application/ld+json">`` element, safe
    inside HTML; empty for an erased certificate."""
    if not certificate.signed_payload:
        return ""
    return as_script_text(certificate.open_badge or open_badge(certificate))


def open_badge_json(certificate):
    """The credential as the text a holder downloads: the one the delivery task kept, or the
    same built again."""
    kept = certificate.open_badge
    return json.dumps(
        kept or open_badge(certificate), ensure_ascii=False, indent=2, sort_keys=False
    )


@dataclass(frozen=True)
class Checked:
    """What checking a credential found: the key that signed it, whether it has expired (or is
    not valid yet), and whether it is revoked (None: no status list was given to say)."""

    key_id: str
    expired: bool
    not_yet_valid: bool
    revoked: bool | None

    @property
    def valid(self):
        return not (self.expired or self.not_yet_valid or self.revoked)


def _instant(text):
    if not isinstance(text, str):
        raise data_integrity.NotVerified("a date that is not a date")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise data_integrity.NotVerified(f"a date that is not a date: {text[:40]}") from error
    if moment.tzinfo is None:
        raise data_integrity.NotVerified("a date without its offset")
    return moment


def check_open_badge(credential, keys=None, did=None, status_list=None, now=None):
    """Check a credential offline: its proof (our keys, or ``keys`` of ``did``), its validity
    dates against ``now``, and, given a status list credential (a saved copy, or one fetched),
    its revocation bit. Raises :class:`~capacity_lms.core.data_integrity.NotVerified` when the
    credential or the list is not genuine or not ours."""
    key_id = data_integrity.verify_proof(credential, keys=keys, did=did)
    if "OpenBadgeCredential" not in (credential.get("type") or []):
        raise data_integrity.NotVerified("not an Open Badges credential")
    now = now or clock.now()
    valid_from = _instant(credential.get("validFrom"))
    valid_until = credential.get("validUntil")
    expired = valid_until is not None and now > _instant(valid_until)
    revoked = None
    if status_list is not None:
        revoked = _listed(credential, status_list, keys, did, now)
    return Checked(key_id, expired, now < valid_from, revoked)


def _listed(credential, status_list, keys, did, now):
    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        raise data_integrity.NotVerified("the credential names no status list entry")
    data_integrity.verify_proof(status_list, keys=keys, did=did)
    if status_list.get("id") != entry.get("statusListCredential"):
        raise data_integrity.NotVerified("this status list is not the credential's")
    if "BitstringStatusListCredential" not in (status_list.get("type") or []):
        raise data_integrity.NotVerified("not a status list")
    until = status_list.get("validUntil")
    if until is not None and now > _instant(until):
        raise data_integrity.NotVerified("the status list is out of date: fetch it again")
    subject = status_list.get("credentialSubject") or {}
    if subject.get("statusPurpose") != entry.get("statusPurpose"):
        raise data_integrity.NotVerified("the status list is for another purpose")
    try:
        index = int(entry.get("statusListIndex"))
        listed = decoded_list(subject.get("encodedList"))
    except (TypeError, ValueError) as error:
        raise data_integrity.NotVerified(f"an unreadable status list: {error}") from error
    return index in listed


LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


def linkedin_add_url(certificate, language=None):
    """LinkedIn's "Add licence or certification" link, filled from the certificate: its title and
    the programme's name in ``language`` (the active one) when the certificate is written in it,
    else in its leading language; the issue and expiry month; its code and verification URL.
    Nothing of the holder: LinkedIn adds it to the profile of whoever is signed in there."""
    language = certificate.title_language(language)
    parameters = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.titles.get(language, ""),
        "organizationName": str(programme_name(language)),
        "issueYear": certificate.issued_on.year,
        "issueMonth": certificate.issued_on.month,
    }
    if certificate.expires_on is not None:
        parameters["expirationYear"] = certificate.expires_on.year
        parameters["expirationMonth"] = certificate.expires_on.month
    parameters["certUrl"] = certificate.verification_url()
    parameters["certId"] = certificate.code
    return f"{LINKEDIN_ADD}?{urlencode(parameters)}"
