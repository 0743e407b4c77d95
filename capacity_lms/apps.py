from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The subpackages whose privacy.py declares what their models keep of a person.
PRIVACY_PACKAGES = (
    "people",
    "projects",
    "workshops",
    "attendance",
    "certificates",
    "library",
    "network",
    "calls",
    "exchange",
    "workbook",
    "evaluation",
    "reports",
)


class CapacityLmsConfig(AppConfig):
    name = "capacity_lms"
    label = "capacity_lms"
    verbose_name = _("Capacity building programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .core import page_cache  # (purges cached pages when editors change them)
        from .library.models import CaseStudyAttachment
        from .people.models import Association
        from .taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis
        from .workshops.models import OccurrenceChange, Session, Workshop

        # The catalogue's and the library's filters show the taxonomy; case studies their
        # association and files; workshop pages, the workshop list and course pages (a panel)
        # the workshops, their sessions and each occurrence. Seats purge their own pages
        # (workshops/cached_pages.py).
        page_cache.purge_when_changed(
            Country,
            Region,
            SpecializedGroup,
            StrategicAxis,
            Association,
            CaseStudyAttachment,
            Workshop,
            Session,
            OccurrenceChange,
        )
        from .network import cached_pages as network_pages

        # The directory shows associations (above), memberships, partnerships and consents.
        network_pages.register()
        from .calls import page_panels as call_panels
        from .certificates import receivers  # noqa: F401  (connects the certificate rules)
        from .evaluation import page_panels as evaluation_panels
        from .exchange import (
            alerts,  # noqa: F401  (moderators hear of reports and held posts)
            notices,  # noqa: F401  (e-mails followers of new posts)
        )
        from .exchange import attachments as exchange_files  # noqa: F401  (files go with posts)
        from .exchange import page_panels as exchange_panels
        from .library import (
            attachments,  # noqa: F401  (publishes submitted files with their case study)
            notifications,  # noqa: F401  (tells submitters the editors' decision)
        )
        from .library import page_panels as library_panels
        from .workbook import alerts as workbook_alerts  # noqa: F401  (trainers, members)
        from .workbook import completion  # noqa: F401  (accepted steps complete lessons)
        from .workbook import page_panels as workbook_panels
        from .workshops import feed_cache  # noqa: F401  (purges cached feeds on changes)
        from .workshops import page_panels as workshop_panels

        # What a course page shows of the workshops and the library, and the navigation of
        # the committee's members (core.panels).
        workshop_panels.register()
        library_panels.register()
        call_panels.register()
        exchange_panels.register()
        workbook_panels.register()
        evaluation_panels.register()
        from .privacy import known_apps
        from .privacy.registry import autodiscover

        # What each model keeps of a person (docs/privacy.md).
        autodiscover(
            [f"capacity_lms.{package}" for package in PRIVACY_PACKAGES],
            defaults=[known_apps.register_installed],
        )
