"""The workbook's URLs. Every page is personal: never kept by a browser or a shared cache."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.workbook import files, review_views, views

urlpatterns = [
    path("workbook/", never_cache(views.my_workbooks), name="workbooks"),
    path(
        "workbook/<int:association_pk>/steps/<int:lesson_pk>/<str:step_id>/",
        never_cache(views.step_page),
        name="workbook_step",
    ),
    path("workbook/reviews/", never_cache(review_views.queue), name="workbook_queue"),
    path("workbook/reviews/alerts/", review_views.alerts, name="workbook_alerts"),
    path("workbook/reviews/<int:pk>/", never_cache(review_views.review), name="workbook_review"),
    path(
        "workbook/step-files/<int:pk>/<str:name>",
        never_cache(files.file_download),
        name="workbook_file",
    ),
]
