from django.urls import path
from django.views.decorators.cache import never_cache

from courses.views import MyLearningView

urlpatterns = [
    path("my-learning/", never_cache(MyLearningView.as_view()), name="my_learning"),
]
