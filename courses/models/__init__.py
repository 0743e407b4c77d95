from courses.models.learning import Enrolment, LessonCompletion, QuizAttempt
from courses.models.pages import (
    CatalogueIndexPage,
    CoursePage,
    CourseTag,
    LessonPage,
    ReadOnlyPage,
    SharedPage,
)

__all__ = [
    "CatalogueIndexPage",
    "CoursePage",
    "CourseTag",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "QuizAttempt",
    "ReadOnlyPage",
    "SharedPage",
]
