"""Realistic demo content for the sandbox, built with the shared factories.

Every function here is idempotent: it looks rows up by a natural key and creates only what is
missing, so ``load_demo_data`` can run any number of times.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale, Page, Site

from capacity_lms.people.models import Association, Membership
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, SpecializedGroup
from sandbox.home.demo_attendance import load_attendance
from sandbox.home.demo_calls import load_calls
from sandbox.home.demo_certificates import load_certificates
from sandbox.home.demo_directory import load_directory
from sandbox.home.demo_evaluation import load_evaluation
from sandbox.home.demo_exchange import load_exchange
from sandbox.home.demo_followup import load_current, load_funded
from sandbox.home.demo_library import load_library
from sandbox.home.demo_network import ensure_associations, load_network
from sandbox.home.demo_privacy import load_privacy
from sandbox.home.demo_tasks import DEMO_LOADING
from sandbox.home.demo_training import load_training
from sandbox.home.demo_workbook import load_workbook
from sandbox.home.demo_workshops import ensure_members, load_workshops
from sandbox.home.models import HomePage
from sandbox.home.world import load_world
from sandbox.testing.factories import (
    DEMO_PASSWORD,
    LearnerProfileFactory,
    MembershipFactory,
    UserFactory,
)

# username: (first name, last name, Wagtail group, is superuser)
DEMO_ACCOUNTS = {
    "admin": ("Amina", "Administratrice", None, True),
    "staff": ("Youssef", "El Idrissi", "Programme staff", False),
    "trainer": ("Fatima Zahra", "Benali", "Trainers", False),
    "editor": ("Karim", "Ouazzani", "Editors", False),
    "learner": ("Salma", "Amrani", None, False),
    "coordinator": ("Nadia", "Berrada", "Country coordinators", False),
    # The eligibility committee of the calls for projects (reviewer1 chairs it), and an
    # auditor who reads a call's history.
    "reviewer1": ("Hassan", "Tazi", "Committee members", False),
    "reviewer2": ("Leila", "Chraibi", "Committee members", False),
    "reviewer3": ("Omar", "Bennani", "Committee members", False),
    "auditor": ("Samira", "Lahlou", "Auditors", False),
}

# The demo country coordinator sees the reports of these countries only.
COORDINATED_COUNTRIES = ["fr", "be"]

HOME_TITLES = {
    "en": (
        "Capacity building for MLA associations",
        "<p>Training modules, workshops and good "
        "practice for associations of Moroccans living abroad.</p>",
    ),
    "fr": (
        "Renforcement des capacités des associations MRE",
        "<p>Modules de formation, "
        "ateliers et bonnes pratiques pour les associations des Marocains du monde.</p>",
    ),
    "ar": (
        "تقوية قدرات جمعيات مغاربة العالم",
        "<p>وحدات تكوينية وورشات وممارسات جيدة لجمعيات المغاربة المقيمين بالخارج.</p>",
    ),
}


def ensure_locales(codes):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}


def ensure_home_pages():
    """A home page in English as the site root, with its French and Arabic translations."""
    locales = ensure_locales(HOME_TITLES)
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's placeholder welcome page (a plain Page) makes way for the demo home page;
        # deleting it also deletes the Site that pointed to it, recreated below.
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        title, intro = HOME_TITLES["en"]
        home = root.add_child(
            instance=HomePage(title=title, intro=intro, slug="home", locale=locales["en"])
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="capacity-lms sandbox",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.save()
    for code, (title, intro) in HOME_TITLES.items():
        if code == "en" or home.has_translation(locales[code]):
            continue
        translation = home.copy_for_translation(locales[code])
        translation.title = title
        translation.intro = intro
        translation.save_revision().publish()
    return home


def ensure_accounts():
    users = {}
    for username, (first, last, group_name, superuser) in DEMO_ACCOUNTS.items():
        user = UserFactory(
            username=username,
            email=f"{username}@capacity-demo.example",
            first_name=first,
            last_name=last,
            password=DEMO_PASSWORD,
        )
        if superuser and not (user.is_superuser and user.is_staff):
            user.is_superuser = user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        if username == "editor":
            # Wagtail's default workflow asks a moderator to approve: members' case studies.
            user.groups.add(Group.objects.get(name="Moderators"))
        users[username] = user
    return users


def ensure_coordinator(user):
    from capacity_lms.reports.models import CountryCoordinator

    coordinator, _ = CountryCoordinator.objects.get_or_create(user=user)
    coordinator.countries.add(*Country.objects.filter(code__in=COORDINATED_COUNTRIES))


def ensure_learner(users, associations):
    learner = users["learner"]
    LearnerProfileFactory(
        user=learner,
        country_of_residence=Country.objects.get(code="fr"),
        preferred_language="ar",
        specialized_groups=list(SpecializedGroup.objects.by_code("young-people")),
    )
    MembershipFactory(user=learner, association=associations[0], role=Membership.Role.MEMBER)
    MembershipFactory(
        user=users["staff"], association=associations[1], role=Membership.Role.LEADER
    )


def load_demo_data(small=None):
    """Create the sandbox's demo content; returns a summary of what the site now holds.

    Unless ``small``, the generated world follows (``sandbox/home/world``): a programme's
    worth of activity over the last eighteen months around the hand-written demo. ``None``
    follows the ``SANDBOX_DEMO_WORLD`` setting (the sandbox's: yes; the tests': no).

    All in one transaction, with e-mails, PDFs and search indexing held back until its commit
    has run the tasks that make the demo's state (``demo_tasks.py``)."""
    if small is None:
        small = not getattr(settings, "SANDBOX_DEMO_WORLD", True)
    with override_settings(TASKS=DEMO_LOADING), transaction.atomic():
        return _load(small)


def _load(small):
    taxonomy = load_standard_taxonomy()
    ensure_home_pages()
    users = ensure_accounts()
    associations = ensure_associations(users["staff"])
    ensure_learner(users, associations)
    ensure_coordinator(users["coordinator"])
    training = load_training(users)
    workbooks = load_workbook(users)
    workshops = load_workshops(users)
    attendance = load_attendance(users, ensure_members())
    certificates = load_certificates(users)
    library = load_library()
    network = load_network(associations)
    directory = load_directory()
    privacy = load_privacy(associations)
    calls = load_calls(users)
    funded = {**load_funded(users), **load_current()}
    exchange = load_exchange()
    evaluation = load_evaluation(users)
    world = {} if small else load_world(users)
    return {
        "courses (all languages)": training["courses"],
        "lessons (all languages)": training["lessons"],
        "taxonomy created": sum(taxonomy.values()),
        "associations": Association.objects.count(),
        "accounts": len(users),
        **workbooks,
        **workshops,
        **attendance,
        **certificates,
        **library,
        **network,
        **directory,
        **privacy,
        **calls,
        **funded,
        **exchange,
        **evaluation,
        **world,
    }
