"""The time fields read ``capacity_lms.core.clock`` (#27): only Django's state changes.

A Python default and ``editable`` are not in the database, so nothing is run there: SQLite
would otherwise rebuild every table named here to change nothing.
"""

import capacity_lms.core.clock
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("capacity_lms", "0038_certificate_open_badge"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="abusereport",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="reported",
                    ),
                ),
                migrations.AlterField(
                    model_name="agreement",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="application",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="applicationdocument",
                    name="uploaded_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="uploaded",
                    ),
                ),
                migrations.AlterField(
                    model_name="applicationversion",
                    name="saved_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="saved"
                    ),
                ),
                migrations.AlterField(
                    model_name="association",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="association",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="associationdocument",
                    name="uploaded_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="uploaded",
                    ),
                ),
                migrations.AlterField(
                    model_name="calendarfeedtoken",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="callevent",
                    name="at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="when"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudyattachment",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="certificate",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="certificateevent",
                    name="at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="when"
                    ),
                ),
                migrations.AlterField(
                    model_name="certificaterule",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="decision",
                    name="decided_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="decided"
                    ),
                ),
                migrations.AlterField(
                    model_name="deliverable",
                    name="updated_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="deliverablefile",
                    name="uploaded_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="uploaded"
                    ),
                ),
                migrations.AlterField(
                    model_name="deliverablereview",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="reviewed"
                    ),
                ),
                migrations.AlterField(
                    model_name="deliverableversion",
                    name="saved_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="saved"
                    ),
                ),
                migrations.AlterField(
                    model_name="documentrequest",
                    name="requested_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="requested",
                    ),
                ),
                migrations.AlterField(
                    model_name="eligibilitycheck",
                    name="checked_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="checked"
                    ),
                ),
                migrations.AlterField(
                    model_name="follow",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="since"
                    ),
                ),
                migrations.AlterField(
                    model_name="membershiprequest",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="asked"
                    ),
                ),
                migrations.AlterField(
                    model_name="moderationevent",
                    name="at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="when"
                    ),
                ),
                migrations.AlterField(
                    model_name="notice",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="due since"
                    ),
                ),
                migrations.AlterField(
                    model_name="occurrencechange",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="offerorneed",
                    name="created_at",
                    field=models.DateTimeField(
                        db_index=True,
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="posted",
                    ),
                ),
                migrations.AlterField(
                    model_name="partnership",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="declared",
                    ),
                ),
                migrations.AlterField(
                    model_name="personaldatarequest",
                    name="at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="when"
                    ),
                ),
                migrations.AlterField(
                    model_name="post",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="posted"
                    ),
                ),
                migrations.AlterField(
                    model_name="postreport",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="reported"
                    ),
                ),
                migrations.AlterField(
                    model_name="postrevision",
                    name="replaced_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="replaced"
                    ),
                ),
                migrations.AlterField(
                    model_name="profilechange",
                    name="proposed_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="proposed",
                    ),
                ),
                migrations.AlterField(
                    model_name="project",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="project",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="questionnaire",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="reactionrequest",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="registration",
                    name="queued_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="registered"
                    ),
                ),
                migrations.AlterField(
                    model_name="registration",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="relayedmessage",
                    name="created_at",
                    field=models.DateTimeField(
                        db_index=True,
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="sent",
                    ),
                ),
                migrations.AlterField(
                    model_name="reminderdelivery",
                    name="sent_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="sent"
                    ),
                ),
                migrations.AlterField(
                    model_name="reviewassignment",
                    name="assigned_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="assigned",
                    ),
                ),
                migrations.AlterField(
                    model_name="session",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="session",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
                migrations.AlterField(
                    model_name="space",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="spaceremoval",
                    name="removed_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="removed"
                    ),
                ),
                migrations.AlterField(
                    model_name="thread",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="started"
                    ),
                ),
                migrations.AlterField(
                    model_name="thread",
                    name="last_post_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="last post"
                    ),
                ),
                migrations.AlterField(
                    model_name="verificationevent",
                    name="created_at",
                    field=models.DateTimeField(
                        db_index=True,
                        default=capacity_lms.core.clock.now,
                        editable=False,
                        verbose_name="when",
                    ),
                ),
                migrations.AlterField(
                    model_name="walkin",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="added"
                    ),
                ),
                migrations.AlterField(
                    model_name="workbook",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="workshop",
                    name="created_at",
                    field=models.DateTimeField(
                        default=capacity_lms.core.clock.now, editable=False, verbose_name="created"
                    ),
                ),
                migrations.AlterField(
                    model_name="workshop",
                    name="updated_at",
                    field=capacity_lms.core.clock.UpdatedAtField(
                        blank=True, editable=False, verbose_name="updated"
                    ),
                ),
            ]
        )
    ]
