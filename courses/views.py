"""The learner's "My learning" page.

Course and lesson pages take their own POSTs in their ``serve()`` (as Wagtail's form pages
do): see :mod:`courses.models.pages` and :mod:`courses.models.lessons`.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from courses.progress import my_learning


class MyLearningView(LoginRequiredMixin, TemplateView):
    """The learner's own enrolments, progress, completion dates and where to resume."""

    template_name = "capacity_courses/my_learning.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=my_learning(self.request.user), **kwargs)
