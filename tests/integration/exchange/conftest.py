"""A world for the exchange spaces: one target of each kind and the people around them.

- ``learner``: registered in the workshop, enrolled in the module, member of the first
  association of the partnership and of the funded project's association;
- ``other``: signed in, in none of it;
- ``trainer``: trains the workshop; ``other_trainer``: another workshop; ``course_trainer``:
  trains the module;
- ``staff``: programme staff (moderate everywhere); ``editor``: in the Editors group
  (moderates the modules' spaces);
- ``partner``: member of the partnership's other association, which published a need (the
  learner's association may answer it);
- a published case study in a library.
"""

from types import SimpleNamespace

import pytest

from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Membership
from capacity_lms.people.roles import EDITORS, PROGRAMME_STAFF, TRAINERS
from capacity_lms.taxonomy.models import Region, StrategicAxis
from courses.actions import EnrolAction
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
from sandbox.testing.factories import (
    AssociationFactory,
    CaseStudyPageFactory,
    LibraryIndexPageFactory,
    RegistrationFactory,
    UserFactory,
)
from sandbox.testing.followup_factories import funded_application
from sandbox.testing.network_factories import OfferOrNeedFactory, PartnershipFactory
from tests.integration.conftest import in_group, make_workshop
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    make_course,
    site_root,
    taxonomy,
)


def build_exchange_world(root, courses, country):
    people = SimpleNamespace(
        learner=UserFactory(username="learner-hajar"),
        other=UserFactory(username="other-omar"),
        trainer=in_group(UserFactory(username="trainer-amina"), TRAINERS),
        other_trainer=in_group(UserFactory(username="trainer-karim"), TRAINERS),
        staff=in_group(UserFactory(username="staff-nadia"), PROGRAMME_STAFF),
        editor=in_group(UserFactory(username="editor-salma"), EDITORS),
        partner=UserFactory(username="partner-youssef"),
        course_trainer=in_group(UserFactory(username="trainer-latifa"), TRAINERS),
    )
    workshop = make_workshop(country, trainers=[people.trainer], sessions=1)
    make_workshop(country, trainers=[people.other_trainer], sessions=1)
    RegistrationFactory(workshop=workshop, user=people.learner, status="confirmed")
    course = make_course(courses, title="Project engineering")
    course.trainers.add(people.course_trainer)
    course.save()  # a parental many-to-many is written with its page
    EnrolAction(course, user=people.learner).execute()
    ours, theirs = AssociationFactory(name="Horizons Lyon"), AssociationFactory(name="Atlas Oujda")
    Membership.objects.create(user=people.learner, association=ours)
    Membership.objects.create(user=people.partner, association=theirs)
    partnership = PartnershipFactory(
        initiator=ours, partner=theirs, status=Partnership.Status.ACTIVE
    )
    library = LibraryIndexPageFactory(parent=root)
    case_study = CaseStudyPageFactory(parent=library, host_country=country)
    # The partner's association asks for help; the learner's association may answer it.
    offer = OfferOrNeedFactory(
        association=theirs, direction="need", title="Volunteers for a library in Oujda"
    )
    calls = CallIndexPageFactory(parent=root)
    call = CallPageFactory(parent=calls, title="Last year's programme", slug="last-year")
    application = funded_application(call, association=ours, admin=UserFactory())
    return SimpleNamespace(
        people=people,
        axis=StrategicAxis.objects.first(),
        region=Region.objects.first(),
        workshop=workshop,
        course=course,
        partnership=partnership,
        application=application,
        case_study=case_study,
        offer=offer,
        ours=ours,
        theirs=theirs,
    )


@pytest.fixture
def world(site_root, catalogue, countries):  # noqa: F811  (fixtures)
    return build_exchange_world(site_root, catalogue, countries["fr"])
