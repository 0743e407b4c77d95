"""Nothing the site keeps to itself ever appears in a page, the API, a feed or an export.

The world is the sandbox's demo (every page type, the library, workshops, certificates, the
associative network with pending, refused and suspended associations) plus associations made
here to carry what must stay hidden: unverified, refused and suspended ones with members,
partnerships, offers and a case study; a verified one that publishes almost nothing; messages;
certificate holders who did not agree to be named. The strings to look for are read from the
database (``crawling.hidden_strings``), not listed here, so any association, partnership,
message or certificate added to the demo is checked too. The crawl starts from the site root,
the sitemap, the directory pages, the API and the package's public routes, and follows whatever
links, feeds and redirects it finds: the routes other parts add are covered once they are linked
from anywhere (or are parameterless, or take a number).
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.people.roles import COUNTRY_COORDINATORS
from capacity_lms.reports.models import CountryCoordinator
from capacity_lms.reports.sources import DIMENSIONS, METRICS, counts_by
from capacity_lms.taxonomy.models import Country, Region, StrategicAxis
from courses.models import CoursePage, Enrolment
from sandbox.home.demo import load_demo_data
from sandbox.testing.factories import AssociationFactory, UserFactory
from tests.integration.conftest import in_group
from tests.integration.network.crawling import (
    Crawler,
    directory_pages,
    guessed_urls,
    hidden_ids,
    hidden_strings,
    scan,
    starting_urls,
    text_of,
)

pytestmark = pytest.mark.django_db


def hidden_association(name, status, **fields):
    defaults = {
        "host_country": Country.objects.get(code="fr"),
        "city": "Lyon",
        "name_ar": f"جمعية {name} المخفية",
        "description_en": f"{name}: its description in English, never to be shown.",
        "description_fr": f"{name} : sa description en français, jamais montrée.",
        "description_ar": f"وصف {name} بالعربية لا يعرض أبدا.",
        "website": f"https://{name.lower().replace(' ', '-')}.example.org",
        "contact_name": f"{name} Contactperson",
        "contact_email": f"{name.lower().replace(' ', '.')}@contact.example",
        "contact_phone": f"+33 9 {sum(map(ord, name)) * 7919 % 100000000:08d}",
        "published_fields": ["name_ar", "description", "website", "strategic_axes"],
        "verification_status": status,
    }
    return AssociationFactory(name=name, **(defaults | fields))


def build_world():
    """The demo, then the associations and rows this test adds (see the module's docstring)."""
    load_demo_data()
    today = timezone.localdate()
    axis = StrategicAxis.objects.get(code="solidarity-development")
    oriental = Region.objects.get(code="oriental")
    verified_partner = Association.objects.verified().get(name="Trait d'Union Solidaire")
    course = CoursePage.objects.live().filter(locale__language_code="en").first()
    pending = hidden_association("Leaktest Pending Association", "pending")
    rejected = hidden_association(
        "Leaktest Rejected Association",
        "rejected",
        kind="local",
        host_country=None,
        region=oriental,
        commune="Leaktest-commune",
    )
    suspended = hidden_association(
        "Leaktest Suspended Association",
        "suspended",
        host_country=Country.objects.get(code="be"),
        verified_at=timezone.now() - datetime.timedelta(days=300),
    )
    shy = hidden_association(
        "Leaktest Verified Association",
        "verified",
        published_fields=["strategic_axes"],
        social_links=["https://social.example.org/@leaktest-unpublished"],
        verified_at=timezone.now(),
    )
    for number, association in enumerate([pending, rejected, suspended, shy]):
        member = UserFactory(username=f"leaktest-member-{number}")
        LearnerProfile.objects.create(
            user=member, country_of_residence=Country.objects.get(code="fr")
        )
        Membership.objects.create(user=member, association=association)
        if course is not None:
            Enrolment.objects.create(user=member, course=course)
        Partnership.objects.create(
            initiator=association,
            partner=verified_partner,
            status="active",
            region=oriental,
            strategic_axis=axis,
            purpose=f"Leaktest twinning of {association.name} with a verified association.",
            starts_on=datetime.date(2025, 1, 1),
        )
        OfferOrNeed.objects.create(
            association=association,
            direction="need",
            category="volunteers",
            title=f"Leaktest need of {association.name}",
            description=f"Volunteers wanted by {association.name}.",
            expires_on=today + datetime.timedelta(days=60),
        )
    Partnership.objects.create(
        initiator=shy,
        partner=verified_partner,
        status="proposed",
        purpose="Leaktest partnership proposed, not yet confirmed by the partner.",
        starts_on=datetime.date(2026, 1, 1),
    )
    RelayedMessage.objects.create(
        sender=UserFactory(username="leaktest-sender", email="leaktest-sender@private.example"),
        sender_association=shy,
        recipient_association=verified_partner,
        subject="Leaktest private subject",
        body="Leaktest private body: call me at leaktest-sender@private.example.",
    )
    library = _english_library()
    if library is not None:
        from sandbox.testing.factories import CaseStudyPageFactory

        CaseStudyPageFactory(
            parent=library,
            title="Leaktest case study of a suspended association",
            slug="leaktest-case-study",
            association=suspended,
            association_name="",
            host_country=suspended.host_country,
            strategic_axes=[axis],
        )
    return {"pending": pending, "rejected": rejected, "suspended": suspended, "shy": shy}


def _english_library():
    from capacity_lms.library.models import LibraryIndexPage

    return LibraryIndexPage.objects.live().filter(locale__language_code="en").first()


def coordinator_of_every_country():
    person = in_group(UserFactory(username="leaktest-coordinator"), COUNTRY_COORDINATORS)
    CountryCoordinator.objects.create(user=person).countries.set(Country.objects.all())
    return person


def report_exports(client):
    """``(url, text)`` of every report download a coordinator can make, by each figure and
    each dimension that names associations or places."""
    for metric in METRICS:
        for rows in ("association", "place", "kind", "country"):
            if not counts_by(metric, rows) or rows not in DIMENSIONS:
                continue
            columns = "period" if rows != "period" else "country"
            for export in ("csv", "xlsx", "rows-csv", "rows-xlsx"):
                url = (
                    f"/admin/programme-reports/?metric={metric}&rows={rows}"
                    f"&columns={columns}&period=year&export={export}"
                )
                response = client.get(url)
                if export.startswith("rows") and METRICS[metric].protected:
                    # People's answers are never downloaded row by row.
                    assert response.status_code == 403, url
                    continue
                assert response.status_code == 200, url
                yield url, text_of(response)


def test_nothing_hidden_appears_in_pages_api_feeds_or_exports():
    world = build_world()
    secrets = hidden_strings()
    # The world carries each kind of secret the issue names.
    reasons = " ".join(secrets.values())
    for kind in (
        "name of association",
        "(pending)",
        "(rejected)",
        "(suspended)",
        "unpublished Arabic name",
        "unpublished description_en",
        "unpublished website",
        "contact e-mail",
        "contact telephone",
        "without consent",
        "relayed message",
        "unconfirmed partnership",
    ):
        assert kind in reasons, kind
    ids = hidden_ids()
    assert world["pending"].pk in ids and world["suspended"].pk in ids

    verified = tuple(Association.objects.verified().values_list("name", flat=True))
    visitor = Crawler(Client(), secrets, watched=verified).run(starting_urls() + guessed_urls(ids))
    assert len(visitor.visited) > 100, "the crawl reached too little of the site"
    assert any(url.endswith(".pdf") for url in visitor.visited), "no PDF was read"
    if directory_pages():
        # The crawl reached the directory's content, not only its outer pages.
        assert len(visitor.shown) >= 10, sorted(visitor.shown)
    assert any(status == 200 for status in visitor.statuses.values())
    assert not any(status >= 500 for status in visitor.statuses.values()), [
        url for url, status in visitor.statuses.items() if status >= 500
    ]

    outsider = Client()
    outsider.force_login(UserFactory(username="leaktest-outsider"))
    member = Crawler(outsider, secrets, limit=1500).run(starting_urls() + guessed_urls(ids))

    coordinator = Client()
    coordinator.force_login(coordinator_of_every_country())
    exported = []
    for url, text in report_exports(coordinator):
        exported += scan(url, text, secrets)

    leaks = visitor.leaks + member.leaks + exported
    assert not leaks, "\n".join(str(leak) for leak in leaks[:40])


@pytest.mark.usefixtures("english")
def test_the_crawler_finds_a_secret_put_on_a_page():
    """The scan can fail: a pending association's contact e-mail written into the home page's
    introduction is reported, with the page and the reason."""
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from sandbox.home.demo import ensure_home_pages

    load_standard_taxonomy()
    home = ensure_home_pages()
    secret = hidden_association("Leaktest Planted Association", "pending")
    home.intro = f"<p>Write to {secret.contact_email}.</p>"
    home.save_revision().publish()
    crawler = Crawler(Client(), hidden_strings()).run(["/"])
    found = {(leak.text, leak.why) for leak in crawler.leaks}
    assert (secret.contact_email, f"contact e-mail of association {secret.pk} (pending)") in found
    assert any(leak.url in ("/", "/en/") for leak in crawler.leaks)
