"""A country coordinator's assignment: a role, deleted with the person's data."""

from capacity_lms.privacy.registry import DELETE, register
from capacity_lms.reports.models import CountryCoordinator

register(
    CountryCoordinator,
    person_fields=["user"],
    export=[("countries", "countries__code")],
    erase=DELETE,
)
