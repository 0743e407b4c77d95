from courses.models.learning import Enrolment, LessonCompletion, QuizAttempt
from courses.models.lessons import LessonPage
from courses.models.pages import CatalogueIndexPage, CoursePage, CourseTag

__all__ = [
    "CatalogueIndexPage",
    "CoursePage",
    "CourseTag",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "QuizAttempt",
]
