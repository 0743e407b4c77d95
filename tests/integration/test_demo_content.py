"""The sandbox's demo modules and case studies are data files: each loads and validates, a broken
one is refused with a message naming the file and the key, and the demo loader builds every one
of them."""

import datetime
import re
import shutil
import tomllib

import pytest
from django.utils import timezone

from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association
from courses.models import CoursePage, LessonPage
from sandbox.home.demo import load_demo_data
from sandbox.home.demo_content import (
    CASE_STUDIES_DIRECTORY,
    MODULES_DIRECTORY,
    DemoContentError,
    load_case_studies,
    load_modules,
)
from sandbox.home.demo_network_content import NETWORK_DIRECTORY, load_network_content
from tests.integration.conftest import built_for_the_module

LANGUAGES = ["en", "fr", "ar"]


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data, loaded twice (loading it again must change nothing), once for the
    module's tests, which only read it; rolled back when the module ends."""

    def load_twice():
        load_demo_data()
        return load_demo_data()

    with built_for_the_module(django_db_blocker, load_twice) as summary:
        yield summary


def module_files():
    return sorted(MODULES_DIRECTORY.glob("*.toml"))


def test_every_module_file_loads_and_validates():
    modules = load_modules()
    assert len(modules) == len(module_files()) > 0
    slugs = [module["slug"] for module in modules]
    assert {path.stem for path in module_files()} == set(slugs)
    positions = [module["position"] for module in modules]
    assert positions == sorted(positions)
    for number, module in enumerate(modules):
        assert set(module["prerequisites"]) <= set(slugs[:number]), module["slug"]
        for language in module["languages"]:
            assert module["title"][language] and module["summary"][language]
            for lesson in module["lessons"]:
                assert lesson["title"][language] and lesson["body"][language]
    # The second project engineering module requires the first, so it comes after it.
    assert slugs.index("project-engineering-foundations") < slugs.index(
        "monitoring-evaluation-reporting"
    )


def test_lesson_bodies_are_one_paragraph_per_line():
    foundations = next(
        module for module in load_modules() if module["slug"] == "project-engineering-foundations"
    )
    body = foundations["lessons"][0]["body"]
    assert [len(body[language]) for language in LANGUAGES] == [3, 3, 3]
    assert body["ar"][0].startswith("ينطلق المشروع القابل للتمويل")


def without_first(pattern, text):
    """``text`` without the first line that matches ``pattern``."""
    edited, count = re.subn(pattern, "", text, count=1, flags=re.MULTILINE)
    assert count == 1, pattern
    return edited


def without_first_lesson_line(pattern, text):
    """``text`` without the first line of its lessons that matches ``pattern``."""
    module, lessons = text.split("[[lessons]]", 1)
    return f"{module}[[lessons]]{without_first(pattern, lessons)}"


# (file, how the file is edited, what the message must name besides the file)
BROKEN = {
    "missing Arabic text": (
        "project-engineering-foundations.toml",
        lambda text: without_first_lesson_line(r"^title\.ar = .*\n", text),
        "lessons[1].title.ar",
    ),
    "unknown prerequisite": (
        "monitoring-evaluation-reporting.toml",
        lambda text: text.replace(
            'prerequisites = ["project-engineering-foundations"]',
            'prerequisites = ["no-such-module"]',
        ),
        "no-such-module",
    ),
    "prerequisite placed after the module": (
        "monitoring-evaluation-reporting.toml",
        lambda text: re.sub(r"^position = \d+$", "position = 0", text, flags=re.MULTILINE),
        "prerequisites",
    ),
    "missing key": (
        "school-support-children-abroad.toml",
        lambda text: without_first(r"^minutes = .*\n", text),
        "lessons[1].minutes",
    ),
    "misspelt key": (
        "school-support-children-abroad.toml",
        lambda text: text.replace("callout.fr =", "calout.fr =", 1),
        "calout",
    ),
    "duplicate slug": (
        "school-support-children-abroad.toml",
        lambda text: text.replace(
            'slug = "school-support-children-abroad"', 'slug = "project-engineering-foundations"'
        ),
        "slug",
    ),
    "not TOML": (
        "women-living-abroad-gulf.toml",
        lambda text: text.replace("[[lessons]]", "[[lessons]", 1),
        "line",
    ),
}


def assert_refused(broken, source, load, tmp_path):
    """Copy the data files of ``source``, break one as ``broken`` says, and check ``load``
    refuses the copy naming the file and the key."""
    name, edit, named = broken
    directory = tmp_path / source.name
    shutil.copytree(source, directory)
    path = directory / name
    original = path.read_text(encoding="utf-8")
    edited = edit(original)
    assert edited != original
    path.write_text(edited, encoding="utf-8")

    with pytest.raises(DemoContentError) as refused:
        load(directory)
    assert name in str(refused.value)
    assert named in str(refused.value)


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_module_file_is_refused_with_the_file_and_key_named(case, tmp_path):
    assert_refused(BROKEN[case], MODULES_DIRECTORY, load_modules, tmp_path)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_data")
def test_load_demo_data_builds_every_module_and_lesson_of_the_files_in_each_language():
    expected = {language: {"modules": set(), "lessons": 0} for language in LANGUAGES}
    for path in module_files():
        with path.open("rb") as file:
            module = tomllib.load(file)
        for language in module.get("languages", LANGUAGES):
            expected[language]["modules"].add(module["slug"])
            expected[language]["lessons"] += len(module["lessons"])

    built = {
        language: {
            "modules": set(
                CoursePage.objects.filter(locale__language_code=language).values_list(
                    "slug", flat=True
                )
            ),
            "lessons": LessonPage.objects.filter(locale__language_code=language).count(),
        }
        for language in LANGUAGES
    }
    assert built == expected
    # Every kind of exchange space the demo shows has its threads (threads.toml).
    from capacity_lms.exchange.models import Thread

    kinds = set(Thread.objects.values_list("space__kind", flat=True))
    assert kinds == {"axis", "region", "workshop", "partnership", "case_study", "offer"}
    # The demo trainer trains the foundations module, in every language version.
    foundations = CoursePage.objects.filter(slug="project-engineering-foundations")
    assert foundations.exists()
    assert not foundations.exclude(trainers__username="trainer").exists()


def case_study_files():
    return sorted(CASE_STUDIES_DIRECTORY.glob("*.toml"))


def test_every_case_study_file_loads_and_validates():
    studies = load_case_studies()
    assert len(studies) == len(case_study_files()) > 0
    assert {path.stem for path in case_study_files()} == {study["slug"] for study in studies}
    positions = [study["position"] for study in studies]
    assert positions == sorted(positions)
    for study in studies:
        assert study["language"] in LANGUAGES
        started_on, ended_on = study["period"]
        assert isinstance(started_on, datetime.date) and started_on <= ended_on
        assert study["language"] not in study.get("translations", {})
        for paragraphs in (study["context"], study["what_was_done"], study["results"]):
            assert paragraphs and all(paragraph.strip() for paragraph in paragraphs)
    # The partly translated case studies (title, summary and tags only) that the language of
    # parts checks read: each written in one language, translated into one other.
    translated = {
        study["slug"]: (study["language"], sorted(study["translations"]))
        for study in studies
        if "translations" in study
    }
    assert translated == {
        "soutien-scolaire-raval-barcelone": ("fr", ["en"]),
        "home-visits-elderly-rotterdam": ("en", ["ar"]),
        "maktab-irshad-qanouni-torino": ("ar", ["fr"]),
    }
    rotterdam = next(s for s in studies if s["slug"] == "home-visits-elderly-rotterdam")
    title, summary, tags = rotterdam["translations"]["ar"]
    assert title and summary and tags
    assert rotterdam["indicators"] and all(len(row) == 3 for row in rotterdam["indicators"])


# (file, how the file is edited, what the message must name besides the file)
BROKEN_CASE_STUDIES = {
    "missing key": (
        "mentorat-jeunes-emploi-lyon.toml",
        lambda text: without_first(r"^funders = .*\n", text),
        "funders",
    ),
    "translation in the language it was written in": (
        "soutien-scolaire-raval-barcelone.toml",
        lambda text: text.replace("[translations.en]", "[translations.fr]"),
        "translations.fr",
    ),
    "translation in an unknown language": (
        "home-visits-elderly-rotterdam.toml",
        lambda text: text.replace("[translations.ar]", "[translations.de]"),
        "translations.de",
    ),
    "unknown language": (
        "qafila-tibbiya-taroudant.toml",
        lambda text: text.replace('language = "ar"', 'language = "es"'),
        "language",
    ),
    "a date that is a string": (
        "eau-potable-douars-zagora.toml",
        lambda text: re.sub(
            r"^started_on = (.*)$", r'started_on = "\1"', text, count=1, flags=re.MULTILINE
        ),
        "started_on",
    ),
    "an impossible date": (
        "eau-potable-douars-zagora.toml",
        lambda text: re.sub(
            r"^started_on = .*$", "started_on = 2019-02-30", text, count=1, flags=re.MULTILINE
        ),
        "line",
    ),
    "ended before it started": (
        "passeurs-de-memoire-bruxelles.toml",
        lambda text: re.sub(
            r"^ended_on = .*$", "ended_on = 2000-01-01", text, count=1, flags=re.MULTILINE
        ),
        "ended_on",
    ),
    "missing indicator result": (
        "femmes-nouvelles-arrivantes-montreal.toml",
        lambda text: without_first(r"^result = .*\n", text),
        "indicators[1].result",
    ),
    "duplicate position": (
        "homework-club-to-funded-project-dusseldorf.toml",
        lambda text: re.sub(
            r"^position = \d+$", "position = 1", text, count=1, flags=re.MULTILINE
        ),
        "position",
    ),
}


@pytest.mark.parametrize("case", BROKEN_CASE_STUDIES)
def test_a_broken_case_study_file_is_refused_with_the_file_and_key_named(case, tmp_path):
    assert_refused(BROKEN_CASE_STUDIES[case], CASE_STUDIES_DIRECTORY, load_case_studies, tmp_path)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_data")
def test_load_demo_data_builds_every_case_study_of_the_files_in_each_language():
    expected = {language: set() for language in LANGUAGES}
    for path in case_study_files():
        with path.open("rb") as file:
            study = tomllib.load(file)
        expected[study["language"]].add(study["slug"])
        for language in study.get("translations", {}):
            expected[language].add(study["slug"])

    built = {
        language: set(
            CaseStudyPage.objects.live()
            .filter(locale__language_code=language)
            .values_list("slug", flat=True)
        )
        for language in LANGUAGES
    }
    assert built == expected
    assert CaseStudyPage.objects.live().count() == sum(len(slugs) for slugs in expected.values())
    # And one draft: the case study made from last year's approved final report (calls).
    assert CaseStudyPage.objects.filter(live=False).count() == 1


# The associative network (issue #21): associations, partnerships, offers and needs, messages.


def test_the_network_files_load_and_validate():
    content = load_network_content()
    associations = content["associations"]
    assert len(associations) >= 30
    abroad = [item for item in associations if item["kind"] == "abroad"]
    local = [item for item in associations if item["kind"] == "local"]
    assert len({item["country"] for item in abroad}) >= 8
    assert len({item["region"] for item in local}) >= 6
    assert {"pending", "verified", "suspended"} <= {item["status"] for item in associations}
    for item in associations:
        assert all(item["description"][language] for language in LANGUAGES), item["key"]
    assert len(content["partnerships"]) == 8
    assert {item["direction"] for item in content["offers_and_needs"]} == {"offer", "need"}
    assert any("reply_to" in item for item in content["messages"])


BROKEN_NETWORK = {
    "missing Arabic description": (
        "associations.toml",
        lambda text: without_first(r"^description\.ar = .*\n", text),
        "associations[1].description.ar",
    ),
    "unknown status": (
        "associations.toml",
        lambda text: text.replace('status = "verified"', 'status = "approved"', 1),
        "associations[1].status",
    ),
    "a field that cannot be published": (
        "associations.toml",
        lambda text: text.replace('published = ["name_ar"', 'published = ["contact_email"', 1),
        "contact_email",
    ),
    "a suspension without its reason": (
        "associations.toml",
        lambda text: without_first(r"^reason = \"The association's accounts.*\n", text),
        "reason",
    ),
    "a local association without its region": (
        "associations.toml",
        lambda text: without_first(r"^region = \"oriental\"\n", text),
        "region",
    ),
    "a partner that does not exist": (
        "partnerships.toml",
        lambda text: text.replace(
            'partner = "sefrou-jeunesse-active"', 'partner = "no-such-association"'
        ),
        "partnerships[1].partner",
    ),
    "misspelt key": (
        "offers_and_needs.toml",
        lambda text: text.replace("open_days = 120", "open_day = 120", 1),
        "offers_and_needs[1].open_day",
    ),
    "a reply to no message": (
        "messages.toml",
        lambda text: text.replace(
            'reply_to = "Animateurs pour juillet"', 'reply_to = "No such subject"'
        ),
        "messages[2].reply_to",
    ),
}


@pytest.mark.parametrize("case", BROKEN_NETWORK)
def test_a_broken_network_file_is_refused_with_the_file_and_key_named(case, tmp_path):
    assert_refused(BROKEN_NETWORK[case], NETWORK_DIRECTORY, load_network_content, tmp_path)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_data")
def test_load_demo_data_builds_the_network_of_the_files():
    content = load_network_content()

    for item in content["associations"]:
        association = Association.objects.get(
            registration_number=item["registration_number"], name=item["name"]
        )
        assert association.kind == item["kind"]
        assert association.verification_status == item["status"]
        assert association.description_ar == item["description"]["ar"]
        assert association.published_fields == item["published"]
        if item["kind"] == "local":
            assert association.region.code == item["region"]
            # Provinces come from another migration: found by code, else left empty.
            assert association.province is None or association.province.code == item["province"]
        else:
            assert association.host_country.code == item["country"]
    assert {
        (p.initiator.name, p.partner.name, p.status, p.purpose) for p in Partnership.objects.all()
    } == {
        (names[item["initiator"]], names[item["partner"]], item["status"], item["purpose"])
        for names in [{i["key"]: i["name"] for i in content["associations"]}]
        for item in content["partnerships"]
    }
    assert set(OfferOrNeed.objects.values_list("title", flat=True)) == {
        item["title"] for item in content["offers_and_needs"]
    }
    assert set(RelayedMessage.objects.values_list("subject", flat=True)) == {
        item["subject"] for item in content["messages"]
    }


def test_the_directory_page_texts_are_given_in_each_language():
    from sandbox.home.demo_network_content import load_directory_texts

    texts = load_directory_texts()
    assert all(texts["title"][language] and texts["intro"][language] for language in LANGUAGES)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_data")
def test_load_demo_data_follows_up_last_years_funded_projects():
    """Last year's call: five applications reviewed (one declared conflict), three funded and
    followed up: an interim report approved and the second tranche paid, a final report made
    into a case-study draft, and a late interim report reminded once."""
    from capacity_lms.calls.followup_models import ProjectReport, Tranche
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.review_models import ReviewAssignment

    applications = Application.objects.filter(call__slug="partnership-programme-previous")
    assert sorted(applications.values_list("status", flat=True)) == [
        "funded",
        "funded",
        "funded",
        "refused",
        "reserve",
    ]
    assert ReviewAssignment.objects.filter(conflict=True).count() == 1
    assert not ReviewAssignment.objects.filter(conflict=True, scores__isnull=False).exists()
    assert Tranche.objects.filter(released_at__isnull=False).count() == 3 + 2
    late = ProjectReport.objects.filter(status="due", due_on__lt=timezone.localdate())
    assert late.count() == 1 and late.get().reminded_at is not None
    drafted = ProjectReport.objects.get(case_study__isnull=False)
    assert drafted.kind == "final" and drafted.status == "approved"
    assert drafted.case_study.locale.language_code == drafted.application.project.language
    # A reviewer clicking through finds each decided application's documents.
    for application in applications:
        assert application.documents.count() == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_data")
def test_load_demo_data_opens_this_years_call_with_a_draft_and_submitted_applications():
    from capacity_lms.calls.models import Application

    applications = Application.objects.filter(call__slug="partnership-programme-current")
    assert sorted(applications.values_list("status", flat=True)) == [
        "draft",
        "submitted",
        "submitted",
    ]
    for application in applications.filter(status="submitted"):
        assert application.versions.filter(submitted=True).count() == 1
        assert application.events.filter(verb="submitted").count() == 1
        # Each required document attached as a real PDF, and frozen in the submitted version.
        documents = application.documents.all()
        assert documents.count() == 2
        assert all(document.file.open("rb").read(5) == b"%PDF-" for document in documents)
        frozen = application.versions.get(submitted=True).snapshot["documents"]
        assert len(frozen) == 2
    draft = applications.get(status="draft")
    assert draft.documents.count() == 1  # one still missing, for the association to see
