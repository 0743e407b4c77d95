"""URLs of an association's applications to calls for projects. Included by
``capacity_lms.urls``."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.calls import application_views as views
from capacity_lms.calls import document_views

urlpatterns = [
    path("calls/<int:call_pk>/apply/", views.start, name="application_start"),
    path("applications/", never_cache(views.mine), name="application_mine"),
    path("applications/<int:pk>/", never_cache(views.edit), name="application_edit"),
    path(
        "applications/<int:pk>/logframe/",
        never_cache(views.logframe),
        name="application_logframe",
    ),
    path(
        "applications/<int:pk>/budget.xlsx",
        never_cache(views.budget_download),
        name="application_budget_download",
    ),
    path(
        "applications/<int:pk>/budget/upload/",
        never_cache(views.budget_upload),
        name="application_budget_upload",
    ),
    path("applications/<int:pk>/submit/", views.submit, name="application_submit"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="application_withdraw"),
    path("applications/<int:pk>/reopen/", views.reopen, name="application_reopen"),
    path(
        "applications/<int:pk>/documents/upload/",
        never_cache(document_views.upload),
        name="application_document_upload",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/remove/",
        document_views.remove,
        name="application_document_remove",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/",
        never_cache(document_views.download),
        name="application_document_download",
    ),
    path(
        "applications/<int:pk>/versions/<int:number>/",
        never_cache(views.version),
        name="application_version",
    ),
]
