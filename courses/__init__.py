"""Learning content and learner state: catalogue, courses, lessons, quizzes, enrolment."""
