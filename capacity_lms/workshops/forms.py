"""The workshops domain's forms: the public list's filters, and the admin's.

The admin forms limit every chooser to what the user may see (their own workshops for a
trainer, every one for programme staff), as the viewsets limit their querysets.
"""

import datetime
import zoneinfo

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from capacity_lms.core import clock
from capacity_lms.people.roles import trainer_choices
from capacity_lms.taxonomy.models import Country, StrategicAxis
from capacity_lms.workshops.models import Session, Workshop


class WorkshopFilterForm(forms.Form):
    country = forms.ModelChoiceField(
        Country.objects.all(),
        required=False,
        to_field_name="code",
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All countries"),
    )
    format = forms.ChoiceField(
        choices=[("", gettext_lazy("All formats")), *Workshop.Format.choices],
        required=False,
        label=gettext_lazy("Format"),
    )
    axis = forms.ModelChoiceField(
        StrategicAxis.objects.all(),
        required=False,
        to_field_name="code",
        label=gettext_lazy("Strategic axis"),
        empty_label=gettext_lazy("All axes"),
    )
    starts_after = forms.DateField(
        required=False,
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    starts_before = forms.DateField(
        required=False,
        label=gettext_lazy("Until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("starts_after"), cleaned.get("starts_before")
        if after and before and before < after:
            self.add_error("starts_before", _("The end of the period comes before its start."))
        return cleaned

    def filter(self, workshops):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("country"):
            workshops = workshops.filter(country=data["country"])
        if data.get("format"):
            workshops = workshops.filter(format=data["format"])
        if data.get("axis"):
            workshops = workshops.filter(strategic_axis=data["axis"])
        sessions = Q(sessions__series_ends_at__gte=clock.now())
        if data.get("starts_after"):
            start = datetime.datetime.combine(
                data["starts_after"], datetime.time.min, datetime.UTC
            )
            sessions &= Q(sessions__series_ends_at__gte=start)
        if data.get("starts_before"):
            end = datetime.datetime.combine(data["starts_before"], datetime.time.max, datetime.UTC)
            sessions &= Q(sessions__starts_at__lte=end)
        return workshops.filter(pk__in=Workshop.objects.filter(sessions).values("pk"))


def time_zone_select():
    names = sorted(zoneinfo.available_timezones())
    return forms.Select(choices=[("", "---------"), *((name, name) for name in names)])


class WorkshopForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = trainer_choices()
        if "slug" in self.fields:
            # Workshop.save() makes one from the title; a trainer need not invent it.
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave empty to make it from the title.")

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        trainers = cleaned.get("trainers")
        if (
            user is not None
            and trainers is not None
            and not user.has_perm("capacity_lms.manage_all_workshops")
            and user not in trainers
        ):
            self.add_error("trainers", _("Keep yourself among the trainers of your workshop."))
        return cleaned


REASON_MAX_LENGTH = 500


def reason_field():
    return forms.CharField(
        label=gettext_lazy("Reason for the correction"),
        help_text=gettext_lazy("Required once the workshop has ended; kept in its history."),
        max_length=REASON_MAX_LENGTH,
        required=False,
    )


class RemovePersonForm(forms.Form):
    reason = reason_field()


class AddPersonForm(forms.Form):
    person = forms.CharField(
        label=gettext_lazy("Username or e-mail"),
        max_length=254,
    )
    over_capacity = forms.BooleanField(
        label=gettext_lazy("Give a seat even if the workshop is full"), required=False
    )
    reason = reason_field()

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        User = get_user_model()
        matches = User.objects.filter(
            Q(**{User.USERNAME_FIELD: value}) | Q(email__iexact=value), is_active=True
        )
        people = list(matches[:2])
        if len(people) != 1:
            raise forms.ValidationError(_("No single active account has this username or e-mail."))
        return people[0]


class ImportForm(forms.Form):
    calendar_file = forms.FileField(
        label=gettext_lazy("Calendar file (.ics)"),
        help_text=gettext_lazy(
            "Sessions are matched by their UID: importing the same file again changes nothing."
        ),
    )


class OccurrenceChangeForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "session" in self.fields and self.for_user is not None:
            self.fields["session"].queryset = Session.objects.filter(
                workshop__in=Workshop.objects.visible_to(self.for_user)
            ).exclude(recurrence="")
