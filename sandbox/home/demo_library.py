"""Demo best-practice library: a library in each language with the case studies of
``sandbox/demo_content/case_studies/*.toml`` (read and checked by
``demo_content.load_case_studies``), each in the language it was written in.

The library exists in English, French and Arabic as translations of one another. Three case
studies are also translated (title, summary, tags and related modules; the narrative stays in
the language it was written in until an editor translates it). Idempotent: pages are looked up
by locale and slug.
"""

from decimal import Decimal

from django.utils.html import escape

from capacity_lms.library.models import CaseStudyIndicator, CaseStudyPage, LibraryIndexPage
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis
from courses.models import CoursePage
from sandbox.home.demo_content import load_case_studies
from sandbox.home.demo_training import ensure_index_pages
from sandbox.testing.factories import CaseStudyPageFactory, LibraryIndexPageFactory

LANGUAGES = ["en", "fr", "ar"]

LIBRARY = {
    "en": (
        "Best practices",
        "<p>What worked for associations of Moroccans living abroad, told so that another "
        "association can do it again: context, actions, results in figures, pitfalls.</p>",
    ),
    "fr": (
        "Bonnes pratiques",
        "<p>Ce qui a marché pour des associations de Marocains du monde, raconté pour qu'une "
        "autre association puisse le refaire : contexte, actions, résultats chiffrés, "
        "écueils.</p>",
    ),
    "ar": (
        "الممارسات الجيدة",
        "<p>تجارب ناجحة لجمعيات المغاربة المقيمين بالخارج، مروية بحيث تستطيع جمعية أخرى "
        "تكرارها: السياق، والأعمال المنجزة، والنتائج بالأرقام، والأخطاء الواجب تجنبها.</p>",
    ),
}


def _html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def ensure_libraries():
    """A library under the home page of each language, translations of one another."""
    return ensure_index_pages(LibraryIndexPage, LibraryIndexPageFactory, LIBRARY, "best-practices")


def _courses(slugs, locale):
    return list(CoursePage.objects.filter(locale=locale, slug__in=slugs))


def ensure_case_study(study, libraries):
    """The case study in the language it was written in, then its translations."""
    library = libraries[study["language"]]
    page = CaseStudyPage.objects.child_of(library).filter(slug=study["slug"]).first()
    if page is None:
        started_on, ended_on = study["period"]
        budget, currency = study["budget"]
        contact_name, contact_email = study["contact"]
        page = CaseStudyPageFactory(
            parent=library,
            locale=library.locale,
            slug=study["slug"],
            title=study["title"],
            summary=study["summary"],
            association=Association.objects.filter(name=study["association"]).first(),
            host_country=Country.objects.get(code=study["country"]),
            regions_of_origin=list(Region.objects.filter(code__in=study.get("regions", []))),
            specialized_groups=list(SpecializedGroup.objects.by_code(*study["groups"])),
            strategic_axes=list(StrategicAxis.objects.by_code(*study["axes"])),
            tags=study["tags"],
            started_on=started_on,
            ended_on=ended_on,
            budget=Decimal(budget),
            budget_currency=currency,
            funders=study["funders"],
            partners_host_country=study["partners_host_country"],
            partners_morocco=study["partners_morocco"],
            context=_html(study["context"]),
            what_was_done=_html(study["what_was_done"]),
            results=_html(study["results"]),
            indicators=[
                CaseStudyIndicator(indicator=indicator, baseline=baseline, result=result)
                for indicator, baseline, result in study["indicators"]
            ],
            success_factors=_html(study["success_factors"]),
            pitfalls=_html(study["pitfalls"]),
            replication=_html(study["replication"]),
            contact_name=contact_name,
            contact_email=contact_email,
            related_courses=_courses(study["courses"], library.locale),
        )
    for language, (title, summary, tags) in study.get("translations", {}).items():
        locale = libraries[language].locale
        if page.has_translation(locale):
            continue
        translation = page.copy_for_translation(locale)
        translation.title = title
        translation.summary = summary
        translation.tags.set(tags)
        translation.related_courses.set(_courses(study["courses"], locale))
        translation.save_revision().publish()
    return page


def load_library():
    libraries = ensure_libraries()
    for study in load_case_studies():
        ensure_case_study(study, libraries)
    return {"case studies (all languages)": CaseStudyPage.objects.live().count()}
