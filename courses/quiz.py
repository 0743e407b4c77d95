"""Quiz answers: read from a submitted form, checked against the quiz, scored on the server."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class InvalidAnswers(Exception):
    """The submitted answers do not fit the quiz; ``messages`` says why, for the learner."""

    def __init__(self, messages):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = messages


@dataclass
class QuestionResult:
    question_id: str
    chosen: list
    correct: bool
    feedback: list = field(default_factory=list)


@dataclass
class QuizResult:
    score: Decimal
    passed: bool
    questions: list


def question_field_name(question_id):
    return f"question-{question_id}"


def answers_from_post(data):
    """Collect the chosen option ids per question id from POST data (a QueryDict)."""
    answers = {}
    prefix = "question-"
    for key in data:
        if key.startswith(prefix):
            answers[key[len(prefix) :]] = data.getlist(key)
    return answers


def validate_answers(quiz, answers):
    """Refuse answers that are missing, unknown or malformed; return them normalised."""
    questions = {question.id: question.value for question in quiz["questions"].bound_blocks}
    errors = []
    unknown_questions = set(answers) - set(questions)
    if unknown_questions:
        errors.append(
            _("The answers do not match this quiz (it may have changed). Reload the page.")
        )
    missing = [
        position
        for position, question_id in enumerate(questions, start=1)
        if not answers.get(question_id)
    ]
    if missing:
        errors.append(
            ngettext(
                "Answer question %(numbers)s.",
                "Answer questions %(numbers)s.",
                len(missing),
            )
            % {"numbers": ", ".join(str(n) for n in missing)}
        )
    normalised = {}
    for position, (question_id, question) in enumerate(questions.items(), start=1):
        chosen = [str(option_id) for option_id in answers.get(question_id, [])]
        option_ids = {option.id for option in question["options"].bound_blocks}
        if any(option_id not in option_ids for option_id in chosen):
            errors.append(
                _("Question %(number)s has an answer that is not one of its options.")
                % {"number": position}
            )
        elif len(set(chosen)) != len(chosen) or (
            len(chosen) > 1 and not question["allows_multiple"]
        ):
            errors.append(
                _("Choose only one answer to question %(number)s.") % {"number": position}
            )
        normalised[question_id] = sorted(set(chosen))
    if errors:
        raise InvalidAnswers(list(dict.fromkeys(errors)))
    return normalised


def correct_answers(quiz):
    """{question id: [ids of its correct options]}: what a full-marks submission chooses."""
    return {
        question.id: [
            option.id
            for option in question.value["options"].bound_blocks
            if option.value["is_correct"]
        ]
        for question in quiz["questions"].bound_blocks
    }


def score_answers(quiz, answers):
    """Score validated answers: a question counts when exactly its correct options are chosen."""
    results = []
    for question in quiz["questions"].bound_blocks:
        options = question.value["options"].bound_blocks
        correct_ids = {option.id for option in options if option.value["is_correct"]}
        chosen = answers[question.id]
        feedback = [
            option.value["feedback"]
            for option in options
            if option.id in chosen and option.value["feedback"]
        ]
        results.append(
            QuestionResult(
                question_id=question.id,
                chosen=chosen,
                correct=set(chosen) == correct_ids,
                feedback=feedback,
            )
        )
    total = len(results)
    right = sum(1 for result in results if result.correct)
    score = (Decimal(right * 100) / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return QuizResult(score=score, passed=score >= quiz["pass_mark"], questions=results)
