"""The workbook's URLs. Every page is personal: never kept by a browser or a shared cache."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.workbook import export_views, files, review_views, views

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

# A workbook's files (export_views.py): the XLSX and the PDF out, the XLSX back in.
urlpatterns += [
    path(
        "workbook/files/<int:pk>/workbook.xlsx",
        never_cache(export_views.workbook_xlsx),
        name="workbook_xlsx",
    ),
    path(
        "workbook/files/<int:pk>/import/",
        never_cache(export_views.workbook_import),
        name="workbook_import",
    ),
    path(
        "workbook/files/<int:pk>/workbook.pdf",
        never_cache(export_views.workbook_pdf),
        name="workbook_pdf",
    ),
]
