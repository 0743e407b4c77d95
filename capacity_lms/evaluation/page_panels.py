"""The evaluation's panels on lower pages: My learning (slots ``my_learning_top`` and
``my_learning``), each association of My associations (``my_association``)."""

from capacity_lms.evaluation import assessment_panels, follow_up_panels, reaction_panels


def register():
    assessment_panels.register()
    reaction_panels.register()
    follow_up_panels.register()
