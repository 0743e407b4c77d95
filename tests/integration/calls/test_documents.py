"""An application's documents (issue #22, point 2): the association attaches them through the
one upload check (a hostile file is refused with a message and nothing is written: no row, no
file, no history), removes them while the draft is open only, answers staff's request for a
missing document even after submission; each change is one history row; the submitted version
lists them. Who downloads them: the association's members, programme staff, a reviewer
assigned and declared free of conflict, the chair; a conflicted or undeclared reviewer, an
unassigned person and another association get 404 by every URL."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from capacity_lms.calls.actions import SubmitApplication
from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.documents import RemoveDocument, UploadDocument
from capacity_lms.calls.eligibility import RequestDocument
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.pages import RequiredDocument
from capacity_lms.calls.review_models import ReviewAssignment
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Membership
from sandbox.testing.call_factories import application_for
from sandbox.testing.committee_factories import ApplicationFactory
from sandbox.testing.factories import AssociationFactory, UserFactory
from sandbox.testing.network_factories import association_admin
from tests.integration.calls.world import committee, eligible  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def private_root(settings, tmp_path):
    """Private files go to a folder of the test's own, to list what stayed behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media-private"


def stored_files(root):
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def pdf(name="statutes.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def statutes(call):
    return RequiredDocument.objects.create(call=call, name="Statutes", sort_order=0)


@pytest.fixture
def draft(call, private_root):
    """A complete draft of a new association, and its admin."""
    association = AssociationFactory(name="Atlas Solidarité")
    admin = association_admin(association, username="admin-draft")
    return application_for(call, association), admin


@pytest.fixture
def submitted(call, private_root):
    """A submitted application whose association has one admin."""
    made = ApplicationFactory(call=call)
    association_admin(made.association, username="admin-fatima")
    return made


def url(name, *args):
    return reverse(f"capacity_lms:{name}", args=args)


def get(client, address):
    # The locale middleware turns a 404 into a redirect to the language's prefix: follow it.
    return client.get(address, follow=True)


def stored(application, title="Statutes"):
    """A document written directly (the application is past its draft)."""
    document = ApplicationDocument(
        application=application,
        title=title,
        original_name="statutes.pdf",
        size=len(PDF_BYTES),
        kind="pdf",
        content_type="application/pdf",
    )
    document.file.save("statutes.pdf", io.BytesIO(PDF_BYTES), save=False)
    document.save()
    return document


def zip_bomb_docx():
    """A DOCX whose one entry unpacks far past the archive limits the test sets."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 200_000)
    return SimpleUploadedFile("accounts.docx", buffer.getvalue())


# Attaching -----------------------------------------------------------------------------


def test_a_member_attaches_a_document_through_the_form(client, draft, statutes, private_root):
    application, _admin = draft
    member = UserFactory(username="member-draft")
    Membership.objects.create(user=member, association=application.association)
    client.force_login(member)
    form = get(client, url("application_document_upload", application.pk))
    assert form.status_code == 200 and form.context["may_upload"]
    response = client.post(
        url("application_document_upload", application.pk),
        {"required_document": statutes.pk, "title": "", "file": pdf()},
    )
    assert response.status_code == 302
    document = ApplicationDocument.objects.get(application=application)
    assert (document.title, document.required_document, document.kind) == (
        "Statutes",
        statutes,
        "pdf",
    )
    assert document.size == len(PDF_BYTES) and document.uploaded_by == member
    assert document.original_name == "statutes.pdf"
    assert len(stored_files(private_root)) == 1
    event = CallEvent.objects.get(application=application, verb=CallEvent.Verb.DOCUMENT_ADDED)
    assert event.actor == member and event.details["document"] == document.pk
    # The edit page lists it and no longer shows the statutes as missing.
    page = get(client, url("application_edit", application.pk))
    assert page.context["documents"] == [document]
    assert page.context["missing_documents"] == []


def test_the_edit_page_shows_the_required_documents_missing(client, draft, statutes):
    application, admin = draft
    client.force_login(admin)
    page = get(client, url("application_edit", application.pk))
    assert page.context["missing_documents"] == [statutes]
    assert "data-missing-documents" in page.content.decode()


@pytest.mark.parametrize(
    "upload, expected",
    [
        (
            lambda: SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>"),
            "its content is not a file of that type",
        ),
        (lambda: pdf("big.pdf", PDF_BYTES + b"%" * 2000), "files may be at most"),
        (zip_bomb_docx, "once unpacked"),
        (lambda: SimpleUploadedFile("tool.exe", b"MZ\x90\x00"), "is not an accepted type"),
    ],
    ids=["html-renamed-pdf", "too-big", "zip-bomb", "program"],
)
def test_a_hostile_file_is_refused_with_a_message_and_nothing_is_written(
    client, settings, draft, private_root, upload, expected
):
    settings.CAPACITY_LMS_SUBMISSION_MAX_UPLOAD_BYTES = 1000
    settings.CAPACITY_LMS_UPLOAD_MAX_ARCHIVE_ENTRY_BYTES = 10_000
    application, admin = draft
    events = CallEvent.objects.count()
    client.force_login(admin)
    response = client.post(
        url("application_document_upload", application.pk), {"title": "X", "file": upload()}
    )
    assert response.status_code == 400
    assert expected in " ".join(response.context["form"].errors["file"])
    assert expected in response.content.decode().replace("&#x27;", "'")
    assert not ApplicationDocument.objects.exists()
    assert CallEvent.objects.count() == events
    assert stored_files(private_root) == set()


def test_no_more_than_the_limit_of_documents(draft, monkeypatch):
    application, admin = draft
    monkeypatch.setattr("capacity_lms.calls.documents.MAX_DOCUMENTS", 1)
    UploadDocument(application, user=admin, upload=pdf()).execute()
    with pytest.raises(ActionRefused) as refused:
        UploadDocument(application, user=admin, upload=pdf("b.pdf")).execute()
    assert refused.value.code == "too_many"
    assert ApplicationDocument.objects.count() == 1


def test_a_person_outside_the_association_cannot_attach(draft):
    application, _admin = draft
    with pytest.raises(ActionRefused) as refused:
        UploadDocument(application, user=UserFactory(), upload=pdf()).execute()
    assert refused.value.code == "not_member"
    assert not ApplicationDocument.objects.exists()


# Removing ------------------------------------------------------------------------------


def test_removal_in_the_draft_writes_one_history_row_and_deletes_the_file(
    client, draft, private_root, django_capture_on_commit_callbacks
):
    application, admin = draft
    document = UploadDocument(application, user=admin, upload=pdf()).execute()
    assert len(stored_files(private_root)) == 1
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("application_document_remove", application.pk, document.pk))
    assert response.status_code == 302
    assert not ApplicationDocument.objects.exists()
    assert stored_files(private_root) == set()
    removed = CallEvent.objects.get(verb=CallEvent.Verb.DOCUMENT_REMOVED)
    assert removed.actor == admin and removed.details["title"] == "statutes.pdf"


def test_removal_after_submission_is_refused_and_the_document_stays(client, draft):
    application, admin = draft
    document = UploadDocument(application, user=admin, upload=pdf()).execute()
    SubmitApplication(application, user=admin).execute()
    client.force_login(admin)
    response = client.post(
        url("application_document_remove", application.pk, document.pk), follow=True
    )
    assert "cannot be removed" in response.content.decode()
    assert ApplicationDocument.objects.filter(pk=document.pk).exists()
    assert not CallEvent.objects.filter(verb=CallEvent.Verb.DOCUMENT_REMOVED).exists()
    # Nor a new document: the application is no longer a draft and nothing is asked for.
    with pytest.raises(ActionRefused) as refused:
        UploadDocument(application, user=admin, upload=pdf("late.pdf")).execute()
    assert refused.value.code == "not_editable"


def test_the_submitted_version_lists_the_documents_present_at_submission(draft):
    application, admin = draft
    kept = UploadDocument(application, user=admin, upload=pdf(), title="Statutes").execute()
    gone = UploadDocument(application, user=admin, upload=pdf("old.pdf")).execute()
    RemoveDocument(gone, user=admin).execute()
    SubmitApplication(application, user=admin).execute()
    frozen = application.versions.get(submitted=True).snapshot["documents"]
    assert [(item["id"], item["title"], item["file"]) for item in frozen] == [
        (kept.pk, "Statutes", "statutes.pdf")
    ]


# Answering a request for a missing document ----------------------------------------------


def test_a_document_attached_while_a_request_is_open_answers_it(
    client,
    submitted,
    staff,
    statutes,
    private_root,
):
    request = RequestDocument(
        submitted, user=staff, message="Send the signed statutes.", document=statutes
    ).execute()
    admin = submitted.association.memberships.get().user
    client.force_login(admin)
    page = get(client, url("application_edit", submitted.pk))
    assert page.context["open_requests"] == [request] and page.context["may_upload"]
    response = client.post(
        url("application_document_upload", submitted.pk),
        {"required_document": statutes.pk, "file": pdf()},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.answered_at is not None
    document = ApplicationDocument.objects.get(application=submitted)
    assert document.answers == request and document.required_document == statutes
    event = CallEvent.objects.get(verb=CallEvent.Verb.REQUEST_ANSWERED)
    assert event.details["request"] == request.pk and event.actor == admin
    assert not CallEvent.objects.filter(verb=CallEvent.Verb.DOCUMENT_ADDED).exists()
    # Answered: nothing is asked for any more, so nothing more can be attached.
    with pytest.raises(ActionRefused):
        UploadDocument(submitted, user=admin, upload=pdf("again.pdf")).execute()
    # The application stays submitted; staff read the answer on the eligibility page.
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    client.force_login(staff)
    admin_page = client.get(reverse("capacity_calls_review:application", args=[submitted.pk]))
    assert admin_page.context["documents"] == [document]


def test_a_request_past_its_date_is_no_longer_answered(
    submitted,
    staff,
    private_root,
):
    request = RequestDocument(submitted, user=staff, message="Send the accounts.").execute()
    admin = submitted.association.memberships.get().user
    late = timezone.now() + datetime.timedelta(days=60)
    with pytest.raises(ActionRefused) as refused:
        UploadDocument(submitted, user=admin, upload=pdf(), now=late).execute()
    assert refused.value.code == "not_editable"
    request.refresh_from_db()
    assert request.answered_at is None
    assert not ApplicationDocument.objects.exists()


# Who downloads ---------------------------------------------------------------------------


def download_url(document):
    return url("application_document_download", document.application_id, document.pk)


def test_the_association_downloads_its_document_as_an_attachment(client, draft):
    application, admin = draft
    document = UploadDocument(application, user=admin, upload=pdf()).execute()
    client.force_login(admin)
    response = client.get(download_url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert "statutes.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_another_association_gets_404_by_every_url(client, draft):
    application, admin = draft
    document = UploadDocument(application, user=admin, upload=pdf()).execute()
    other = association_admin(AssociationFactory(), username="admin-other")
    theirs = application_for(application.call, other.capacity_memberships.get().association)
    client.force_login(other)
    for address in (
        download_url(document),
        # Their own application's pk with the other's document: still not theirs.
        url("application_document_download", theirs.pk, document.pk),
        url("application_document_upload", application.pk),
    ):
        assert get(client, address).status_code == 404, address
    response = client.post(url("application_document_remove", application.pk, document.pk))
    assert response.status_code == 404
    response = client.post(url("application_document_remove", theirs.pk, document.pk))
    assert response.status_code == 404
    assert ApplicationDocument.objects.filter(pk=document.pk).exists()


def assign(application, reviewer, conflict):
    return ReviewAssignment.objects.create(
        application=application, reviewer=reviewer, conflict=conflict
    )


def test_a_conflicted_reviewer_gets_404_on_the_documents_by_every_url(
    client,
    committee,  # noqa: F811
    eligible,  # noqa: F811
    private_root,
):
    document = stored(eligible)
    reviewer = committee["reviewers"][0]
    assign(eligible, reviewer, conflict=True)
    client.force_login(reviewer)
    for address in (
        download_url(document),
        url("calls_review_application", eligible.pk),
        url("application_edit", eligible.pk),
        url("application_document_upload", eligible.pk),
    ):
        assert get(client, address).status_code == 404, address


def test_a_chair_who_declared_a_conflict_is_refused_like_any_reviewer(
    client,
    committee,  # noqa: F811
    eligible,  # noqa: F811
    private_root,
):
    document = stored(eligible)
    assign(eligible, committee["chair"], conflict=True)
    client.force_login(committee["chair"])
    assert get(client, download_url(document)).status_code == 404


def test_an_undeclared_or_unassigned_reviewer_gets_404(
    client,
    committee,  # noqa: F811
    eligible,  # noqa: F811
    private_root,
):
    document = stored(eligible)
    undeclared, unassigned = committee["reviewers"][0], committee["reviewers"][1]
    assign(eligible, undeclared, conflict=None)
    for person in (undeclared, unassigned, UserFactory()):
        client.force_login(person)
        assert get(client, download_url(document)).status_code == 404


def test_readers_of_the_application_download_its_documents(
    client,
    committee,  # noqa: F811
    eligible,  # noqa: F811
    staff,
    private_root,
):
    document = stored(eligible)
    reviewer = committee["reviewers"][0]
    assign(eligible, reviewer, conflict=False)
    for person in (reviewer, committee["chair"], staff):
        client.force_login(person)
        response = client.get(download_url(document))
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content) == PDF_BYTES
    # The reviewer's page lists it with its link, and the association's capacity record.
    client.force_login(reviewer)
    page = get(client, url("calls_review_application", eligible.pk))
    assert page.context["documents"] == [document]
    assert download_url(document) in page.content.decode()
    assert page.context["record"] is not None


def test_nobody_reads_a_draft_but_its_association(
    client,
    draft,
    committee,  # noqa: F811
    staff,
):
    application, admin = draft
    document = UploadDocument(application, user=admin, upload=pdf()).execute()
    for person in (committee["chair"], staff):
        client.force_login(person)
        assert get(client, download_url(document)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, draft):
    application, admin = draft
    document = UploadDocument(application, user=admin, upload=pdf()).execute()
    response = client.get(download_url(document))
    assert response.status_code == 302 and "login" in response["Location"]
