"""Factories for capacity-lms models, in one place.

The test suite, the sandbox's demo-data command and the benchmarks all build their worlds with
these, so a model change is made once. Needs ``factory-boy`` (the ``sandbox`` or ``test`` extra).
"""

import datetime
import functools
import uuid

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis

DEMO_PASSWORD = "capacity-demo"  # noqa: S105 - the demo accounts' published password


def demo_password_hash():
    """The demo password, hashed once per process and set of hashers: hashing is slow on
    purpose (half a second each here), and the demo data and the tests make many accounts
    with the same published password."""
    from django.conf import settings

    return _hashed_once(tuple(settings.PASSWORD_HASHERS))


@functools.cache
def _hashed_once(hashers):
    return make_password(DEMO_PASSWORD)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        if extracted in (None, DEMO_PASSWORD):
            self.password = demo_password_hash()
        else:
            self.set_password(extracted)
        if create:
            self.save(update_fields=["password"])


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(97 + (n // 26) % 26)}{chr(97 + n % 26)}")
    name_en = factory.LazyAttribute(lambda c: f"Country {c.code.upper()}")
    default_time_zone = "Europe/Paris"


class SpecializedGroupFactory(DjangoModelFactory):
    class Meta:
        model = SpecializedGroup
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"group-{n}")
    name_en = factory.LazyAttribute(lambda g: g.code.replace("-", " ").title())


class StrategicAxisFactory(DjangoModelFactory):
    class Meta:
        model = StrategicAxis
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"axis-{n}")
    name_en = factory.LazyAttribute(lambda a: a.code.replace("-", " ").title())


class AssociationFactory(DjangoModelFactory):
    class Meta:
        model = Association
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association {n}")
    host_country = factory.SubFactory(CountryFactory)
    city = "Paris"
    registration_number = factory.Sequence(lambda n: f"REG-{n:06d}")
    verification_status = Association.VerificationStatus.VERIFIED

    @factory.post_generation
    def specialized_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialized_groups.set(extracted)

    @factory.post_generation
    def strategic_axes(self, create, extracted, **kwargs):
        if create and extracted:
            self.strategic_axes.set(extracted)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership
        django_get_or_create = ("user", "association")

    user = factory.SubFactory(UserFactory)
    association = factory.SubFactory(AssociationFactory)
    role = Membership.Role.MEMBER


class LearnerProfileFactory(DjangoModelFactory):
    class Meta:
        model = LearnerProfile
        django_get_or_create = ("user",)
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    country_of_residence = factory.SubFactory(CountryFactory)
    preferred_language = "fr"

    @factory.post_generation
    def specialized_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialized_groups.set(extracted)


# -- Training modules (courses app) ---------------------------------------------------------


def _block_id():
    return str(uuid.uuid4())


def list_items(values):
    """Raw ListBlock data with an id per item, as Wagtail stores it."""
    return [{"type": "item", "value": value, "id": _block_id()} for value in values]


def quiz_block(title, questions, pass_mark=70, max_attempts=0, is_required=True):
    """Raw StreamField data for a quiz.

    ``questions`` is a list of (text, [(option text, is_correct, feedback), ...], allows_multiple).
    """
    return {
        "type": "quiz",
        "id": _block_id(),
        "value": {
            "title": title,
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "is_required": is_required,
            "questions": list_items(
                {
                    "text": text,
                    "allows_multiple": allows_multiple,
                    "explanation": "",
                    "options": list_items(
                        {"text": option, "is_correct": correct, "feedback": feedback}
                        for option, correct, feedback in options
                    ),
                }
                for text, options, allows_multiple in questions
            ),
        },
    }


def deliverable_block(kind, title, rubric=(), is_required=True, due_date=None, instructions=""):
    """Raw StreamField data for a deliverable step; ``rubric`` is a list of (criterion,
    [(level, points), ...])."""
    return {
        "type": "deliverable",
        "id": _block_id(),
        "value": {
            "kind": kind,
            "title": title,
            "instructions": instructions or f"<p>Write the {title.lower()}.</p>",
            "rubric": [
                {
                    "type": "item",
                    "id": _block_id(),
                    "value": {
                        "name": name,
                        "description": "",
                        "levels": [
                            {
                                "type": "item",
                                "id": _block_id(),
                                "value": {"label": label, "points": points},
                            }
                            for label, points in levels
                        ],
                    },
                }
                for name, levels in rubric
            ],
            "due_date": due_date.isoformat() if due_date else None,
            "is_required": is_required,
        },
    }


def paragraph_block(html):
    return {"type": "paragraph", "value": html, "id": _block_id()}


class PageFactory(DjangoModelFactory):
    """Creates a Wagtail page under ``parent`` (required), published."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            raise ValueError(f"{cls.__name__} needs parent=<page>.")
        many_to_many = {
            name: kwargs.pop(name)
            for name in (
                "countries",
                "specialized_groups",
                "prerequisites",
                "tags",
                "strategic_axes",
                "regions_of_origin",
                "related_courses",
            )
            if name in kwargs
        }
        page = model_class(*args, **kwargs)
        for name, values in many_to_many.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class CatalogueIndexPageFactory(PageFactory):
    class Meta:
        model = "capacity_courses.CatalogueIndexPage"

    title = "Training modules"
    slug = "modules"


class CoursePageFactory(PageFactory):
    class Meta:
        model = "capacity_courses.CoursePage"

    title = factory.Sequence(lambda n: f"Training module {n}")
    summary = "Learn to design, fund and report on an association's project."
    strategic_axis = factory.SubFactory(StrategicAxisFactory)
    language = "en"


class LessonPageFactory(PageFactory):
    class Meta:
        model = "capacity_courses.LessonPage"

    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = factory.LazyFunction(lambda: [paragraph_block("<p>What to do, and why.</p>")])


class WorkshopFactory(DjangoModelFactory):
    """A published in-person workshop; pass ``sessions=[...]`` kwargs lists via SessionFactory."""

    class Meta:
        model = "capacity_lms.Workshop"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    description = "<p>What we will work on together.</p>"
    format = "in_person"
    venue_name = "Maison des associations"
    address = "1 rue de la Paix"
    city = "Paris"
    country = factory.SubFactory(CountryFactory, code="fr", name_en="France")
    status = "published"
    capacity = 10

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        # A ParentalManyToManyField keeps its value in memory until the workshop is saved.
        if create and extracted:
            self.trainers.set(extracted)
            self.save()


class SessionFactory(DjangoModelFactory):
    """A session at a wall time in its own zone; UTC columns are derived on save."""

    class Meta:
        model = "capacity_lms.Session"

    workshop = factory.SubFactory(WorkshopFactory)
    date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    start_time = datetime.time(18, 0)
    end_time = datetime.time(20, 0)
    time_zone = "Europe/Paris"


class RegistrationFactory(DjangoModelFactory):
    """A registration written directly (no action, no seat check): for reports and lists."""

    class Meta:
        model = "capacity_lms.Registration"
        django_get_or_create = ("workshop", "user")

    workshop = factory.SubFactory(WorkshopFactory)
    user = factory.SubFactory(UserFactory)
    status = "confirmed"


class LibraryIndexPageFactory(PageFactory):
    class Meta:
        model = "capacity_lms.LibraryIndexPage"

    title = "Best practices"
    slug = "best-practices"


class CaseStudyPageFactory(PageFactory):
    """A published case study; pass ``parent=<library>``, ``host_country`` and
    ``strategic_axes=[...]`` (and ``tags=[...]``, ``specialized_groups=[...]``)."""

    class Meta:
        model = "capacity_lms.CaseStudyPage"

    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = "How an association supported pupils after school, and what others can reuse."
    association_name = "Association Jeunesse Maroc-France"
    started_on = factory.LazyFunction(lambda: datetime.date(2024, 9, 1))
    context = "<p>Pupils of Moroccan origin were falling behind in the first years.</p>"
    what_was_done = "<p>Volunteers ran homework sessions twice a week.</p>"
    results = "<p>Most pupils moved up a year.</p>"
