"""The time fields read ``capacity_lms.core.clock`` (#27): only Django's state changes.

A Python default and ``editable`` are not in the database, so nothing is run there: SQLite
would otherwise rebuild every table named here to change nothing.
"""

import capacity_lms.core.clock
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("capacity_courses", "0005_capacity_areas_follow_up_and_learning_gain"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="enrolment",
                    name="enrolled_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="enrolled",
                    ),
                ),
                migrations.AlterField(
                    model_name="lessoncompletion",
                    name="completed_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="completed",
                    ),
                ),
                migrations.AlterField(
                    model_name="quizattempt",
                    name="submitted_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="submitted",
                    ),
                ),
            ]
        )
    ]
