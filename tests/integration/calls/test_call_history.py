"""An auditor reads the history of a call (issue #22, point 7): every state change written by
the actions, with who, when, what and why, filtered and downloaded as CSV; reading changes
nothing; nobody without the history permission (a chair, a reviewer, an association's admin,
staff of another kind) reaches it; the page's queries do not grow with the history."""

# ruff: noqa: F811  (the fixtures of world.py are imported, then named as parameters)
import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.calls.actions import WithdrawApplication
from capacity_lms.calls.committee import AssignReviewer, DeclareInterest
from capacity_lms.calls.models import CallEvent
from capacity_lms.calls.review_models import ReviewAssignment
from capacity_lms.core.names import person_name
from capacity_lms.people.roles import AUDITORS, PROGRAMME_STAFF, TRAINERS
from sandbox.testing.factories import UserFactory
from tests.integration.calls.world import application, committee, eligible, staff  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

INDEX = "capacity_calls_history:index"
CALL = "capacity_calls_history:call"


def refused(response):
    """404 (followed through the language prefix), or, for someone without admin access, the
    admin's sign-in page: never the history."""
    if response.status_code == 404:
        return True
    chain = response.redirect_chain
    return bool(chain) and chain[-1][0].startswith(reverse("wagtailadmin_login"))


def in_group(name, username):
    person = UserFactory(username=username)
    person.groups.add(Group.objects.get(name=name))
    return type(person).objects.get(pk=person.pk)


@pytest.fixture
def auditor(db):
    return in_group(AUDITORS, "auditor")


@pytest.fixture
def recorded(call, committee, eligible):
    """The chair assigns two reviewers; one declares a conflict with a reason."""
    chair, (first, second, _third) = committee["chair"], committee["reviewers"]
    for reviewer in (first, second):
        AssignReviewer(eligible, user=chair, reviewer=reviewer).execute()
    DeclareInterest(
        ReviewAssignment.objects.get(application=eligible, reviewer=second),
        user=second,
        conflict=True,
        declaration='=HYPERLINK("http://example.org") I advised them last year.',
    ).execute()
    return eligible


def test_an_auditor_reads_who_did_what_when_and_why(
    client,
    auditor,
    call,
    recorded,
    committee,
):
    client.force_login(auditor)
    listing = client.get(reverse(INDEX))
    assert listing.status_code == 200
    assert reverse(CALL, args=[call.pk]) in listing.content.decode()
    page = client.get(reverse(CALL, args=[call.pk]))
    assert page.status_code == 200
    events = [event for event, _details in page.context["rows"]]
    assert [event.verb for event in events] == ["assigned", "assigned", "declared"]
    html = page.content.decode()
    # Who (the chair, the reviewer), what, why, and the details in words: the reviewer named,
    # the conflict said.
    assert "Reviewer assigned" in html and "Interest declared" in html
    assert person_name(committee["chair"]) in html
    assert person_name(committee["reviewers"][1]) in html
    details = dict(page.context["rows"][2][1])
    assert details["Conflict of interest"] == "declared"
    first_details = dict(page.context["rows"][0][1])
    assert first_details["Reviewer"] == person_name(committee["reviewers"][0])


def test_the_history_is_filtered_by_what_and_by_application_and_a_bad_filter_is_said(
    client,
    auditor,
    call,
    recorded,
    application,
):
    WithdrawApplication(application, user=application.association.memberships.get().user).execute()
    client.force_login(auditor)
    address = reverse(CALL, args=[call.pk])
    everything = client.get(address).context["items"].paginator.count
    assert everything == 4
    declared = client.get(address, {"what": "declared"})
    assert [event.verb for event, _ in declared.context["rows"]] == ["declared"]
    # Each row's application is a link to its own history.
    assert f"?application={application.pk}" in client.get(address).content.decode()
    withdrawn = client.get(address, {"application": application.pk})
    assert [event.verb for event, _ in withdrawn.context["rows"]] == ["withdrawn"]
    assert "Only the changes of one application" in withdrawn.content.decode()
    # Another call's application, or a verb that does not exist: said, and everything shown.
    for bad in ({"application": 999999}, {"what": "<script>"}):
        response = client.get(address, bad)
        assert response.status_code == 200
        assert "This filter is not valid" in response.content.decode()
        assert response.context["items"].paginator.count == everything


def test_the_history_downloads_as_csv_with_formulas_neutralised(client, auditor, call, recorded):
    client.force_login(auditor)
    response = client.get(reverse(CALL, args=[call.pk]), {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["When (UTC)", "Who", "What"]
    assert [row[2] for row in rows[1:]] == [
        "Reviewer assigned",
        "Reviewer assigned",
        "Interest declared",
    ]
    # The declaration is the reviewer's text: a spreadsheet never runs it.
    assert rows[3][5].startswith("'=HYPERLINK")
    filtered = client.get(reverse(CALL, args=[call.pk]), {"format": "csv", "what": "declared"})
    assert len(list(csv.reader(io.StringIO(b"".join(filtered).decode("utf-8-sig"))))) == 2


def test_reading_changes_nothing_and_an_auditor_acts_nowhere(
    client,
    auditor,
    call,
    recorded,
    committee,
):
    client.force_login(auditor)
    before = CallEvent.objects.count()
    assert client.post(reverse(CALL, args=[call.pk])).status_code == 405
    assert client.post(reverse(INDEX)).status_code == 405
    # The auditor reads; the committee's and staff's pages stay closed.
    for name, args in (
        ("capacity_calls_review:index", []),
        ("capacity_calls_review:application", [recorded.pk]),
        ("capacity_calls_followup:index", []),
    ):
        assert client.get(reverse(name, args=args), follow=True).status_code == 404, name
    ranking = client.get(reverse("capacity_lms:calls_ranking", args=[call.pk]), follow=True)
    assert ranking.status_code == 404
    assert CallEvent.objects.count() == before


def test_nobody_without_the_history_permission_reads_it(
    client,
    call,
    recorded,
    committee,
    staff,
    application,
):
    """Fail closed: the chair and the reviewers of this very call, an association's admin,
    staff who check eligibility (another permission), a trainer in the admin: refused on both
    pages. Programme staff (the group) read it."""
    leader = application.association.memberships.get().user
    trainer = in_group(TRAINERS, "trainer")
    for person in [committee["chair"], *committee["reviewers"], leader, staff, trainer]:
        client.force_login(person)
        for address in (reverse(INDEX), reverse(CALL, args=[call.pk])):
            assert refused(client.get(address, follow=True)), (person, address)
            assert refused(client.get(address, {"format": "csv"}, follow=True)), person
    client.logout()
    assert client.get(reverse(CALL, args=[call.pk])).status_code == 302  # to sign in
    client.force_login(in_group(PROGRAMME_STAFF, "programme-staff"))
    assert client.get(reverse(CALL, args=[call.pk])).status_code == 200


def test_the_menu_shows_call_history_to_its_readers_only(client, auditor):
    client.force_login(auditor)
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(in_group(TRAINERS, "trainer"))
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200 and reverse(INDEX) not in home.content.decode()


def test_a_page_of_history_takes_the_same_queries_at_30_and_300_changes(
    client,
    auditor,
    call,
    eligible,
    committee,
):
    client.force_login(auditor)
    address = reverse(CALL, args=[call.pk])

    def add(count):
        CallEvent.objects.bulk_create(
            CallEvent(
                call=call,
                application=eligible,
                verb=CallEvent.Verb.ASSIGNED,
                actor=committee["chair"],
                details={"reviewer": committee["reviewers"][number % 3].pk},
            )
            for number in range(count)
        )

    def queries(page_number):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address, {"p": page_number})
        assert response.status_code == 200
        return len(captured)

    add(30)
    few = queries(1)
    add(270)
    assert queries(1) == few
    assert queries(3) == few
    assert len(client.get(address, {"p": 3}).context["rows"]) == 100
