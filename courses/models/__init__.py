from courses.models.learning import Enrolment, LessonCompletion, QuizAttempt
from courses.models.pages import (
    CatalogueIndexPage,
    CoursePage,
    CourseTag,
    LessonPage,
)

__all__ = [
    "CatalogueIndexPage",
    "CoursePage",
    "CourseTag",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "QuizAttempt",
]
