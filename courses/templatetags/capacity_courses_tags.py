from django import template

register = template.Library()


@register.simple_tag
def chosen_options(state, question_id):
    """The option ids the learner chose for a question (last attempt, or the refused post)."""
    return (state.chosen or {}).get(question_id, [])


@register.simple_tag
def question_result(state, question_id):
    """The scored result of a question in the learner's last attempt, if it can be shown."""
    if state.result is None:
        return None
    return next((q for q in state.result.questions if q.question_id == question_id), None)
