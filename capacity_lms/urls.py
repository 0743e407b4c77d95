"""Public URLs of capacity-lms.

Include once: ``path("learning/", include("capacity_lms.urls"))``.
"""

from django.urls import path

from capacity_lms.attendance.urls import urlpatterns as attendance_urlpatterns
from capacity_lms.calls.application_urls import urlpatterns as application_urlpatterns
from capacity_lms.calls.committee_urls import urlpatterns as committee_urlpatterns
from capacity_lms.calls.followup_urls import urlpatterns as followup_urlpatterns
from capacity_lms.certificates.urls import urlpatterns as certificate_urlpatterns
from capacity_lms.core.language_switch import set_language
from capacity_lms.evaluation.urls import urlpatterns as evaluation_urlpatterns
from capacity_lms.exchange.urls import urlpatterns as exchange_urlpatterns
from capacity_lms.library.urls import urlpatterns as library_urlpatterns
from capacity_lms.network.partner_urls import urlpatterns as partner_urlpatterns
from capacity_lms.network.urls import urlpatterns as network_urlpatterns
from capacity_lms.privacy.urls import urlpatterns as privacy_urlpatterns
from capacity_lms.views import ProgrammeOverviewView
from capacity_lms.workbook.urls import urlpatterns as workbook_urlpatterns
from capacity_lms.workshops.urls import urlpatterns as workshop_urlpatterns
from courses.urls import urlpatterns as course_urlpatterns

app_name = "capacity_lms"

urlpatterns = [
    path("", ProgrammeOverviewView.as_view(), name="programme"),
    path("language/", set_language, name="set_language"),
    *course_urlpatterns,
    *workshop_urlpatterns,
    *attendance_urlpatterns,
    *certificate_urlpatterns,
    *library_urlpatterns,
    *network_urlpatterns,
    *privacy_urlpatterns,
    *partner_urlpatterns,
    *followup_urlpatterns,
    *application_urlpatterns,
    *committee_urlpatterns,
    *exchange_urlpatterns,
    *workbook_urlpatterns,
    *evaluation_urlpatterns,
]
