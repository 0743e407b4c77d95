"""The self-assessment's URLs (issue #25). Every page is personal: never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.evaluation import assessment_views

urlpatterns = [
    path(
        "associations/<int:pk>/self-assessment/",
        never_cache(assessment_views.self_assessment),
        name="self_assessment",
    ),
    path(
        "associations/<int:pk>/capacities/",
        never_cache(assessment_views.capacities),
        name="association_capacities",
    ),
]
