"""Questionnaires for tests and the demo (issue #25): written as the editor's StreamField
would store them, every text in English, French and Arabic."""

import uuid

from capacity_lms.evaluation.models import Questionnaire


def text(en, fr="", ar=""):
    return {"en": en, "fr": fr or f"{en} (fr)", "ar": ar or f"{en} (ar)"}


def scale(statement, required=True, id=None):
    return {
        "type": "scale",
        "id": id or str(uuid.uuid4()),
        "value": {
            "text": statement if isinstance(statement, dict) else text(statement),
            "required": required,
        },
    }


def choice(question, options, required=True, id=None):
    """``options``: [(text, score), ...]."""
    return {
        "type": "choice",
        "id": id or str(uuid.uuid4()),
        "value": {
            "text": question if isinstance(question, dict) else text(question),
            "required": required,
            "options": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "text": label if isinstance(label, dict) else text(label),
                        "score": score,
                    },
                }
                for label, score in options
            ],
        },
    }


def free_text(question, required=False, id=None):
    return {
        "type": "text",
        "id": id or str(uuid.uuid4()),
        "value": {
            "text": question if isinstance(question, dict) else text(question),
            "required": required,
        },
    }


def section(heading, questions, area=None):
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {
            "area": area.pk if area is not None else None,
            "heading": heading if isinstance(heading, dict) else text(heading),
            "questions": questions,
        },
    }


def make_questionnaire(
    kind=Questionnaire.Kind.SELF_ASSESSMENT, sections=(), title="Our capacities"
):
    """An active questionnaire of ``kind`` with ``sections`` (``section(...)`` dicts); the one
    active before of that kind is retired."""
    Questionnaire.objects.filter(kind=kind, is_active=True).update(is_active=False)
    return Questionnaire.objects.create(
        kind=kind,
        title_en=title,
        title_fr=f"{title} (fr)",
        title_ar=f"{title} (ar)",
        intro_en="Answer for your association as it is today.",
        body=list(sections),
    )
