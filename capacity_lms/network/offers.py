"""Offers and needs: posted, edited and closed by an association's admins, moderated by staff.

An offer or a need is open until its expiry date (at most a year ahead) or until its
association closes it; staff may remove one (after a report of abuse, say) and reopen it.
Only open ones of verified associations are listed (``OfferOrNeed.objects.open(today)``).
"""

import datetime

from django import forms
from django.db import transaction
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.models import OfferOrNeed
from capacity_lms.network.reach import leads, led_associations
from capacity_lms.taxonomy.models import Region, SpecializedGroup, StrategicAxis

MODERATE_PERMISSION = "capacity_lms.change_offerorneed"
LONGEST_OPEN = datetime.timedelta(days=366)
FIELDS = (
    "direction",
    "category",
    "title",
    "description",
    "strategic_axis",
    "regions",
    "specialized_groups",
    "expires_on",
)


class OfferOrNeedForm(forms.Form):
    """What an admin writes about an offer or a need (for the association they choose)."""

    association = forms.ModelChoiceField(
        label=gettext_lazy("Association"), queryset=None, empty_label=None
    )
    direction = forms.ChoiceField(
        label=gettext_lazy("Offer or need"),
        choices=OfferOrNeed.Direction.choices,
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(label=gettext_lazy("Category"), choices=OfferOrNeed.Category)
    title = forms.CharField(
        label=gettext_lazy("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=gettext_lazy(
            "Do not write addresses or phone numbers: members contact you through the platform."
        ),
    )
    strategic_axis = forms.ModelChoiceField(
        label=gettext_lazy("Strategic axis"),
        queryset=StrategicAxis.objects.all(),
        required=False,
    )
    regions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Regions of Morocco"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    specialized_groups = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Specialized groups"),
        queryset=SpecializedGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Open until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("At most a year from today."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = led_associations(user).order_by("name")

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        today = clock.today()
        if expires_on < today:
            raise forms.ValidationError(_("Choose a date from today on."))
        if expires_on > today + LONGEST_OPEN:
            raise forms.ValidationError(_("Choose a date at most a year from today."))
        return expires_on

    @classmethod
    def initial_for(cls, item):
        initial = {name: getattr(item, name) for name in FIELDS}
        initial["association"] = item.association
        initial["regions"] = list(item.regions.all())
        initial["specialized_groups"] = list(item.specialized_groups.all())
        return initial


def _write(item, data):
    for name in FIELDS:
        if name not in ("regions", "specialized_groups"):
            setattr(item, name, data[name])
    item.save()
    item.regions.set(data.get("regions") or [])
    item.specialized_groups.set(data.get("specialized_groups") or [])
    return item


def _refuse_unless_admin(user, association):
    if user is None or not user.is_authenticated or not leads(user, association):
        raise ActionRefused(
            _("Only an admin of a verified association posts and edits its offers and needs."),
            code="not_admin",
        )


class PostOfferOrNeedAction(BaseAction):
    """An admin posts an offer or a need for their association."""

    def __init__(self, association, user=None, *, data):
        super().__init__(association, user=user)
        self.association = association
        self.data = data

    def check(self):
        _refuse_unless_admin(self.user, self.association)

    def execute(self):
        with transaction.atomic():
            self.check()
            item = OfferOrNeed(
                association=self.association,
                posted_by=self.user,
                language=(get_language() or "").split("-")[0],
            )
            return _write(item, self.data)


class EditOfferOrNeedAction(BaseAction):
    """An admin of its association corrects an open or closed offer or need (not a removed
    one: staff removed it)."""

    def __init__(self, item, user=None, *, data):
        super().__init__(item, user=user)
        self.item = item
        self.data = data

    def check(self):
        _refuse_unless_admin(self.user, self.item.association)
        if self.item.status == OfferOrNeed.Status.REMOVED:
            raise ActionRefused(_("Staff removed this one; it cannot be edited."), code="removed")

    def execute(self):
        with transaction.atomic():
            self.check()
            item = _write(self.item, self.data)
            if item.status == OfferOrNeed.Status.CLOSED and item.expires_on >= clock.today():
                item.status = OfferOrNeed.Status.OPEN
                item.save(update_fields=["status"])
            return item


class CloseOfferOrNeedAction(BaseAction):
    """An admin of its association closes it: it is listed no more and matches no more."""

    def __init__(self, item, user=None):
        super().__init__(item, user=user)
        self.item = item

    def check(self):
        _refuse_unless_admin(self.user, self.item.association)
        if self.item.status != OfferOrNeed.Status.OPEN:
            raise ActionRefused(_("It is not open."), code="not_open")

    def execute(self):
        with transaction.atomic():
            self.check()
            self.item.status = OfferOrNeed.Status.CLOSED
            self.item.save(update_fields=["status"])
            return self.item


class ModerateOfferOrNeedAction(BaseAction):
    """Staff remove an offer or need from the network, or put a removed one back."""

    def __init__(self, item, user=None, *, remove=True):
        super().__init__(item, user=user)
        self.item = item
        self.remove = remove

    def check(self):
        if self.user is None or not self.user.has_perm(MODERATE_PERMISSION):
            raise ActionRefused(_("Only programme staff moderate offers and needs."))
        removed = self.item.status == OfferOrNeed.Status.REMOVED
        if self.remove == removed:
            raise ActionRefused(
                _("It is already removed.") if removed else _("It is not removed.")
            )

    def execute(self):
        with transaction.atomic():
            self.check()
            self.item.status = (
                OfferOrNeed.Status.REMOVED if self.remove else OfferOrNeed.Status.OPEN
            )
            self.item.save(update_fields=["status"])
            return self.item
