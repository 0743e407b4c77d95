"""Where personal data joins the Wagtail admin: the per-person URLs and the user list button."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button

from capacity_lms.privacy.actions import may_manage
from capacity_lms.privacy.views import PersonalDataAdminView

app_name = "capacity_privacy"


def admin_urls():
    patterns = [
        path("<int:user_id>/", PersonalDataAdminView.as_view(), name="person"),
    ]
    return [path("personal-data/", include((patterns, app_name), namespace=app_name))]


def user_listing_buttons(user, request_user):
    """A "Personal data" button on each row of Wagtail's user list, for who may use it."""
    if not may_manage(request_user):
        return []
    return [
        Button(
            _("Personal data"),
            reverse("capacity_privacy:person", args=[user.pk]),
            icon_name="user",
            priority=60,
        )
    ]
