"""What a project keeps of a person: who created it (an actor; the project is the
association's)."""

from capacity_lms.privacy.registry import KEEP, register
from capacity_lms.projects.models import Project

register(Project, actor_fields=["created_by"], erase=KEEP)
