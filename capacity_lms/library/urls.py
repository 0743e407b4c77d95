"""Library URLs besides the pages themselves; included by ``capacity_lms.urls``."""

from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from capacity_lms.library import submission_views, views

urlpatterns = [
    path("library/<int:page_id>/rss/", require_safe(views.LibraryRssFeed()), name="library_rss"),
    path(
        "library/<int:page_id>/atom/", require_safe(views.LibraryAtomFeed()), name="library_atom"
    ),
    path(
        "library/case-studies/<int:pk>/case-study.pdf",
        views.case_study_pdf,
        name="case_study_pdf",
    ),
    path(
        "library/<int:page_id>/submit/",
        never_cache(submission_views.submit_case_study),
        name="case_study_submit",
    ),
    path(
        "library/submitted-files/<int:pk>/<str:name>",
        never_cache(submission_views.attachment),
        name="case_study_attachment",
    ),
    path(
        "library/my-submissions/",
        never_cache(submission_views.my_submissions),
        name="my_submissions",
    ),
]
