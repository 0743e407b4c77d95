from django.urls import path

from courses.views import MyLearningView

urlpatterns = [
    path("my-learning/", MyLearningView.as_view(), name="my_learning"),
]
