"""The member's own "My data" page, included in ``capacity_lms.urls``."""

from django.urls import path

from capacity_lms.privacy.views import MyDataView

urlpatterns = [
    path("my-data/", MyDataView.as_view(), name="my_data"),
]
