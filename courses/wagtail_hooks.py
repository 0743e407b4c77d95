"""Registration only: the viewsets live in courses/viewsets.py."""

from wagtail import hooks

from courses.viewsets import TrainingViewSetGroup


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
