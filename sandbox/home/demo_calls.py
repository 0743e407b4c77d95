"""The sandbox's calls for projects: a list page under each language's home page, this year's
call (open: its dates follow the day the demo is loaded) and last year's (decided), each in
English, French and Arabic, translations of one another, as ``demo_content/calls/calls.toml``
says; the committee is the demo accounts reviewer1-3. Idempotent."""

import datetime
import tomllib
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from capacity_lms.taxonomy.models import SpecializedGroup, StrategicAxis
from sandbox.home.demo_training import LANGUAGES, ensure_index_pages
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory

CALLS_CONTENT = Path(__file__).resolve().parents[1] / "demo_content" / "calls" / "calls.toml"
OPENS_AT = datetime.time(9, 0)
CLOSES_AT = datetime.time(16, 0)


def read_calls(path=CALLS_CONTENT):
    with open(path, "rb") as file:
        return tomllib.load(file)


def _inlines(content, language, users):
    from capacity_lms.calls.pages import CallCriterion, CommitteeMember, RequiredDocument

    return {
        "criteria": [
            CallCriterion(
                name=item["name"][language],
                weight=Decimal(item["weight"]),
                max_score=item["max_score"],
                sort_order=number,
            )
            for number, item in enumerate(content["criteria"])
        ],
        "required_documents": [
            RequiredDocument(name=item["name"][language], sort_order=number)
            for number, item in enumerate(content["documents"])
        ],
        "committee": [
            CommitteeMember(
                user=users[item["username"]],
                department=item["department"][language],
                is_chair=item["is_chair"],
                sort_order=number,
            )
            for number, item in enumerate(content["committee"])
        ],
    }


def ensure_call(item, content, indexes, users):
    from capacity_lms.calls.pages import CallPage

    today = timezone.localdate()
    pages = {}
    for language in LANGUAGES:
        existing = CallPage.objects.child_of(indexes[language]).filter(slug=item["slug"]).first()
        if existing is not None:
            pages[language] = existing
            continue
        extra = {}
        if "en" in pages:
            extra["translation_key"] = pages["en"].translation_key
        pages[language] = CallPageFactory(
            parent=indexes[language],
            locale=Locale.objects.get(language_code=language),
            title=item["title"][language],
            slug=item["slug"],
            intro=f"<p>{escape(item['intro'][language])}</p>",
            year=today.year - item["years_ago"],
            opens_on=today - datetime.timedelta(days=item["opened_days_ago"]),
            opens_at=OPENS_AT,
            closes_on=today + datetime.timedelta(days=item["closes_in_days"]),
            closes_at=CLOSES_AT,
            ceiling=Decimal(item["ceiling"]),
            envelope=Decimal(item["envelope"]),
            minimum_share=Decimal(item["minimum_share"]),
            minimum_years=item["minimum_years"],
            minimum_trained_members=item["minimum_trained_members"],
            stage=item["stage"],
            strategic_axes=list(StrategicAxis.objects.filter(code__in=item["axes"])),
            specialized_groups=list(SpecializedGroup.objects.filter(code__in=item["groups"])),
            **_inlines(content, language, users),
            **extra,
        )
    return pages


def load_calls(users, path=CALLS_CONTENT):
    """The list pages and both calls in three languages; returns counts for the summary.
    ``users`` are the demo accounts by username (the committee's among them)."""
    from capacity_lms.calls.pages import CallIndexPage, CallPage

    content = read_calls(path)
    texts = content["index"]
    indexes = ensure_index_pages(
        CallIndexPage,
        CallIndexPageFactory,
        {
            language: (texts["title"][language], f"<p>{escape(texts['intro'][language])}</p>")
            for language in LANGUAGES
        },
        "calls",
    )
    for item in content["calls"]:
        ensure_call(item, content, indexes, users)
    return {"calls for projects (all languages)": CallPage.objects.count()}
