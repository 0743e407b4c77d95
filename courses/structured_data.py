"""A course page's schema.org description: a ``Course`` in the page's language (its title,
summary, teaching language, level, time, strategic axis, the programme as provider), and what
higher domains add to it through :func:`capacity_lms.core.structured_data.register_part` (the
workshops, as ``hasCourseInstance``). Nothing personal: no trainer, no learner."""

import json

from capacity_lms.conf import programme_name
from capacity_lms.core import structured_data
from capacity_lms.core.fragments import remember
from capacity_lms.core.links import absolute_url

COURSE_MODE = {"online": "online", "blended": "blended", "in_person": "onsite"}


def hours(value):
    """``value`` hours as an ISO 8601 duration (``PT1H30M``)."""
    minutes = round(value * 60)
    whole, rest = divmod(minutes, 60)
    return f"PT{whole}H{rest}M" if rest else f"PT{whole}H"


def course_json_ld(page, language):
    """What ``page`` says of itself, read in ``language`` (the page's own)."""
    url = absolute_url(page.url)
    data = {
        "@context": structured_data.SCHEMA_ORG,
        "@type": "Course",
        "@id": f"{url}#course",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": page.language,
        "educationalLevel": str(page.get_level_display()),
        "courseMode": COURSE_MODE.get(page.format, page.format),
        "timeRequired": hours(page.estimated_hours),
        "isAccessibleForFree": True,
        "about": page.strategic_axis.name_in(language),
        "provider": {
            "@type": "Organization",
            "name": str(programme_name(language)),
            "url": absolute_url("/"),
        },
    }
    if page.leads_to_certificate:
        data["educationalCredentialAwarded"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "certificate",
        }
    return data


def course_script(page, request):
    """The page's ``<script type="application/ld+json">``: its own part kept with the page's
    fragments (computed again when the page is published), the registered parts read now."""
    text = remember(
        request,
        "course-json-ld",
        [page.pk, page.live_revision_id],
        lambda: json.dumps(course_json_ld(page, page.locale.language_code)),
    )
    data = structured_data.with_parts("course", json.loads(text), page, request)
    return structured_data.script(data)
