"""The access-control matrix: for every route of the package, who gets in.

Roles (tests/integration/security/conftest.py): an anonymous visitor, a learner (member and
leader of an association, enrolled, registered, checked in, holder of a certificate, submitter
of a case study), another learner, the trainer of the workshop the URLs name, another trainer,
an editor whose Wagtail page permissions cover the library only, a country coordinator without
countries (in the group, no entry: refused everything country-scoped), and programme staff.

Each row says which roles the route lets in. Everyone else is refused: 403, 404, or a
redirect to sign in (or, inside the Wagtail admin, to the admin's home with a message), and
never with the object's data. ``kind`` says how the route changes state:

- ``read``: GET only; it never writes (a POST is refused with 405),
- ``form``: GET shows a form, POST acts (with a CSRF token),
- ``action``: POST only (GET is refused with 405).

docs/security.md is this table in prose; the two must agree.
"""

from dataclasses import dataclass, field

from tests.integration.security import (
    evaluation_assessment_world,
    evaluation_follow_up_world,
    evaluation_reactions_world,
)
from tests.integration.security.roles import (
    ADMIN_USERS,
    ALL,
    HOLDER_AND_STAFF,
    LEADER_AND_STAFF,
    LEARNER,
    NOBODY,
    SIGNED_IN,
    STAFF,
    TRAINER_AND_STAFF,
    TRAINERS_AND_STAFF,
    Route,
)


def _workshop(world):
    return {"slug": world.workshop.slug}


def _association(world):
    return {"pk": world.association.pk}


def _meeting(world):
    return {"session_pk": world.session.pk, "day": world.day}


def _credential_file(world):
    """The certificate's Open Badges credential, as the file a holder would upload (read again
    from its start for each role the check posts it as)."""
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    from capacity_lms.certificates.credentials import open_badge

    class Rewinding(SimpleUploadedFile):
        def read(self, *args):
            self.seek(0)
            return super().read(*args)

    from capacity_lms.certificates.models import Certificate

    # As the holder downloads it: from the certificate's row as it stands now.
    certificate = Certificate.objects.get(pk=world.certificate.pk)
    content = json.dumps(certificate.open_badge or open_badge(certificate)).encode()
    return {"credential": Rewinding("certificate.json", content, "application/json")}


PUBLIC = {
    "capacity_lms:programme": Route(),
    "capacity_lms:set_language": Route(kind="action", post=lambda world: {"language": "fr"}),
    "capacity_lms:my_learning": Route(allowed=SIGNED_IN),
    "capacity_lms:my_calendar": Route(allowed=SIGNED_IN, kind="form"),
    "capacity_lms:my_submissions": Route(allowed=SIGNED_IN),
    # The signed-in person's own data (privacy/views.py): nobody else's can be asked for.
    # GET reads (also with the old download link's ?format=json); the JSON download is a POST,
    # recorded as an export.
    "capacity_lms:my_data": Route(allowed=SIGNED_IN, kind="form", query="?format=json"),
    # Workshops and their calendars: public pages and feeds, never the registered people.
    "capacity_lms:workshop_list": Route(),
    "capacity_lms:workshop_detail": Route(_workshop),
    "capacity_lms:workshop_register": Route(_workshop, allowed=SIGNED_IN, kind="action"),
    "capacity_lms:workshop_cancel": Route(_workshop, allowed=SIGNED_IN, kind="action"),
    "capacity_lms:workshop_calendar": Route(_workshop),
    "capacity_lms:session_calendar": Route(
        lambda world: {"slug": world.workshop.slug, "pk": world.session.pk}
    ),
    "capacity_lms:course_calendar": Route(lambda world: {"course_id": world.course.pk}),
    "capacity_lms:country_calendar": Route(lambda world: {"code": world.country.code}),
    "capacity_lms:trainer_calendar": Route(lambda world: {"user_id": world.people["trainer"].pk}),
    # The token is the key: whoever holds the URL reads that person's calendar.
    "capacity_lms:personal_calendar": Route(lambda world: {"token": world.feed_token.token}),
    # Attendance: the workshop's trainers and staff; members check themselves in.
    # Lists the meetings the viewer trains (none for a learner).
    "capacity_lms:attendance_sessions": Route(allowed=SIGNED_IN),
    "capacity_lms:attendance_roster": Route(_meeting, allowed=TRAINER_AND_STAFF, kind="form"),
    "capacity_lms:attendance_check_in_screen": Route(_meeting, allowed=TRAINER_AND_STAFF),
    "capacity_lms:check_in": Route(allowed=SIGNED_IN, kind="form"),
    "capacity_lms:check_in_token": Route(
        lambda world: {"token": world.check_in_token}, allowed=SIGNED_IN, kind="form"
    ),
    "capacity_lms:attendance_transfer": Route(_workshop, allowed=TRAINER_AND_STAFF),
    "capacity_lms:attendance_import_roster": Route(
        _workshop, allowed=TRAINER_AND_STAFF, kind="form"
    ),
    "capacity_lms:attendance_import_online": Route(
        _workshop, allowed=TRAINER_AND_STAFF, kind="form"
    ),
    "capacity_lms:attendance_export_workshop": Route(
        lambda world: {"slug": world.workshop.slug, "extension": "csv"},
        allowed=TRAINER_AND_STAFF,
    ),
    "capacity_lms:attendance_export_rates": Route(_workshop, allowed=TRAINER_AND_STAFF),
    "capacity_lms:attendance_export_meeting": Route(
        lambda world: {
            "slug": world.workshop.slug,
            "session_pk": world.session.pk,
            "date": world.day.isoformat(),
            "extension": "xlsx",
        },
        allowed=TRAINER_AND_STAFF,
    ),
    # Certificates: verification is anyone's; the files are the holder's (and staff's).
    "capacity_lms:certificate_verify_index": Route(),
    "capacity_lms:certificate_verify": Route(lambda world: {"code": world.certificate.code}),
    "capacity_lms:certificate_keys": Route(),
    "capacity_lms:certificate_offline": Route(),
    "capacity_lms:certificate_download": Route(
        lambda world: {"reference": world.certificate.reference}, allowed=HOLDER_AND_STAFF
    ),
    "capacity_lms:certificate_signed": Route(
        lambda world: {"reference": world.certificate.reference}, allowed=HOLDER_AND_STAFF
    ),
    "capacity_lms:certificate_open_badge": Route(
        lambda world: {"reference": world.certificate.reference}, allowed=HOLDER_AND_STAFF
    ),
    # Checking a credential file is anyone's (a POST that reads the file and changes nothing).
    "capacity_lms:certificate_verify_credential": Route(kind="action", post=_credential_file),
    # Open Badges: the issuer's DID document and the revocation lists are public.
    "capacity_lms:credential_did": Route(),
    "capacity_lms:credential_status_list": Route(lambda world: {"number": 0}),
    # The library: published case studies are public; submitting is for association members.
    "capacity_lms:library_rss": Route(lambda world: {"page_id": world.library.pk}),
    "capacity_lms:library_atom": Route(lambda world: {"page_id": world.library.pk}),
    "capacity_lms:case_study_pdf": Route(lambda world: {"pk": world.case_study.pk}),
    "capacity_lms:case_study_submit": Route(
        lambda world: {"page_id": world.library.pk},
        allowed=frozenset({"learner", "other_learner"}),
        kind="form",
    ),
    # A file of a submission not yet published: its submitter and the page's moderators.
    "capacity_lms:case_study_attachment": Route(
        lambda world: {"pk": world.attachment.pk, "name": world.attachment.name},
        allowed=frozenset({"learner", "editor"}),
    ),
    # Associations (network/urls.py): registering, one's own associations and requests, asking
    # to join a verified one, for whoever is signed in; an association's requests, members and
    # profile for its admins (the learner) and programme staff; the admin of another
    # association (the other learner) is refused. Withdrawing is the asker's alone.
    "capacity_lms:association_register": Route(allowed=SIGNED_IN, kind="form"),
    "capacity_lms:association_mine": Route(allowed=SIGNED_IN),
    "capacity_lms:association_join": Route(_association, allowed=SIGNED_IN, kind="form"),
    "capacity_lms:association_join_registered": Route(
        allowed=SIGNED_IN,
        kind="action",
        post=lambda world: {
            "kind": "abroad",
            "host_country": world.association.host_country_id,
            "registration_number": world.association.registration_number,
        },
    ),
    "capacity_lms:association_request_withdraw": Route(
        lambda world: {"pk": world.join_request.pk}, allowed=NOBODY, kind="action"
    ),
    "capacity_lms:association_manage": Route(_association, allowed=LEADER_AND_STAFF),
    "capacity_lms:association_edit": Route(_association, allowed=LEADER_AND_STAFF, kind="form"),
    "capacity_lms:association_request_accept": Route(
        lambda world: {"pk": world.join_request.pk}, allowed=LEADER_AND_STAFF, kind="action"
    ),
    "capacity_lms:association_request_refuse": Route(
        lambda world: {"pk": world.join_request.pk}, allowed=LEADER_AND_STAFF, kind="action"
    ),
    # Wagtail API v2: published pages only.
    "capacity_lms_api:case-studies:listing": Route(),
    "capacity_lms_api:case-studies:detail": Route(lambda world: {"pk": world.case_study.pk}),
    "capacity_lms_api:case-studies:find": Route(
        query="?id={case_study.pk}",
    ),
    "capacity_lms_api:courses:listing": Route(),
    "capacity_lms_api:courses:detail": Route(lambda world: {"pk": world.course.pk}),
    "capacity_lms_api:courses:find": Route(query="?id={course.pk}"),
    # The association directory (#21): verified associations' public fields, for everyone.
    "capacity_lms:directory_associations_rss": Route(
        lambda world: {"page_id": world.directory.pk}
    ),
    "capacity_lms:directory_associations_atom": Route(
        lambda world: {"page_id": world.directory.pk}
    ),
    "capacity_lms:directory_offers_rss": Route(lambda world: {"page_id": world.directory.pk}),
    "capacity_lms:directory_offers_atom": Route(lambda world: {"page_id": world.directory.pk}),
    "capacity_lms_api:associations:listing": Route(),
    "capacity_lms_api:associations:detail": Route(lambda world: {"pk": world.association.pk}),
    "capacity_lms_api:associations:find": Route(query="?id={association.pk}"),
}


@dataclass(frozen=True)
class AdminViews:
    """The admin views of one viewset: which object they name and who may do what.

    ``listing`` covers the index, its results and choosers; ``view`` the object's inspect
    page; ``add`` creating and copying; ``change`` editing, reordering, the history and the
    usage; ``delete`` deleting. ``extra`` names the viewset's own views.
    """

    obj: object  # callable(world) -> the object the pk-taking URLs name
    listing: frozenset = NOBODY
    view: frozenset = NOBODY
    add: frozenset = NOBODY
    change: frozenset = NOBODY
    delete: frozenset = NOBODY
    extra: dict = field(default_factory=dict)

    ACTIONS = {
        "index": "listing",
        "index_results": "listing",
        "list": "listing",
        "list_results": "listing",
        "choose": "listing",
        "choose_results": "listing",
        "chosen_multiple": "listing",
        "chosen": "view",
        "inspect": "view",
        # Wagtail shows an object's history and where it is used to those who may change it.
        "history": "change",
        "history_results": "change",
        "usage": "change",
        "add": "add",
        "create": "add",
        "copy": "add",
        "edit": "change",
        "reorder": "change",
        "delete": "delete",
    }

    def allowed_for(self, short_name):
        if short_name in self.extra:
            return self.extra[short_name]
        return getattr(self, self.ACTIONS[short_name])

    def covers(self, short_name):
        return short_name in self.extra or short_name in self.ACTIONS


def _vocabulary(obj):
    """Countries, groups, axes, regions, associations: staff keep them, trainers read them."""
    return AdminViews(
        obj,
        listing=TRAINERS_AND_STAFF,
        view=TRAINERS_AND_STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
    )


def _learner_data(obj):
    """Enrolments, lesson completions, quiz attempts: read-only, for staff and trainers (who
    accompany learners through the modules, docs/courses.md)."""
    return AdminViews(obj, listing=TRAINERS_AND_STAFF, view=TRAINERS_AND_STAFF)


def _open_chooser(obj):
    """Wagtail's snippet choosers are open to every admin user: editors choose countries and
    axes for the pages they write. Only vocabulary is chosen this way."""
    return AdminViews(obj, listing=ADMIN_USERS, view=ADMIN_USERS, add=STAFF)


def _person_chooser(entry, add=STAFF):
    """Choosers of rows that name people: only for those with a permission on the model."""
    return AdminViews(entry.obj, listing=entry.listing, view=entry.listing, add=add)


ADMIN = {
    "capacity_workshops": AdminViews(
        lambda world: world.workshop,
        listing=TRAINERS_AND_STAFF,
        add=TRAINERS_AND_STAFF,
        view=TRAINER_AND_STAFF,
        change=TRAINER_AND_STAFF,
        delete=STAFF,
        extra={"registrations": TRAINER_AND_STAFF, "import": TRAINER_AND_STAFF},
    ),
    "capacity_occurrence_changes": AdminViews(
        lambda world: world.occurrence_change,
        listing=TRAINERS_AND_STAFF,
        add=TRAINERS_AND_STAFF,
        view=TRAINER_AND_STAFF,
        change=TRAINER_AND_STAFF,
        delete=TRAINER_AND_STAFF,
    ),
    "capacity_attendance_records": AdminViews(
        lambda world: world.record,
        listing=TRAINERS_AND_STAFF,
        view=TRAINER_AND_STAFF,
    ),
    "capacity_walk_ins": AdminViews(
        lambda world: world.walk_in,
        listing=TRAINERS_AND_STAFF,
        view=TRAINER_AND_STAFF,
    ),
    "capacity_attendance_statuses": AdminViews(
        lambda world: world.status,
        listing=TRAINERS_AND_STAFF,
        view=TRAINERS_AND_STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
    ),
    "capacity_certificates": AdminViews(
        lambda world: world.certificate,
        listing=STAFF,
        view=STAFF,
        extra={"issue": STAFF, "revoke": STAFF, "reissue": STAFF},
    ),
    "capacity_certificate_rules": AdminViews(
        lambda world: world.rule,
        listing=STAFF,
        view=STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
        extra={"issue_all": STAFF},
    ),
    "capacity_enrolments": _learner_data(lambda world: world.enrolment),
    "capacity_lesson_completions": _learner_data(lambda world: world.completion),
    "capacity_quiz_attempts": _learner_data(lambda world: world.attempt),
    # Associations: staff keep them and run the verification actions and the merge (each a
    # form); trainers read them.
    "wagtailsnippets_capacity_lms_association": AdminViews(
        lambda world: world.association,
        listing=TRAINERS_AND_STAFF,
        view=TRAINERS_AND_STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
        extra=dict.fromkeys(
            ("verify", "ask_for_changes", "refuse", "suspend", "reinstate", "merge"), STAFF
        ),
    ),
    # Edits to a verified association's public profile: staff read and apply or refuse them.
    "capacity_profile_changes": AdminViews(
        lambda world: world.profile_change,
        listing=STAFF,
        view=STAFF,
        extra={"apply": STAFF, "refuse": STAFF},
    ),
    "wagtailsnippets_capacity_lms_province": _vocabulary(lambda world: world.province),
    "wagtailsnippets_capacity_lms_membership": AdminViews(
        lambda world: world.membership,
        listing=TRAINERS_AND_STAFF,
        view=TRAINERS_AND_STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
    ),
    "wagtailsnippets_capacity_lms_learnerprofile": AdminViews(
        lambda world: world.profile,
        listing=TRAINERS_AND_STAFF,
        view=TRAINERS_AND_STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
    ),
    "wagtailsnippets_capacity_lms_countrycoordinator": AdminViews(
        lambda world: world.coordinator,
        listing=STAFF,
        view=STAFF,
        add=STAFF,
        change=STAFF,
        delete=STAFF,
    ),
    "wagtailsnippets_capacity_lms_country": _vocabulary(lambda world: world.country),
    "wagtailsnippets_capacity_lms_region": _vocabulary(lambda world: world.region),
    "wagtailsnippets_capacity_lms_specializedgroup": _vocabulary(lambda world: world.group),
    "wagtailsnippets_capacity_lms_strategicaxis": _vocabulary(lambda world: world.axis),
    "wagtailsnippets_capacity_lms_capacityarea": _vocabulary(lambda world: world.capacity_area),
    # Questionnaires (#25): written by editors and staff (the matrix's editor is the library's
    # only), never deleted (answers keep the one they used: retired instead).
    "wagtailsnippets_capacity_lms_questionnaire": AdminViews(
        lambda world: world.questionnaire, listing=STAFF, view=STAFF, add=STAFF, change=STAFF
    ),
}
for _model in (
    "association",
    "country",
    "region",
    "province",
    "specializedgroup",
    "strategicaxis",
    "capacityarea",
):
    ADMIN[f"wagtailsnippetchoosers_capacity_lms_{_model}"] = _open_chooser(
        ADMIN[f"wagtailsnippets_capacity_lms_{_model}"].obj
    )
for _model in ("membership", "learnerprofile", "countrycoordinator", "questionnaire"):
    ADMIN[f"wagtailsnippetchoosers_capacity_lms_{_model}"] = _person_chooser(
        ADMIN[f"wagtailsnippets_capacity_lms_{_model}"]
    )

# Admin views that only take a POST (the access check posts to them).
ADMIN_POST_ONLY = {"reorder": {"position": "0"}}

# Admin pages outside a viewset.
ADMIN_PAGES = {
    # One person's data, its export and its erasure: manage_personal_data (programme staff).
    "capacity_privacy:person": Route(
        lambda world: {"user_id": world.people["learner"].pk},
        allowed=STAFF,
        kind="form",
        query="?format=json",
    ),
    # Declining a submission never published (it is deleted with its files): whoever may
    # publish the page, here the library's editor.
    "capacity_lms_library:decline_submission": Route(
        lambda world: {"page_id": world.draft_case_study.pk},
        allowed=frozenset({"editor"}),
        kind="form",
    ),
    # An association's statutes and registration receipt: programme staff only.
    "capacity_lms_association_document": Route(
        lambda world: {"pk": world.association_document.pk}, allowed=STAFF
    ),
    # Programme reports and an association's members: staff every country (view_all_countries),
    # a trainer their workshops' figures; a coordinator without countries nothing at all.
    "capacity_lms_reports": Route(allowed=TRAINERS_AND_STAFF),
    "capacity_lms_association_report": Route(
        lambda world: {"pk": world.association.pk}, allowed=STAFF
    ),
}

# Pages of our types as Wagtail serves them, and the Wagtail admin's page views on them.
PAGES = {
    "catalogue": ALL,
    "course": ALL,
    "lesson": frozenset({"learner", "other_learner"}),
    "preview_lesson": ALL,
    "library": ALL,
    "case_study": ALL,
    # The directory page and its routes: the map, a verified association's page; a pending
    # association's page is nobody's.
    "directory": ALL,
    "directory_map": ALL,
    "directory_association": ALL,
    "directory_pending_association": NOBODY,
    # The calls for projects (#22): public pages.
    "calls": ALL,
    "call": ALL,
}
PAGE_FORMS = {"course", "lesson", "preview_lesson"}

# The editor's page permissions cover the library and what is under it; nobody else here
# has any.
# (Wagtail's revisions index only redirects to the history.)
PAGE_ADMIN_VIEWS = (
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:history",
    "wagtailadmin_pages:workflow_history",
)
PAGE_ADMIN = {
    "catalogue": NOBODY,
    "course": NOBODY,
    "lesson": NOBODY,
    "preview_lesson": NOBODY,
    "library": frozenset({"editor"}),
    "case_study": frozenset({"editor"}),
    "directory": NOBODY,
    "calls": NOBODY,
    "call": NOBODY,
}


# The associative network's partnerships, offers and needs and relayed messages (#21 points 5
# and 6; capacity_lms/network/partner_urls.py). The learner is an admin of their association;
# the other learner an admin of another one, which proposed the partnership, wrote the message
# and whose association the contact URL names: each may post and declare for their own, never
# answer, edit or close for the other (ordinary members are refused in
# tests/integration/network/partners/). Staff moderate in the admin.
_LEARNERS = frozenset({"learner", "other_learner"})
PUBLIC.update(
    {
        "capacity_lms:network_partnerships": Route(allowed=SIGNED_IN),
        "capacity_lms:network_partnership_declare": Route(allowed=_LEARNERS, kind="form"),
        "capacity_lms:network_partnership_confirm": Route(
            lambda world: {"pk": world.proposal.pk}, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:network_partnership_decline": Route(
            lambda world: {"pk": world.proposal.pk}, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:network_partnership_end": Route(
            lambda world: {"pk": world.partnership.pk}, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:network_board": Route(),
        "capacity_lms:network_offer": Route(lambda world: {"pk": world.offer.pk}),
        "capacity_lms:network_offer_post": Route(allowed=_LEARNERS, kind="form"),
        "capacity_lms:network_offer_edit": Route(
            lambda world: {"pk": world.offer.pk}, allowed=LEARNER, kind="form"
        ),
        "capacity_lms:network_offer_close": Route(
            lambda world: {"pk": world.offer.pk}, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:network_offer_report": Route(
            lambda world: {"pk": world.offer.pk}, allowed=SIGNED_IN, kind="form"
        ),
        "capacity_lms:network_matches": Route(allowed=SIGNED_IN),
        "capacity_lms:network_contact": Route(
            lambda world: {"association_pk": world.other_association.pk},
            allowed=LEARNER,
            kind="form",
        ),
        "capacity_lms:network_messages": Route(allowed=SIGNED_IN),
        "capacity_lms:network_message": Route(
            lambda world: {"pk": world.message.pk}, allowed=_LEARNERS, kind="form"
        ),
        "capacity_lms:network_message_read": Route(
            lambda world: {"pk": world.message.pk}, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:network_message_report": Route(
            lambda world: {"pk": world.message.pk}, allowed=LEARNER, kind="form"
        ),
    }
)
ADMIN.update(
    {
        "capacity_offers_needs": AdminViews(
            lambda world: world.offer,
            listing=STAFF,
            view=STAFF,
            extra={"remove": STAFF, "reopen": STAFF},
        ),
        "capacity_abuse_reports": AdminViews(
            lambda world: world.abuse_report,
            listing=STAFF,
            view=STAFF,
            extra={"uphold": STAFF, "dismiss": STAFF},
        ),
        # Only messages someone reported are listed to staff.
        "capacity_reported_messages": AdminViews(
            lambda world: world.message, listing=STAFF, view=STAFF
        ),
    }
)


# Calls for projects: the follow-up of funded projects (#22 point 5; calls/followup_urls.py).
# "My funded projects" shows each person their associations' own; a report is filed by an
# admin of its association (the learner), and is 404 to everyone else (staff review reports in
# the admin).
PUBLIC.update(
    {
        "capacity_lms:calls_my_projects": Route(allowed=SIGNED_IN),
        "capacity_lms:calls_report": Route(
            lambda world: {"pk": world.project_report.pk}, allowed=LEARNER, kind="form"
        ),
    }
)
# Staff's follow-up in the admin (calls/followup_admin.py): programme staff only; 404 to anyone
# else signed in.
ADMIN_PAGES.update(
    {
        "capacity_calls_followup:index": Route(allowed=STAFF),
        "capacity_calls_followup:project": Route(
            lambda world: {"pk": world.funded_application.pk}, allowed=STAFF, kind="form"
        ),
        "capacity_calls_followup:release": Route(
            lambda world: {"pk": world.tranche.pk}, allowed=STAFF, kind="action"
        ),
        "capacity_calls_followup:report": Route(
            lambda world: {"pk": world.project_report.pk}, allowed=STAFF, kind="form"
        ),
        "capacity_calls_followup:case_study": Route(
            lambda world: {"pk": world.project_report.pk}, allowed=STAFF, kind="action"
        ),
    }
)


# An association's application to a call (#22 point 2; capacity_lms/calls/application_urls.py):
# the learner is the admin of the association that applied; every URL naming its application
# is a 404 for everybody else, the other learner (admin of another association) and staff
# included (staff read applications in the admin). A member starts an application for one
# of their associations: anybody naming another association gets a 404.
def _application(world):
    return {"pk": world.application.pk}


PUBLIC.update(
    {
        "capacity_lms:application_start": Route(
            lambda world: {"call_pk": world.call.pk},
            allowed=LEARNER,
            kind="action",
            post=lambda world: {"association": world.association.pk},
        ),
        "capacity_lms:application_mine": Route(allowed=SIGNED_IN),
        "capacity_lms:application_edit": Route(_application, allowed=LEARNER, kind="form"),
        "capacity_lms:application_logframe": Route(_application, allowed=LEARNER, kind="form"),
        "capacity_lms:application_budget_download": Route(_application, allowed=LEARNER),
        "capacity_lms:application_budget_upload": Route(
            _application, allowed=LEARNER, kind="form"
        ),
        "capacity_lms:application_submit": Route(_application, allowed=LEARNER, kind="action"),
        "capacity_lms:application_withdraw": Route(_application, allowed=LEARNER, kind="action"),
        "capacity_lms:application_reopen": Route(_application, allowed=LEARNER, kind="action"),
        "capacity_lms:application_version": Route(
            lambda world: {
                "pk": world.application.pk,
                "number": world.application_version.number,
            },
            allowed=LEARNER,
        ),
    }
)


# An application's documents (#22 point 2; calls/document_views.py). The association's members
# attach (the form opens for them; the world's application is submitted, so what they send is
# refused with a message) and remove (POST; refused with a message after submission, still
# "in": anyone else gets 404). The download is the file for the association's members,
# programme staff, and the reviewers and chair of the call's committee (no matrix role is
# either: tests/integration/calls/test_documents.py covers them, a conflicted, undeclared and
# unassigned reviewer included); everybody else, the other association's admin too, gets 404.
def _document(world):
    return {"pk": world.application.pk, "document_pk": world.application_document.pk}


PUBLIC.update(
    {
        "capacity_lms:application_document_upload": Route(
            _application, allowed=LEARNER, kind="form"
        ),
        "capacity_lms:application_document_remove": Route(
            _document, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:application_document_download": Route(_document, allowed=LEADER_AND_STAFF),
    }
)
# Calls for projects: eligibility (#22 point 3) in the admin (calls/eligibility_admin.py):
# programme staff only; 404 to anyone else signed in.
ADMIN_PAGES.update(
    {
        "capacity_calls_review:index": Route(allowed=STAFF),
        "capacity_calls_review:call": Route(lambda world: {"pk": world.call.pk}, allowed=STAFF),
        "capacity_calls_review:application": Route(
            lambda world: {"pk": world.submitted_application.pk}, allowed=STAFF, kind="form"
        ),
        "capacity_calls_review:request_document": Route(
            lambda world: {"pk": world.submitted_application.pk},
            allowed=STAFF,
            kind="action",
            post=lambda world: {"message": "Send the statutes."},
        ),
    }
)
# A call's history (#22 point 7; calls/history_admin.py): read by holders of
# view_call_history, the Auditors and Programme staff groups (the auditor is no matrix role:
# tests/integration/calls/test_call_history.py covers them); refused to everybody else.
ADMIN_PAGES.update(
    {
        "capacity_calls_history:index": Route(allowed=STAFF),
        "capacity_calls_history:call": Route(lambda world: {"pk": world.call.pk}, allowed=STAFF),
    }
)
# The committee (#22 point 4; calls/committee_urls.py). "My reviews" lists each person's own
# assignments (empty for everyone here). The other pages open only to the assigned reviewer or
# to the chair of the call's committee: no role of this matrix is either (the roles are fixed),
# so they list NOBODY, staff included; tests/integration/calls/test_committee_views.py covers
# reviewers, a conflicted reviewer and the chair.
PUBLIC.update(
    {
        "capacity_lms:calls_my_reviews": Route(allowed=SIGNED_IN),
        "capacity_lms:calls_declare": Route(
            lambda world: {"pk": world.review_assignment.pk}, allowed=NOBODY, kind="form"
        ),
        "capacity_lms:calls_review_application": Route(
            lambda world: {"pk": world.eligible_application.pk}, allowed=NOBODY, kind="form"
        ),
        "capacity_lms:calls_ranking": Route(lambda world: {"pk": world.call.pk}, allowed=NOBODY),
        "capacity_lms:calls_minutes": Route(lambda world: {"pk": world.call.pk}, allowed=NOBODY),
        "capacity_lms:calls_assign": Route(
            lambda world: {"pk": world.eligible_application.pk}, allowed=NOBODY, kind="form"
        ),
        "capacity_lms:calls_decide": Route(
            lambda world: {"pk": world.eligible_application.pk},
            allowed=NOBODY,
            kind="action",
            post=lambda world: {"outcome": "refused", "reason": "Matrix."},
        ),
        "capacity_lms:calls_stage": Route(
            lambda world: {"pk": world.call.pk},
            allowed=NOBODY,
            kind="action",
            post=lambda world: {"stage": "in_review"},
        ),
    }
)


# The exchange spaces (#23; exchange/urls.py). The matrix's space is the cohort space of the
# trainer's workshop, where the learner is registered: its members (the learner, its trainer)
# and programme staff read and write; its trainer and staff moderate; the learner's own post
# is edited and deleted by the learner only; the trainer's reply is reported by its readers
# but its author. Everyone else (the other learner and trainer, in another workshop; the
# editor; a coordinator) gets 404, a signed-out visitor the sign-in page.
# tests/integration/exchange/ covers each kind of space and person.
COHORT = frozenset({"learner", "trainer", "staff"})


def _space(world):
    return {"kind": world.exchange_space.kind, "key": world.exchange_space.target_key()}


def _thread(world):
    return {"pk": world.exchange_thread.pk}


def _written(world):
    return {"title": "Matrix", "body": "A question.", "language": "en"}


PUBLIC.update(
    {
        "capacity_lms:exchange_spaces": Route(),
        "capacity_lms:exchange_search": Route(query="?q=framework"),
        "capacity_lms:exchange_space": Route(_space, allowed=COHORT),
        "capacity_lms:exchange_new_thread": Route(
            _space, allowed=COHORT, kind="action", post=_written
        ),
        "capacity_lms:exchange_follow_space": Route(
            _space, allowed=COHORT, kind="action", post=lambda world: {"following": "1"}
        ),
        "capacity_lms:exchange_moderation": Route(_space, allowed=TRAINER_AND_STAFF),
        "capacity_lms:exchange_remove_person": Route(
            _space,
            allowed=TRAINER_AND_STAFF,
            kind="action",
            post=lambda world: {"person": world.people["other_learner"].pk, "reason": "Spam."},
        ),
        "capacity_lms:exchange_readmit": Route(
            lambda world: {"pk": world.exchange_removal.pk},
            allowed=TRAINER_AND_STAFF,
            kind="action",
        ),
        "capacity_lms:exchange_space_settings": Route(
            _space,
            allowed=TRAINER_AND_STAFF,
            kind="action",
            post=lambda world: {"holds_first_posts": "1"},
        ),
        "capacity_lms:exchange_thread": Route(_thread, allowed=COHORT),
        "capacity_lms:exchange_reply": Route(
            _thread, allowed=COHORT, kind="action", post=_written
        ),
        "capacity_lms:exchange_thread_read": Route(_thread, allowed=COHORT, kind="action"),
        "capacity_lms:exchange_follow_thread": Route(
            _thread, allowed=COHORT, kind="action", post=lambda world: {"following": "1"}
        ),
        "capacity_lms:exchange_solution": Route(
            _thread,
            allowed=COHORT,
            kind="action",
            post=lambda world: {"post": world.exchange_answer.pk},
        ),
        "capacity_lms:exchange_lock": Route(
            _thread,
            allowed=TRAINER_AND_STAFF,
            kind="action",
            post=lambda world: {"locked": "1", "reason": "Closed."},
        ),
        # A post's file: who may read the post (a download, never cached).
        "capacity_lms:exchange_attachment": Route(
            lambda world: {
                "pk": world.exchange_file.pk,
                "name": world.exchange_file.original_name,
            },
            allowed=COHORT,
        ),
        "capacity_lms:exchange_edit_post": Route(
            lambda world: {"pk": world.exchange_question.pk}, allowed=LEARNER, kind="form"
        ),
        "capacity_lms:exchange_delete_post": Route(
            lambda world: {"pk": world.exchange_question.pk}, allowed=LEARNER, kind="action"
        ),
        "capacity_lms:exchange_report": Route(
            lambda world: {"pk": world.exchange_answer.pk},
            allowed=frozenset({"learner", "staff"}),
            kind="form",
        ),
        "capacity_lms:exchange_hide_post": Route(
            lambda world: {"pk": world.exchange_answer.pk},
            allowed=TRAINER_AND_STAFF,
            kind="action",
            post=lambda world: {"reason": "Off topic."},
        ),
        "capacity_lms:exchange_show_post": Route(
            lambda world: {"pk": world.exchange_answer.pk},
            allowed=TRAINER_AND_STAFF,
            kind="action",
        ),
        "capacity_lms:exchange_dismiss_reports": Route(
            lambda world: {"pk": world.exchange_answer.pk},
            allowed=TRAINER_AND_STAFF,
            kind="action",
        ),
    }
)

# How a person hears of new posts (#23 point 3; exchange/notice_views.py): their choice, signed
# in; the unsubscribe link of every e-mail, for whoever holds it (the signed token names the
# person: like a personal calendar feed's URL). Its GET only asks.
PUBLIC.update(
    {
        "capacity_lms:exchange_notifications": Route(allowed=SIGNED_IN, kind="form"),
        "capacity_lms:exchange_unsubscribe": Route(
            lambda world: {"token": world.exchange_unsubscribe_token}, kind="form"
        ),
    }
)

# The project workbook: a step is its association's members' (enrolled in the module); a
# review its module's trainers' (read by the members and staff too); the lists show each
# person their own.
PUBLIC.update(
    {
        "capacity_lms:workbooks": Route(allowed=SIGNED_IN),
        "capacity_lms:workbook_step": Route(
            lambda world: {
                "association_pk": world.association.pk,
                "lesson_pk": world.workbook_step.lesson.pk,
                "step_id": world.workbook_step.step_id,
            },
            allowed=LEARNER,
            kind="form",
        ),
        "capacity_lms:workbook_queue": Route(allowed=SIGNED_IN),
        "capacity_lms:workbook_alerts": Route(
            allowed=SIGNED_IN, kind="action", post=lambda world: {"frequency": "daily"}
        ),
        # A step's file: whoever may read the work (404 for anyone else).
        "capacity_lms:workbook_file": Route(
            lambda world: {
                "pk": world.workbook_file.pk,
                "name": world.workbook_file.original_name,
            },
            allowed=frozenset({"learner", "trainer", "staff"}),
        ),
        "capacity_lms:workbook_review": Route(
            lambda world: {"pk": world.workbook_deliverable.pk},
            allowed=frozenset({"learner", "trainer", "staff"}),
            kind="form",
        ),
    }
)

# A workbook's files (#24 point 6): read by whoever may read its work (its members, the
# module's trainers, staff); uploaded back by its members only.
PUBLIC.update(
    {
        "capacity_lms:workbook_xlsx": Route(
            lambda world: {"pk": world.workbook_deliverable.workbook_id},
            allowed=frozenset({"learner", "trainer", "staff"}),
        ),
        "capacity_lms:workbook_pdf": Route(
            lambda world: {"pk": world.workbook_deliverable.workbook_id},
            allowed=frozenset({"learner", "trainer", "staff"}),
        ),
        "capacity_lms:workbook_import": Route(
            lambda world: {"pk": world.workbook_deliverable.workbook_id},
            allowed=LEARNER,
            kind="form",
        ),
    }
)

# Evaluation and impact (#25): each part's rows live beside the world it builds.
for _part in (evaluation_assessment_world, evaluation_reactions_world, evaluation_follow_up_world):
    PUBLIC.update(_part.ROUTES)

# Routes that take a POST without a CSRF token, and why (test_methods.py checks the others).
CSRF_EXEMPT = {
    "capacity_lms:certificate_verify_credential": (
        "checking a certificate's credential file changes nothing (no session, no row): like "
        "the verification page's GET, anyone may use it from anywhere, rate-limited"
    ),
    "capacity_lms:exchange_unsubscribe": (
        "RFC 8058 one-click unsubscribe: mail clients POST without a form; the signed token in "
        "the URL is the only authority and can do nothing but stop that person's e-mails"
    ),
}
