"""The evaluation's URLs: the self-assessment, reactions, follow-ups and timelines."""

from capacity_lms.evaluation.assessment_urls import urlpatterns as assessment_urlpatterns
from capacity_lms.evaluation.follow_up_urls import urlpatterns as follow_up_urlpatterns
from capacity_lms.evaluation.reaction_urls import urlpatterns as reaction_urlpatterns

urlpatterns = [*assessment_urlpatterns, *reaction_urlpatterns, *follow_up_urlpatterns]
