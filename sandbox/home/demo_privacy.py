"""Demo personal data: one person whose data was erased, so the admin shows what a
pseudonymous account looks like (an ``erased-…`` user, inactive, still counted in the reports
through the profile's country and groups, the membership and the enrolment).

Idempotent: the erasure is recognised by its logged reason and done once.
"""

from capacity_lms.people.models import LearnerProfile, Membership
from capacity_lms.privacy.actions import ErasePersonAction
from capacity_lms.privacy.models import PersonalDataRequest
from capacity_lms.taxonomy.models import Country, SpecializedGroup
from courses.models import CoursePage, Enrolment
from sandbox.testing.factories import UserFactory

DEMO_REASON = "Demo: a member asked for her data to be erased."


def load_privacy(associations):
    requests = PersonalDataRequest.objects.filter(kind="erasure", note=DEMO_REASON)
    if not requests.exists():
        person = UserFactory(
            username="demo-to-erase-leila",
            first_name="Leïla",
            last_name="Haddad",
            email="leila.haddad@example.org",
        )
        profile = LearnerProfile.objects.create(
            user=person,
            country_of_residence=Country.objects.get(code="ma"),
            name_in_arabic="ليلى حداد",
            preferred_language="fr",
        )
        profile.specialized_groups.set(SpecializedGroup.objects.order_by("pk")[:1])
        Membership.objects.get_or_create(user=person, association=associations[0])
        course = CoursePage.objects.live().first()
        if course is not None:
            Enrolment.objects.get_or_create(user=person, course=course)
        ErasePersonAction(
            person, reason=DEMO_REASON, channel=PersonalDataRequest.Channel.COMMAND
        ).execute()
    return {"erased accounts (demo)": requests.count()}
