"""A case study's page as schema.org data: an ``Article`` in the page's language (its title,
summary, dates of publication, the association that carried the project, where, when, what it
is about, the programme as publisher). Nothing personal: no contact person or e-mail, no
submitter."""

from capacity_lms.conf import programme_name
from capacity_lms.core.links import absolute_url
from capacity_lms.core.structured_data import SCHEMA_ORG, script


def _day_or_instant(value):
    return value.isoformat(timespec="seconds") if hasattr(value, "hour") else value.isoformat()


def case_study_json_ld(page):
    """What case study ``page`` says of itself, in its own language."""
    language = page.locale.language_code
    url = absolute_url(page.url)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Article",
        "@id": f"{url}#article",
        "headline": page.title[:110],
        "name": page.title,
        "description": page.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": language,
        "articleSection": "case study",
        "contentLocation": {
            "@type": "Country",
            "name": str(page.host_country.name_in(language)),
            "identifier": page.host_country.iso_code,
        },
        "temporalCoverage": "/".join(
            day.isoformat() for day in (page.started_on, page.ended_on) if day
        )
        if page.ended_on
        else f"{page.started_on.isoformat()}/..",
        "publisher": {
            "@type": "Organization",
            "name": str(programme_name(language)),
            "url": absolute_url("/"),
        },
    }
    if page.first_published_at:
        data["datePublished"] = _day_or_instant(page.first_published_at)
    if page.last_published_at:
        data["dateModified"] = _day_or_instant(page.last_published_at)
    association = page.association_display_name
    if association:
        data["author"] = {"@type": "Organization", "name": association}
    about = [str(axis.name_in(language)) for axis in page.strategic_axes.all()]
    if about:
        data["about"] = about
    keywords = page.tag_names
    if keywords:
        data["keywords"] = ", ".join(keywords)
    return data


def case_study_script(page):
    return script(case_study_json_ld(page))
