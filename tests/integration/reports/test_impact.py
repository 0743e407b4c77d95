"""The impact figures (issue #25, point 5): what they count, in whose scope, and the report
page, chart and exports of a protected figure (the hidden entries shown as a dash, written as a
word, drawn as no bar, never as their value; no download of the answers row by row; the same
queries at N and 10N answers). The suppression itself is tested over random worlds in
``test_impact_suppression.py`` and ``tests/unit/reports/test_suppression.py``."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import LearnerProfile
from capacity_lms.reports.engine import ReportRequest, cross_table, cube, grand_total
from capacity_lms.reports.facts import fact_values
from capacity_lms.reports.scope import ReportScope
from capacity_lms.reports.suppression import HIDDEN, TOTAL, is_hidden
from capacity_lms.taxonomy.models import Country, Region, StrategicAxis
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
from sandbox.testing.committee_factories import ApplicationFactory
from sandbox.testing.evaluation_factories import (
    answered_follow_up,
    certificate,
    learning_gain,
    reactions,
    self_assessment,
)
from sandbox.testing.factories import (
    AssociationFactory,
    CaseStudyPageFactory,
    LibraryIndexPageFactory,
    MembershipFactory,
    SessionFactory,
    UserFactory,
    WorkshopFactory,
)
from sandbox.testing.followup_factories import funded_application
from sandbox.testing.network_factories import PartnershipFactory
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    make_course,
    site_root,
    taxonomy,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

URL = "/admin/programme-reports/"
ONE = override_settings(CAPACITY_LMS_REPORT_MIN_ANSWERS=1)


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, tzinfo=datetime.UTC)


def person_in(country, name):
    person = UserFactory(username=name)
    LearnerProfile.objects.create(
        user=person, country_of_residence=Country.objects.get(code=country)
    )
    return person


@pytest.fixture
def modules(catalogue):  # noqa: F811
    axes = {
        code: StrategicAxis.objects.get(code=code)
        for code in ("school-support", "women-conditions")
    }
    return {
        code: make_course(catalogue, lessons=1, quiz=False, title=code, strategic_axis=axis)
        for code, axis in axes.items()
    }


@pytest.fixture
def workshops(modules, trainer, other_trainer):
    """A workshop of the trainer's in France and another's in Belgium, one meeting each."""
    built = {}
    for code, teacher in (("fr", trainer), ("be", other_trainer)):
        workshop = WorkshopFactory(
            country=Country.objects.get(code=code),
            strategic_axis=modules["school-support"].strategic_axis,
            course=modules["school-support"],
            trainers=[teacher],
            capacity=None,
        )
        built[code] = SessionFactory(
            workshop=workshop, date=datetime.date(2025, 3, 3), time_zone="UTC"
        )
    return built


def meeting_reactions(session, ratings, country, prefix):
    """One reaction a rating (content, trainer) to ``session`` by a new person of
    ``country``."""
    return reactions(
        [
            {
                "user": person_in(country, f"{prefix}-{number}"),
                "session": session,
                "content": content,
                "trainer": trainer,
                "answered_at": at(2025, 3, 4),
            }
            for number, (content, trainer) in enumerate(ratings)
        ]
    )


@ONE
def test_reaction_averages_by_the_meetings_country_and_the_modules_axis(workshops, modules):
    meeting_reactions(workshops["fr"], [(5, 4), (3, None)], "ma", "fr")
    meeting_reactions(workshops["be"], [(2, 2)], "fr", "be")
    reactions(
        [
            {
                "user": person_in("fr", "online"),
                "course": modules["women-conditions"],
                "content": 4,
            },
        ]
    )
    table = cross_table(ReportRequest("content_rating", "country", "axis"))
    # The meetings count in their workshop's country (not the people's); the module in the
    # learner's country, on the module's axis.
    assert table.cells == {
        ("fr", "school-support"): 4.0,
        ("be", "school-support"): 2.0,
        ("fr", "women-conditions"): 4.0,
    }
    assert table.row_totals["fr"] == 4.0 and table.total == 3.5
    trainers = cross_table(ReportRequest("trainer_rating", "country", "axis"))
    assert trainers.cells == {("fr", "school-support"): 4.0, ("be", "school-support"): 2.0}


@ONE
def test_self_assessment_areas_before_and_after(taxonomy):  # noqa: F811
    first, second = AssociationFactory(), AssociationFactory()
    self_assessment(first, 2024, {"finance": 40, "governance": 60})
    self_assessment(second, 2024, {"finance": 20})
    self_assessment(first, 2025, {"finance": 70, "governance": 80})
    table = cross_table(ReportRequest("self_assessment_score", "area", "period", period="year"))
    by_year = {(area, key.year): value for (area, key), value in table.cells.items()}
    assert by_year == {
        ("finance", 2024): 30.0,
        ("governance", 2024): 60.0,
        ("finance", 2025): 70.0,
        ("governance", 2025): 80.0,
    }
    # One answer is one association's self-assessment of a year, whatever its areas.
    assert table.answers[(TOTAL, TOTAL)] == 3
    assert table.answers[("finance", TOTAL)] == 3


@ONE
def test_learning_gain_and_follow_up_scores(modules, workshops):
    fr, be = person_in("fr", "fr-learner"), person_in("be", "be-learner")
    learning_gain(fr, modules["school-support"], 40, 90, measured_at=at(2025, 1, 5))
    learning_gain(be, modules["school-support"], 50, 70, measured_at=at(2025, 1, 6))
    learning_gain(be, modules["women-conditions"], 60, 50, measured_at=at(2025, 2, 6))
    gains = cross_table(ReportRequest("learning_gain", "country", "course"))
    keys = {code: module.translation_key for code, module in modules.items()}
    assert gains.cells == {
        ("fr", keys["school-support"]): 50.0,
        ("be", keys["school-support"]): 20.0,
        ("be", keys["women-conditions"]): -10.0,
    }
    assert gains.total == pytest.approx(20.0)
    workshop = workshops["be"].workshop
    answered_follow_up(certificate(fr, course=modules["women-conditions"]), 80)
    answered_follow_up(certificate(be, workshop=workshop), 60)
    follow_ups = cross_table(ReportRequest("follow_up_score", "country", "axis"))
    # A workshop's certificate counts in the workshop's country; a module's in the holder's.
    assert follow_ups.cells == {("fr", "women-conditions"): 80.0, ("be", "school-support"): 60.0}


@pytest.fixture
def later_world(site_root, catalogue, modules):  # noqa: F811
    """Paris (France): a member certified on 10 January 2024; it applied in 2023 (before) and
    in June 2024, was funded in December 2024, declared a partnership with Tanger in September
    2024 and published a case study in February 2025. Brussels (Belgium) applied in May 2024,
    before its member's certificate in July 2024. Tanger (Morocco) has no certificate."""
    paris = AssociationFactory(name="Paris", host_country=Country.objects.get(code="fr"))
    brussels = AssociationFactory(name="Brussels", host_country=Country.objects.get(code="be"))
    tanger = AssociationFactory(
        name="Tanger", kind="local", host_country=None, region=Region.objects.first(), city=""
    )
    for association, issued in (
        (paris, datetime.date(2024, 1, 10)),
        (brussels, datetime.date(2024, 7, 1)),
    ):
        member = UserFactory()
        MembershipFactory(user=member, association=association)
        certificate(member, course=modules["school-support"], issued_on=issued)
    index = CallIndexPageFactory(parent=site_root)
    calls = [CallPageFactory(parent=index) for _number in range(3)]
    ApplicationFactory(call=calls[0], association=paris, submitted_at=at(2023, 5, 1))
    ApplicationFactory(call=calls[1], association=paris, submitted_at=at(2024, 6, 1))
    ApplicationFactory(call=calls[0], association=brussels, submitted_at=at(2024, 5, 1))
    funded = funded_application(calls[2], association=paris)
    Application.objects.filter(pk=funded.pk).update(submitted_at=at(2024, 8, 1))
    Decision.objects.filter(application=funded).update(decided_at=at(2024, 12, 1))
    partnership = PartnershipFactory(
        initiator=tanger, partner=paris, status=Partnership.Status.ACTIVE
    )
    Partnership.objects.filter(pk=partnership.pk).update(created_at=at(2024, 9, 1))
    library = LibraryIndexPageFactory(parent=site_root)
    story = CaseStudyPageFactory(
        parent=library, association=paris, host_country=paris.host_country
    )
    CaseStudyPage.objects.filter(pk=story.pk).update(first_published_at=at(2025, 2, 1))
    return {"paris": paris, "brussels": brussels, "tanger": tanger}


@ONE
def test_later_facts_count_each_association_once_on_the_first_day_after_training(later_world):
    def years(metric, scope=None):
        table = cross_table(ReportRequest(metric, "country", "period", period="year"), scope)
        return {(country, key.year): value for (country, key), value in table.cells.items()}

    assert years("later_applied") == {("fr", 2024): 1}
    assert years("later_funded") == {("fr", 2024): 1}
    # Tanger declared it too, but none of its members holds a certificate.
    assert years("later_partnership") == {("fr", 2024): 1}
    assert years("later_case_study") == {("fr", 2025): 1}
    assert years("later_applied", ReportScope(countries=["be", "ma"])) == {}
    assert grand_total("later_applied") == 1


def test_scopes_fail_closed(later_world, workshops, modules, trainer):
    with ONE:
        meeting_reactions(workshops["fr"], [(5, 5)], "fr", "fr")
        meeting_reactions(workshops["be"], [(1, 1)], "be", "be")
        self_assessment(later_world["paris"], 2025, {"finance": 50})
        learning_gain(UserFactory(), modules["school-support"], 10, 20)
        mine = ReportScope(workshops=list(trainer.trained_workshops.values_list("pk", flat=True)))
        assert cross_table(ReportRequest("content_rating", "country", "axis"), mine).cells == {
            ("fr", "school-support"): 5.0
        }
        # No workshop: a trainer counts none of it.
        for metric in ("self_assessment_score", "learning_gain", "later_applied"):
            assert cross_table(ReportRequest(metric, "country", "period"), mine).cells == {}
        belgium = ReportScope(countries=["be"])
        assert (
            cross_table(ReportRequest("content_rating", "country", "axis"), belgium).total == 1.0
        )
        assert (
            cross_table(ReportRequest("self_assessment_score", "country", "area"), belgium).total
            is None
        )


def test_a_protected_figure_has_no_cube_and_no_rows(workshops):
    with pytest.raises(ValueError, match="protected"):
        cube(ReportRequest("content_rating"), ["country", "axis", "group"])
    with pytest.raises(ValueError, match="protected"):
        fact_values(ReportRequest("content_rating"))


def test_a_grand_total_alone_hides_under_five_answers(workshops):
    meeting_reactions(workshops["fr"], [(5, 5)] * 4, "fr", "fr")
    assert grand_total("content_rating") is HIDDEN
    meeting_reactions(workshops["be"], [(3, 3)], "be", "be")
    assert grand_total("content_rating") == pytest.approx(4.6)


# -- The report page ---------------------------------------------------------------------------


@pytest.fixture
def answered(workshops, modules):
    """France: 6 meeting reactions; Belgium: 2 (hidden) and 5 to the online module by people
    living there; Italy: 5 to the module."""
    meeting_reactions(workshops["fr"], [(4, 4)] * 6, "fr", "fr")
    meeting_reactions(workshops["be"], [(1, 1), (2, 2)], "be", "be")
    reactions(
        [
            {
                "user": person_in(country, f"{country}-online-{n}"),
                "course": modules["women-conditions"],
                "content": 5,
            }
            for country in ("be", "it")
            for n in range(5)
        ]
    )


def report(client, **params):
    params = {
        "metric": "content_rating",
        "rows": "country",
        "columns": "axis",
        "period": "year",
        **params,
    }
    return client.get(URL, params)


def test_the_page_shows_a_dash_and_a_note_for_hidden_entries(client, staff, answered):
    client.force_login(staff)
    response = report(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<optgroup label="Impact">' in html
    body = {row[0]: row[1:] for row in response.context["body"]}
    # Belgium x school support has 2 answers: hidden, and so is what would give it away.
    assert body["Belgium"][0] is HIDDEN
    assert html.count('class="cl-report__hidden"') >= 4
    assert "fewer than 5 answers" in html and 'id="cl-report-hidden-note"' in html
    assert "export=rows-csv" not in html
    # Hidden totals have no bar: one bar a shown row total.
    shown = [row for row in response.context["body"] if not is_hidden(row[-1])]
    assert html.count('role="listitem"') == len(shown)
    # Belgium's meeting (mean 1.5), France's (4.0, given away by France's total).
    for value in ("1.5", "4.0"):
        assert f">{value}<" not in html


def test_exports_write_a_word_in_place_of_hidden_entries(client, staff, answered):
    client.force_login(staff)
    page = report(client).context
    positions = [
        (line, column)
        for line, row in enumerate([*page["body"], page["footer"]], 1)
        for column, cell in enumerate(row)
        if is_hidden(cell)
    ]
    assert positions
    text = b"".join(report(client, export="csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(report(client, export="xlsx").streaming_content))
    )
    sheet = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    for exported in (rows, sheet):
        for line, column in positions:
            assert exported[line][column] == "hidden"
        assert "fewer than 5 answers" in exported[-1][0]
        values = {str(cell) for row in exported for cell in row}
        assert not values & {"1.5", "4.0"}


def test_the_underlying_rows_of_answers_are_refused(client, staff, answered):
    client.force_login(staff)
    assert report(client, export="rows-csv").status_code == 403
    assert report(client, export="rows-xlsx").status_code == 403


def test_the_impact_report_runs_the_same_queries_at_n_and_10n_answers(
    client,
    staff,
    site_root,  # noqa: F811
    workshops,
    modules,
):
    client.force_login(staff)
    call = CallPageFactory(parent=CallIndexPageFactory(parent=site_root))

    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            response = report(client, **params)
            if params.get("export"):
                b"".join(response.streaming_content)
        return len(queries)

    def answer(number, start):
        for code in ("fr", "be"):
            meeting_reactions(workshops[code], [(4, 3)] * number, code, f"{code}-{start}")
        reactions(
            [
                {
                    "user": person_in("it", f"it-{start}-{n}"),
                    "course": modules["women-conditions"],
                    "content": 3,
                }
                for n in range(number)
            ]
        )
        for _n in range(number):
            association = AssociationFactory(host_country=Country.objects.get(code="fr"))
            self_assessment(association, 2025, {"finance": 50, "governance": 70})
            member = UserFactory()
            MembershipFactory(user=member, association=association)
            certificate(
                member, course=modules["school-support"], issued_on=datetime.date(2025, 1, 2)
            )
            ApplicationFactory(call=call, association=association, submitted_at=at(2025, 6, 1))

    views = [
        {},
        {"export": "csv"},
        {"metric": "self_assessment_score", "rows": "area", "columns": "period"},
        {"metric": "later_applied", "rows": "country", "columns": "period"},
    ]
    answer(2, "n")
    [count(**params) for params in views]  # what is cached once (the site, the user)
    small = [count(**params) for params in views]
    answer(18, "ten-n")
    assert [count(**params) for params in views] == small
