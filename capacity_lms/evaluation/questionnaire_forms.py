"""A questionnaire as a form, and its answers as scores: shared by the self-assessment and the
follow-up.

The form has one field per question, named by the question's block id, grouped by section for
the template. Answers are stored as ``{question id: value}``: a scale's 1 to 5, a choice's
option id, a free text. Only the questionnaire's own questions and options are accepted; a
free text is at most 2,000 characters.

Scores run from 0 (the capacity is missing) to 100 (it is fully there): a scale answer v scores
(v - 1) / 4 x 100, a choice its option's score; free texts are never scored. A section's score
is the mean of its scored answers, keyed by its capacity area (None for a section without one).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

TEXT_LIMIT = 2000
SCALE = (
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Partly")),
    (4, _("Mostly")),
    (5, _("Fully")),
)


@dataclass
class Question:
    id: str
    kind: str  # "scale", "choice" or "text"
    text: object  # blocks.TranslatedValue
    required: bool
    options: list = field(default_factory=list)  # [(option id, TranslatedValue, score)]

    @property
    def field_name(self):
        return f"q_{self.id}"

    def score(self, value):
        """The answer's score (0 to 100) or None (a free text, no answer, a stale option)."""
        if value in (None, ""):
            return None
        if self.kind == "scale":
            return Decimal(int(value) - 1) * 25
        if self.kind == "choice":
            for option_id, _text, score in self.options:
                if option_id == value:
                    return Decimal(score)
        return None


@dataclass
class Section:
    heading: object  # blocks.TranslatedValue
    area: object  # CapacityArea or None
    questions: list


def sections(questionnaire):
    """The questionnaire's sections and questions, in order."""
    found = []
    for block in questionnaire.body:
        value = block.value
        questions = []
        for child in value["questions"]:
            question = child.value
            options = []
            if child.block_type == "choice":
                options = [
                    (option.id, option.value["text"], option.value["score"])
                    for option in question["options"].bound_blocks
                ]
            questions.append(
                Question(
                    child.id, child.block_type, question["text"], question["required"], options
                )
            )
        found.append(Section(value["heading"], value["area"], questions))
    return found


def questions_of(questionnaire_sections):
    return [question for section in questionnaire_sections for question in section.questions]


class QuestionnaireForm(forms.Form):
    """The questions of ``questionnaire``; ``answers`` fills a form already answered."""

    def __init__(self, questionnaire, *args, answers=None, **kwargs):
        kwargs.setdefault("initial", {})
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.sections = sections(questionnaire)
        for question in questions_of(self.sections):
            self.fields[question.field_name] = self._field(question)
            if answers and question.id in answers:
                self.initial[question.field_name] = answers[question.id]

    @staticmethod
    def _field(question):
        label = str(question.text)
        if question.kind == "scale":
            return forms.TypedChoiceField(
                label=label,
                choices=SCALE,
                coerce=int,
                required=question.required,
                widget=forms.RadioSelect,
            )
        if question.kind == "choice":
            return forms.ChoiceField(
                label=label,
                choices=[(option_id, str(text)) for option_id, text, _score in question.options],
                required=question.required,
                widget=forms.RadioSelect,
            )
        return forms.CharField(
            label=label,
            max_length=TEXT_LIMIT,
            required=question.required,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def grouped(self):
        """``[(section, [(question, bound field), ...]), ...]`` for the template."""
        return [
            (section, [(question, self[question.field_name]) for question in section.questions])
            for section in self.sections
        ]

    def answers(self):
        """The cleaned answers as stored: ``{question id: value}``, empty answers left out."""
        found = {}
        for question in questions_of(self.sections):
            value = self.cleaned_data.get(question.field_name)
            if value not in (None, ""):
                found[question.id] = value
        return found


def section_scores(questionnaire_sections, answers):
    """``{area or None: (mean score, answers scored)}`` of the sections with a scored answer."""
    scores = {}
    for section in questionnaire_sections:
        values = [
            score
            for question in section.questions
            if (score := question.score(answers.get(question.id))) is not None
        ]
        if values:
            mean = (sum(values) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            scores[section.area] = (mean, len(values))
    return scores


def overall_score(questionnaire_sections, answers):
    """The mean of every scored answer (0 to 100), or None when none is scored."""
    values = [
        score
        for question in questions_of(questionnaire_sections)
        if (score := question.score(answers.get(question.id))) is not None
    ]
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)
