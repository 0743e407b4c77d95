"""What the public sees of an association: its public profile, built from the fields it agreed
to publish, and its capacity record (what its members did in the programme).

Templates, the API and the feeds read a :class:`PublicProfile`, never the model itself: the
contact person, e-mail and telephone, the registration number and every field the association
did not agree to publish are not on it, so no template can show them by mistake.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import get_language, get_language_info

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.certificates.models import Certificate
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage, Enrolment


def public_associations():
    """The associations the directory shows: verified and not merged into another."""
    return Association.objects.verified().live()


@dataclass
class PublicProfile:
    """One association as the directory shows it (``None`` or empty: not published)."""

    pk: int
    kind: str
    kind_label: str
    name: str
    host_country: object
    city: str
    region: object
    province: object
    verified_at: object
    name_ar: str = ""
    description: str = ""
    description_language: str = ""
    strategic_axes: list = field(default_factory=list)
    specialized_groups: list = field(default_factory=list)
    regions_of_origin: list = field(default_factory=list)
    founding_year: int | None = None
    languages: list = field(default_factory=list)
    website: str = ""
    social_links: list = field(default_factory=list)
    logo: object = None
    size_bracket: str = ""
    commune: str = ""
    url: str = ""  # its page in the directory that lists it
    link: str = ""  # the same, as a full URL (feeds)

    @classmethod
    def of(cls, association, language=None):
        """The public profile of ``association`` (fetched with ``for_listing()`` for lists, so
        that its axes and groups cost no further query)."""
        shows = association.publishes
        profile = cls(
            pk=association.pk,
            kind=association.kind,
            kind_label=association.get_kind_display(),
            name=association.name,
            host_country=association.host_country if association.kind == "abroad" else None,
            city=association.city if association.kind == "abroad" else "",
            region=association.region if association.kind == "local" else None,
            province=association.province if association.kind == "local" else None,
            verified_at=association.verified_at,
        )
        if shows("name_ar"):
            profile.name_ar = association.name_ar
        if shows("description"):
            text, code = association.description_in(language or get_language())
            profile.description, profile.description_language = text, code
        if shows("strategic_axes"):
            profile.strategic_axes = list(association.strategic_axes.all())
        if shows("specialized_groups"):
            profile.specialized_groups = list(association.specialized_groups.all())
        if shows("regions_of_origin"):
            profile.regions_of_origin = list(association.regions_of_origin.all())
        if shows("founding_year"):
            profile.founding_year = association.founding_year
        if shows("languages"):
            profile.languages = [str(code) for code in association.languages or ()]
        if shows("website"):
            profile.website = association.website
        if shows("social_links"):
            profile.social_links = [str(link) for link in association.social_links or ()]
        if shows("logo") and association.logo:
            profile.logo = association.logo
        if shows("size_bracket") and association.size_bracket:
            profile.size_bracket = association.get_size_bracket_display()
        if shows("commune") and association.kind == "local":
            profile.commune = association.commune
        return profile

    @property
    def place_parts(self):
        """Where it is, from the smallest place: city and host country, or commune, province
        and region of Morocco (each a name of its own, to be isolated for its direction)."""
        if self.kind == "abroad":
            parts = [self.city, self.host_country and self.host_country.name]
        else:
            parts = [
                self.commune,
                self.province and self.province.name,
                self.region and self.region.name,
            ]
        return [str(part) for part in parts if part]

    @property
    def language_names(self):
        """``(code, name)`` of each language it works in, the name in the reader's language;
        a code Django has no name for is shown as it is (``name`` empty)."""
        named = []
        for code in self.languages:
            try:
                named.append((code, get_language_info(code)["name_translated"]))
            except KeyError:
                named.append((code, ""))
        return named

    @property
    def place(self):
        """:attr:`place_parts` as one text, comma-separated in the reader's script."""
        separator = "، " if (get_language() or "").startswith("ar") else ", "
        return separator.join(self.place_parts)


def listing_queryset():
    """Public associations with what a directory card shows, in a fixed number of queries."""
    return public_associations().for_listing().prefetch_related("regions_of_origin")


@dataclass
class CapacityRecord:
    """What the members of one association (accepted memberships only) did in the programme."""

    members: int = 0
    modules: list = field(default_factory=list)  # (title, people), most followed first
    completions: int = 0
    workshops: list = field(default_factory=list)  # (workshop, people)
    certificates: int = 0
    certificate_holders: int = 0
    named_holders: list = field(default_factory=list)  # (name, [certificate titles])
    case_studies: list = field(default_factory=list)
    partnerships: list = field(default_factory=list)  # (partnership, other association)


def capacity_record(association, language=None):
    """The capacity record of ``association``, in a number of queries independent of how many
    members, modules, workshops and certificates it has."""
    language = (language or get_language() or "en").split("-")[0]
    people = list(
        Membership.objects.filter(association=association).values_list("user_id", flat=True)
    )
    record = CapacityRecord(members=len(people))
    completed = (
        Enrolment.objects.completed()
        .filter(user_id__in=people)
        .values("course__translation_key")
        .annotate(people=Count("user", distinct=True))
    )
    by_key = {row["course__translation_key"]: row["people"] for row in completed}
    record.completions = sum(by_key.values())
    titles = {}
    for key, title, code in (
        CoursePage.objects.filter(translation_key__in=by_key)
        .values_list("translation_key", "title", "locale__language_code")
        .order_by("pk")
    ):
        if key not in titles or code == language:
            titles[key] = title
    record.modules = sorted(
        ((titles.get(key, ""), count) for key, count in by_key.items()),
        key=lambda item: (-item[1], item[0]),
    )
    attended = Counter()
    workshops = {}
    for workshop_id, _user_id in (
        AttendanceRecord.objects.filter(
            user_id__in=people, status__counts_in_rate=True, status__weight__gt=0
        )
        .order_by()
        .values_list("session__workshop_id", "user_id")
        .distinct()
    ):
        attended[workshop_id] += 1
    if attended:
        workshops = Workshop.objects.in_bulk(list(attended))
    record.workshops = sorted(
        ((workshops[pk], count) for pk, count in attended.items() if pk in workshops),
        key=lambda item: (-item[1], item[0].title),
    )
    certificates = list(
        Certificate.objects.filter(user_id__in=people)
        .exclude(status__in=[Certificate.Status.REPLACED, Certificate.Status.REVOKED])
        .values_list("user_id", "titles", "holder_names")
    )
    record.certificates = len(certificates)
    record.certificate_holders = len({user_id for user_id, _t, _n in certificates})
    consenting = set(
        LearnerProfile.objects.filter(
            user_id__in={user_id for user_id, _t, _n in certificates},
            name_on_association_page=True,
        ).values_list("user_id", flat=True)
    )
    named = {}
    for user_id, titles_by_language, names in certificates:
        if user_id not in consenting:
            continue
        name = _in_language(names, language)
        named.setdefault(user_id, [name, []])[1].append(_in_language(titles_by_language, language))
    record.named_holders = sorted((tuple(value) for value in named.values()), key=lambda v: v[0])
    record.case_studies = list(
        CaseStudyPage.objects.live()
        .public()
        .filter(association=association, locale__language_code=language)
        .order_by("-started_on")
    ) or list(
        CaseStudyPage.objects.live()
        .public()
        .filter(association=association)
        .order_by("-started_on")
    )
    partnerships = (
        Partnership.objects.shown()
        .involving(association)
        .select_related("initiator", "partner", "region", "strategic_axis")
    )
    record.partnerships = [
        (p, p.partner if p.initiator_id == association.pk else p.initiator) for p in partnerships
    ]
    return record


def _in_language(values, language):
    """``values[language]`` from a {language: text} dict, else the first written."""
    if not isinstance(values, dict):
        return str(values or "")
    for code in (language, "en", "fr", "ar"):
        if values.get(code):
            return values[code]
    return next((value for value in values.values() if value), "")
