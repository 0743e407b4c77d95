"""A person's personal calendar address, turned on, renewed and turned off as actions."""

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.workshops.models import CalendarFeedToken


class _OwnAddressAction(BaseAction):
    """``Action(person, user=person)``: only the person changes their own address."""

    def check(self):
        user = self.user
        if user is None or not user.is_authenticated or user.pk != self.instance.pk:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")


class RenewCalendarAddressAction(_OwnAddressAction):
    """A new secret address; the one used before (if any) answers 404 from now on. Returns
    the :class:`CalendarFeedToken`."""

    @transaction.atomic
    def execute(self):
        self.check()
        token, _created = CalendarFeedToken.objects.update_or_create(
            user=self.instance, defaults={"token": CalendarFeedToken.new_token()}
        )
        return token


class RevokeCalendarAddressAction(_OwnAddressAction):
    """The address is turned off: it answers 404. Doing it twice is harmless."""

    def execute(self):
        self.check()
        CalendarFeedToken.objects.filter(user=self.instance).delete()
