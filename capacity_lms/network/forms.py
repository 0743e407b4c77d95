"""What a member fills in to register an association or to edit its profile.

The forms only read and tidy what was typed; the actions in :mod:`.registration` and
:mod:`.profile` decide (duplicates, who may, what waits for staff review) and write.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from capacity_lms.people.models import PUBLISHABLE_FIELDS, Association
from capacity_lms.taxonomy.models import Country, Province, Region, SpecializedGroup, StrategicAxis

MAX_SOCIAL_LINKS = 5
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")

PUBLISHABLE_LABELS = {
    "name_ar": _("Name in Arabic script"),
    "description": _("Description"),
    "strategic_axes": _("Strategic axes"),
    "specialized_groups": _("Specialized groups"),
    "regions_of_origin": _("Regions of origin it works with"),
    "founding_year": _("Founding year"),
    "languages": _("Languages"),
    "website": _("Website"),
    "social_links": _("Social links"),
    "logo": _("Logo"),
    "size_bracket": _("Size"),
    "commune": _("Commune"),
}

# Fields of the profile a member edits (registration adds the documents and the number).
PROFILE_FIELDS = [
    "name",
    "name_ar",
    "kind",
    "host_country",
    "city",
    "region",
    "province",
    "commune",
    "description_en",
    "description_fr",
    "description_ar",
    "strategic_axes",
    "specialized_groups",
    "regions_of_origin",
    "founding_year",
    "languages",
    "website",
    "social_links",
    "size_bracket",
    "contact_name",
    "contact_email",
    "contact_phone",
    "published_fields",
]


class AssociationProfileForm(forms.Form):
    """An association's profile as its admins keep it; the logo is a checked upload."""

    kind = forms.ChoiceField(
        label=_("Kind of association"), choices=Association.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(
        label=_("Name in Latin script"),
        max_length=255,
        help_text=_("As registered with the authorities."),
    )
    name_ar = forms.CharField(label=_("Name in Arabic script"), max_length=255, required=False)
    host_country = forms.ModelChoiceField(
        label=_("Host country"),
        queryset=Country.objects.exclude(code="ma"),
        required=False,
        help_text=_("For an association of Moroccans living abroad."),
    )
    city = forms.CharField(label=_("City"), max_length=255, required=False)
    region = forms.ModelChoiceField(
        label=_("Region of Morocco"),
        queryset=Region.objects.all(),
        required=False,
        help_text=_("For a local association in Morocco."),
    )
    province = forms.ModelChoiceField(
        label=_("Province or prefecture"),
        queryset=Province.objects.select_related("region"),
        required=False,
    )
    commune = forms.CharField(label=_("Commune"), max_length=255, required=False)
    description_en = forms.CharField(
        label=_("Description in English"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_fr = forms.CharField(
        label=_("Description in French"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "fr", "dir": "ltr"}),
    )
    description_ar = forms.CharField(
        label=_("Description in Arabic"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "ar", "dir": "rtl"}),
    )
    strategic_axes = forms.ModelMultipleChoiceField(
        label=_("Strategic axes"),
        queryset=StrategicAxis.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    specialized_groups = forms.ModelMultipleChoiceField(
        label=_("Specialized groups"),
        queryset=SpecializedGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions_of_origin = forms.ModelMultipleChoiceField(
        label=_("Regions of origin it works with"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    founding_year = forms.IntegerField(
        label=_("Founding year"), min_value=1900, max_value=2100, required=False
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        help_text=_("Language codes separated by commas, e.g. ar, fr, nl."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    social_links = forms.CharField(
        label=_("Social links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=_("One address per line, at most five."),
    )
    size_bracket = forms.ChoiceField(
        label=_("Size"), choices=[("", "—"), *Association.SizeBracket.choices], required=False
    )
    logo = forms.FileField(
        label=_("Logo"), required=False, help_text=_("A PNG, JPEG, GIF or WebP image.")
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=255, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact telephone"), max_length=64, required=False)
    published_fields = forms.MultipleChoiceField(
        label=_("What the directory may show"),
        choices=[(name, PUBLISHABLE_LABELS[name]) for name in PUBLISHABLE_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The name, kind and place are shown once the association is verified; tick what "
            "else may be shown. The contact person, e-mail and telephone are never shown."
        ),
    )

    def clean_languages(self):
        codes = [
            code.strip().lower()
            for code in self.cleaned_data["languages"].split(",")
            if code.strip()
        ]
        wrong = [code for code in codes if not LANGUAGE_CODE.match(code)]
        if wrong:
            raise ValidationError(
                _("Not a language code: %(codes)s."), params={"codes": ", ".join(wrong)}
            )
        return list(dict.fromkeys(codes))

    def clean_social_links(self):
        links = [line.strip() for line in self.cleaned_data["social_links"].splitlines()]
        links = [link for link in links if link]
        if len(links) > MAX_SOCIAL_LINKS:
            raise ValidationError(_("At most five social links."))
        validate = URLValidator(schemes=["https", "http"])
        for link in links:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("Not a web address: %(link)s"), params={"link": link}
                ) from None
        return links

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == Association.Kind.ABROAD:
            if not data.get("host_country"):
                self.add_error("host_country", _("An association abroad needs its host country."))
            if not data.get("city"):
                self.add_error("city", _("Say in which city the association is."))
            data["region"], data["province"], data["commune"] = None, None, ""
        elif kind == Association.Kind.LOCAL:
            region, province = data.get("region"), data.get("province")
            if not region:
                self.add_error("region", _("A local association needs its region of Morocco."))
            elif province and province.region_id != region.pk:
                self.add_error("province", _("This province is not in the region chosen."))
            data["host_country"] = None
        return data


class RegistrationForm(AssociationProfileForm):
    """A new association: its profile, its registration number and the two documents."""

    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=64,
        help_text=_("The number under which the association is registered in its country."),
    )
    statutes = forms.FileField(label=_("Statutes"), help_text=_("PDF, image or office document."))
    receipt = forms.FileField(
        label=_("Registration receipt"), help_text=_("PDF, image or office document.")
    )

    def clean_registration_number(self):
        return " ".join(self.cleaned_data["registration_number"].split()).upper()


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A word for the association's admins"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
