"""The workshop admin: a trainer sees and edits only their own workshops; staff see all."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from capacity_lms.workshops.actions import RegisterAction
from capacity_lms.workshops.models import OccurrenceChange, Registration, Session, Workshop
from sandbox.testing.factories import SessionFactory, UserFactory
from tests.integration.conftest import make_workshop
from tests.integration.workshops.hostile import HOSTILE_RULES
from tests.timing import assert_about_as_fast, fastest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def not_found(response):
    """404, or how the host answers an admin 404: its LocaleMiddleware redirects to the same
    path with a language prefix, because Wagtail's catch-all page route would match it."""
    if response.status_code == 302:
        return response.url.split("?")[0] == f"/en{response.request['PATH_INFO']}"
    return response.status_code == 404


@pytest.fixture
def mine(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], title="Mine: volunteers")


@pytest.fixture
def theirs(countries, other_trainer):
    workshop = make_workshop(countries["ca"], trainers=[other_trainer], title="Theirs: budgets")
    RegisterAction(workshop, user=UserFactory(username="their-member")).execute()
    return workshop


def snapshot(workshop):
    """What a refused request must leave as it was."""
    workshop = Workshop.objects.get(pk=workshop.pk)
    return (
        workshop.title,
        workshop.status,
        workshop.sequence,
        list(workshop.trainers.values_list("pk", flat=True)),
        list(workshop.sessions.values_list("pk", "starts_at", "sequence")),
        list(workshop.registrations.values_list("user_id", "status")),
    )


def test_a_trainer_lists_only_their_own_workshops(client, trainer, mine, theirs):
    client.force_login(trainer)
    response = client.get(reverse("capacity_workshops:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert mine.title in content
    assert theirs.title not in content
    # Searching does not widen the scope.
    response = client.get(reverse("capacity_workshops:index"), {"q": "budgets"})
    assert theirs.title not in response.content.decode()


def test_staff_list_every_workshop_and_search_and_filter_them(client, staff, mine, theirs):
    client.force_login(staff)
    index = reverse("capacity_workshops:index")
    content = client.get(index).content.decode()
    assert mine.title in content and theirs.title in content
    content = client.get(index, {"q": "budgets"}).content.decode()
    assert theirs.title in content and mine.title not in content
    content = client.get(index, {"country": theirs.country_id}).content.decode()
    assert theirs.title in content and mine.title not in content


def test_the_list_shows_seats_taken_and_people_waiting(client, trainer, countries):
    workshop = make_workshop(countries["fr"], trainers=[trainer], capacity=1, title="Full one")
    for number in range(3):
        RegisterAction(workshop, user=UserFactory(username=f"seat-{number}")).execute()
    client.force_login(trainer)
    response = client.get(reverse("capacity_workshops:index"))
    [row] = response.context["object_list"]
    assert (row.confirmed_count, row.waiting_count) == (1, 2)


def test_the_admin_list_makes_the_same_queries_for_few_and_many_workshops(
    client, staff, countries
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("capacity_workshops:index")).status_code == 200
        return len(queries)

    client.force_login(staff)
    make_workshop(countries["fr"])
    few = count()
    for _number in range(9):
        make_workshop(countries["ma"])
    assert count() == few


@pytest.mark.parametrize(
    ("view", "method"),
    [
        ("history", "get"),
        ("usage", "get"),
        ("edit", "get"),
        ("edit", "post"),
        ("delete", "get"),
        ("delete", "post"),
        ("registrations", "get"),
        ("registrations", "post"),
        ("import", "get"),
        ("import", "post"),
    ],
)
def test_another_trainers_workshop_is_out_of_reach(client, trainer, theirs, view, method):
    client.force_login(trainer)
    before = snapshot(theirs)
    url = reverse(f"capacity_workshops:{view}", args=[theirs.pk])
    data = {
        "edit": {"title": "Taken over", "status": "cancelled"},
        "delete": {},
        "registrations": {
            "action": "remove",
            "person": theirs.registrations.get().user_id,
        },
        "import": {},
    }.get(view, {})
    response = getattr(client, method)(url, data)
    assert not_found(response) or response.status_code == 403
    assert snapshot(theirs) == before


def test_another_trainers_workshop_cannot_get_a_new_person(client, trainer, theirs, member):
    client.force_login(trainer)
    url = reverse("capacity_workshops:registrations", args=[theirs.pk])
    response = client.post(url, {"action": "add", "person": member.username})
    assert not_found(response)
    assert not Registration.objects.filter(user=member).exists()


def test_staff_open_every_workshops_screens(client, staff, theirs):
    client.force_login(staff)
    for view in ("edit", "registrations", "import"):
        url = reverse(f"capacity_workshops:{view}", args=[theirs.pk])
        assert client.get(url).status_code == 200, view


def test_a_trainer_manages_the_registrations_of_their_own_workshop(client, trainer, mine, member):
    client.force_login(trainer)
    url = reverse("capacity_workshops:registrations", args=[mine.pk])
    response = client.post(url, {"action": "add", "person": member.email})
    assert response.status_code == 302
    assert Registration.objects.get(workshop=mine, user=member).is_confirmed
    page = client.get(url).content.decode()
    assert member.email in page
    response = client.post(url, {"action": "remove", "person": member.pk})
    assert response.status_code == 302
    assert Registration.objects.get(workshop=mine, user=member).status == "cancelled"


def session_form(sessions):
    return inline_formset(
        [
            {
                "title": "",
                "date": day.isoformat(),
                "start_time": start,
                "end_time": end,
                "time_zone": zone,
                "recurrence": rule,
                "status": "scheduled",
            }
            for day, start, end, zone, rule in sessions
        ],
        min=1,
    )


def workshop_form(trainer, countries, sessions=(), **fields):
    trainers = fields.pop("trainers", [trainer.pk])
    return nested_form_data(
        {
            "title": "Volunteer recruitment in practice",
            "status": "published",
            "description": rich_text("<p>Where to find volunteers and how to keep them.</p>"),
            "format": "in_person",
            "language": "fr",
            "venue_name": "Maison des associations",
            "address": "",
            "city": "Lyon",
            "country": countries["fr"].pk,
            "online_url": "",
            "online_instructions": "",
            "capacity": "12",
            "registration_opens_at": "",
            "registration_closes_at": "",
            "strategic_axis": "",
            "sessions": session_form(sessions),
            "slug": "",
            **fields,
        }
    ) | {"trainers": trainers}


def post_new_workshop(client, data):
    return client.post(reverse("capacity_workshops:add"), data)


def form_errors(response):
    form = response.context["form"]
    errors = [str(error) for error in form.non_field_errors()]
    errors += [f"{name}: {error}" for name, field in form.errors.items() for error in field]
    for formset in form.formsets.values():
        errors += [
            str(error)
            for form_errors in formset.errors
            for e in form_errors.values()
            for error in e
        ]
        errors += [str(error) for error in formset.non_form_errors()]
    return errors


def test_a_trainer_creates_a_workshop_with_its_session_at_the_right_instants(
    client, trainer, countries
):
    client.force_login(trainer)
    summer = datetime.date(2030, 7, 2)
    winter = datetime.date(2030, 12, 3)
    data = workshop_form(
        trainer,
        countries,
        [
            (summer, "18:00", "20:00", "Europe/Paris", ""),
            (winter, "09:30", "12:00", "Africa/Casablanca", "FREQ=WEEKLY;COUNT=3"),
        ],
    )

    response = post_new_workshop(client, data)

    assert response.status_code == 302, form_errors(response)
    workshop = Workshop.objects.get(title="Volunteer recruitment in practice")
    assert list(workshop.trainers.all()) == [trainer]
    assert workshop.slug == "volunteer-recruitment-in-practice"
    first, series = workshop.sessions.order_by("starts_at")
    utc = datetime.UTC
    assert first.starts_at == datetime.datetime(2030, 7, 2, 16, 0, tzinfo=utc)  # CEST, UTC+2
    assert first.ends_at == datetime.datetime(2030, 7, 2, 18, 0, tzinfo=utc)
    assert series.starts_at == datetime.datetime(2030, 12, 3, 8, 30, tzinfo=utc)  # UTC+1
    assert series.recurrence == "FREQ=WEEKLY;COUNT=3"
    assert series.series_ends_at == datetime.datetime(2030, 12, 17, 11, 0, tzinfo=utc)


def test_a_trainer_cannot_leave_themself_out_of_a_new_workshop(
    client, trainer, other_trainer, countries
):
    client.force_login(trainer)
    data = workshop_form(
        trainer,
        countries,
        [(datetime.date(2030, 7, 2), "18:00", "20:00", "Europe/Paris", "")],
        trainers=[other_trainer.pk],
    )
    response = post_new_workshop(client, data)
    assert response.status_code == 200
    assert "Keep yourself among the trainers" in " ".join(form_errors(response))
    assert not Workshop.objects.exists()


@pytest.mark.parametrize(
    ("session", "message"),
    [
        (
            # The clocks go from 02:00 to 03:00 in Paris on 31 March 2030.
            (datetime.date(2030, 3, 31), "02:30", "04:00", "Europe/Paris", ""),
            "02:30 on 2030-03-31 does not exist in Europe/Paris",
        ),
        (
            (datetime.date(2030, 7, 2), "18:00", "20:00", "Europe/Paris", "FREQ=WEEKLY"),
            "A series needs an end: give COUNT",
        ),
        (
            (datetime.date(2030, 7, 2), "18:00", "20:00", "Europe/Paris", "FREQ=HOURLY;COUNT=3"),
            "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY",
        ),
        (
            (datetime.date(2030, 7, 2), "18:00", "17:00", "Europe/Paris", ""),
            "A session ends after it starts",
        ),
        (
            (datetime.date(9999, 7, 2), "18:00", "20:00", "Europe/Paris", ""),
            "A session takes place between 2000-01-01 and",
        ),
        *(
            ((datetime.date(2030, 7, 2), "18:00", "20:00", "Europe/Paris", rule), message)
            for rule, message in HOSTILE_RULES.values()
        ),
    ],
    ids=[
        "nonexistent-wall-time",
        "endless-series",
        "hourly-series",
        "ends-before-start",
        "year-9999",
        *HOSTILE_RULES,
    ],
)
def test_a_session_that_cannot_be_is_refused_with_a_clear_message(
    client, trainer, countries, session, message
):
    client.force_login(trainer)
    # The refusal costs about what refusing a plain mistake (a session that ends before it
    # starts) costs; a walk towards the year 9999 would take hundreds of times longer.
    plain = workshop_form(
        trainer, countries, [(datetime.date(2030, 7, 2), "18:00", "17:00", "Europe/Paris", "")]
    )
    reference, _ = fastest(lambda: post_new_workshop(client, plain))
    elapsed, response = fastest(
        lambda: post_new_workshop(client, workshop_form(trainer, countries, [session]))
    )
    assert_about_as_fast(elapsed, reference, what="the refusal")
    assert response.status_code == 200
    errors = " ".join(form_errors(response))
    assert message in errors
    assert message in response.content.decode().replace("&quot;", '"')
    assert not Workshop.objects.exists()
    assert not Session.objects.exists()


def test_editing_a_session_time_in_the_admin_moves_its_instants(client, trainer, countries):
    workshop = make_workshop(countries["ma"], trainers=[trainer], sessions=0, title="Rabat")
    session = SessionFactory(
        workshop=workshop,
        date=datetime.date(2030, 11, 5),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        time_zone="Africa/Casablanca",
    )
    client.force_login(trainer)
    data = workshop_form(
        trainer,
        countries,
        title="Rabat",
        slug=workshop.slug,
        country=countries["ma"].pk,
    ) | nested_form_data(
        {
            "sessions": inline_formset(
                [
                    {
                        "id": session.pk,
                        "title": "",
                        "date": "2030-11-05",
                        "start_time": "19:00",
                        "end_time": "21:00",
                        "time_zone": "Africa/Casablanca",
                        "recurrence": "",
                        "status": "scheduled",
                    }
                ],
                initial=1,
                min=1,
            )
        }
    )
    response = client.post(reverse("capacity_workshops:edit", args=[workshop.pk]), data)
    assert response.status_code == 302, form_errors(response)
    session.refresh_from_db()
    assert session.starts_at == datetime.datetime(2030, 11, 5, 18, 0, tzinfo=datetime.UTC)
    assert session.sequence == 1


@pytest.fixture
def series(mine, theirs):
    mine_series = SessionFactory(
        workshop=mine, title="My weekly clinic", recurrence="FREQ=WEEKLY;COUNT=4"
    )
    their_series = SessionFactory(
        workshop=theirs,
        title="Their weekly clinic",
        recurrence="FREQ=WEEKLY;COUNT=4",
        time_zone="America/Toronto",
    )
    return mine_series, their_series


def test_the_occurrence_change_chooser_offers_only_the_trainers_own_series(
    client, trainer, series
):
    mine_series, their_series = series
    client.force_login(trainer)
    response = client.get(reverse("capacity_occurrence_changes:add"))
    assert response.status_code == 200
    choices = list(response.context["form"].fields["session"].queryset)
    assert choices == [mine_series]
    assert str(their_series.workshop) not in response.content.decode()

    second_date = their_series.occurrence_dates()[1]
    response = client.post(
        reverse("capacity_occurrence_changes:add"),
        {
            "session": their_series.pk,
            "original_date": second_date.isoformat(),
            "status": "cancelled",
        },
    )
    assert response.status_code == 200
    assert "session" in response.context["form"].errors
    assert not OccurrenceChange.objects.exists()


def test_a_trainer_cancels_one_occurrence_of_their_series(client, trainer, series):
    mine_series, _their_series = series
    client.force_login(trainer)
    second_date = mine_series.occurrence_dates()[1]
    response = client.post(
        reverse("capacity_occurrence_changes:add"),
        {
            "session": mine_series.pk,
            "original_date": second_date.isoformat(),
            "status": "cancelled",
        },
    )
    assert response.status_code == 302
    change = OccurrenceChange.objects.get()
    assert change.session == mine_series
    mine_series.refresh_from_db()
    assert mine_series.sequence == 1


def test_another_trainers_occurrence_changes_are_out_of_reach(client, trainer, series):
    _mine_series, their_series = series
    change = OccurrenceChange.objects.create(
        session=their_series, original_date=their_series.occurrence_dates()[1]
    )
    client.force_login(trainer)
    index = client.get(reverse("capacity_occurrence_changes:index")).content.decode()
    assert "Their weekly clinic" not in index and str(their_series.workshop) not in index
    for view in ("history", "usage"):
        url = reverse(f"capacity_occurrence_changes:{view}", args=[change.pk])
        assert not_found(client.get(url)), view
    for view in ("edit", "delete"):
        url = reverse(f"capacity_occurrence_changes:{view}", args=[change.pk])
        assert not_found(client.get(url)), view
        assert not_found(client.post(url, {"status": "moved"})), view
    assert OccurrenceChange.objects.get().status == "cancelled"
