"""The evaluation's reaction URLs (issue #25). Every page is personal: never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.evaluation.reaction_views import reaction, reaction_all, reaction_mine

urlpatterns = [
    path("reactions/<int:pk>/", never_cache(reaction), name="reaction"),
    path("reactions/mine/", never_cache(reaction_mine), name="reaction_mine"),
    path("reactions/all/", never_cache(reaction_all), name="reaction_all"),
]
