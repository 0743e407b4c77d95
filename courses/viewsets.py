"""Admin screens for learner state: enrolments with progress, lesson completions, attempts.

Read-only for trainers and programme staff (view permission): the facts change only through
the learners' own actions.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from capacity_lms.taxonomy.models import Country
from courses.models import CoursePage, Enrolment, LessonCompletion, QuizAttempt


def listing(queryset_function):
    """An index view listing ``queryset_function()``: joins and annotations the columns need."""
    return type(
        "ListingIndexView",
        (IndexView,),
        {"get_base_queryset": lambda self: queryset_function()},
    )


class EnrolmentFilterSet(WagtailFilterSet):
    course = ModelChoiceFilter(queryset=CoursePage.objects.all(), label=_("Course"))
    country = ModelChoiceFilter(
        queryset=Country.objects.all(),
        field_name="user__capacity_profile__country_of_residence",
        label=_("Learner's country"),
    )
    enrolled_at = DateFromToRangeFilter(label=_("Enrolled"), widget=DateRangePickerWidget)

    class Meta:
        model = Enrolment
        fields = ["status", "course", "country", "enrolled_at"]


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    name = "capacity_enrolments"
    icon = "user"
    menu_label = _("Enrolments")
    url_prefix = "capacity/enrolments"
    filterset_class = EnrolmentFilterSet
    search_fields = ["user__username", "user__email", "user__last_name", "course__title"]
    list_display = ["user", "course", "status", "progress_percent", "enrolled_at", "completed_at"]
    list_export = ["user", "course", "status", "progress_percent", "enrolled_at", "completed_at"]
    export_filename = "enrolments"
    inspect_view_enabled = True
    form_fields = ["status"]

    index_view_class = listing(
        lambda: Enrolment.objects.select_related("user", "course").with_progress()
    )


class LessonCompletionViewSet(ModelViewSet):
    model = LessonCompletion
    name = "capacity_lesson_completions"
    icon = "tick"
    menu_label = _("Lesson completions")
    url_prefix = "capacity/lesson-completions"
    list_filter = ["course", "method"]
    search_fields = ["user__username", "user__email", "lesson__title"]
    list_display = ["user", "lesson", "course", "method", "completed_at"]
    list_export = ["user", "lesson", "course", "method", "completed_at"]
    export_filename = "lesson-completions"
    inspect_view_enabled = True
    form_fields = ["method"]

    index_view_class = listing(
        lambda: LessonCompletion.objects.select_related("user", "lesson", "course")
    )


class QuizAttemptViewSet(ModelViewSet):
    model = QuizAttempt
    name = "capacity_quiz_attempts"
    icon = "form"
    menu_label = _("Quiz attempts")
    url_prefix = "capacity/quiz-attempts"
    list_filter = ["passed"]
    search_fields = ["user__username", "user__email", "lesson__title"]
    list_display = ["user", "lesson", "number", "score", "passed", "submitted_at"]
    list_export = ["user", "lesson", "quiz_id", "number", "score", "passed", "submitted_at"]
    export_filename = "quiz-attempts"
    inspect_view_enabled = True
    form_fields = ["passed"]

    index_view_class = listing(lambda: QuizAttempt.objects.select_related("user", "lesson"))


class TrainingViewSetGroup(ModelViewSetGroup):
    menu_label = _("Training")
    menu_icon = "doc-full-inverse"
    menu_name = "capacity-training"
    items = (EnrolmentViewSet, LessonCompletionViewSet, QuizAttemptViewSet)
