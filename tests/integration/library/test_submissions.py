"""Members submit case studies: uploads checked by content and size, rich text cleaned, a draft
sent through Wagtail's moderation workflow, and the submitter told the editors' decision."""

import io
import os
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision, WorkflowState

from capacity_lms.core.rich_text import clean_rich_text
from capacity_lms.library.models import CaseStudyAttachment, CaseStudyPage
from capacity_lms.library.submissions import SubmitCaseStudyAction
from capacity_lms.taxonomy.models import Country, StrategicAxis
from sandbox.testing.factories import AssociationFactory, MembershipFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media_root")]


@pytest.fixture
def signed_in_member(client, member, association):
    member.email = "youssef@example.org"
    member.save()
    MembershipFactory(user=member, association=association)
    client.force_login(member)
    return member


@pytest.fixture
def editor(db):
    return UserFactory(username="editor-salma", is_superuser=True, is_staff=True)


def stored_files(root):
    if not root.exists():
        return set()
    return {
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _folders, names in os.walk(root)
        for name in names
    }


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def form_data(association, **overrides):
    data = {
        "title": "Homework clubs run by parents",
        "summary": "Parents of Moroccan origin ran homework clubs in three schools.",
        "association": association.pk,
        "host_country": Country.objects.get(code="fr").pk,
        "strategic_axes": [StrategicAxis.objects.get(code="school-support").pk],
        "tags": "volunteers, schools, Volunteers",
        "started_on": "2024-09-01",
        "budget": "12000",
        "budget_currency": "eur",
        "context": "<p>Pupils were falling behind.</p>",
        "what_was_done": "<p>Parents ran <strong>homework clubs</strong>.</p>",
        "indicator_1": "Pupils moving up a year",
        "baseline_1": "60%",
        "result_1": "85%",
        "contact_email": "contact@example.org",
    }
    data.update(overrides)
    return data


def submit(client, library, association, **overrides):
    return client.post(
        reverse("capacity_lms:case_study_submit", args=[library.pk]),
        form_data(association, **overrides),
    )


def private_root(media_root):
    """Where files awaiting publication go when the host names no private storage."""
    return media_root.parent / f"{media_root.name}-private"


def nothing_written(media_root, before=frozenset()):
    assert not CaseStudyPage.objects.filter(submitted_by__isnull=False).exists()
    assert not CaseStudyAttachment.objects.exists()
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()
    assert stored_files(media_root) == set(before)
    assert stored_files(private_root(media_root)) == set()
    return True


def test_the_library_offers_the_form_and_the_member_sees_it(client, library, signed_in_member):
    page = client.get(library.url)
    submit_url = reverse("capacity_lms:case_study_submit", args=[library.pk])
    assert submit_url in page.content.decode()
    response = client.get(submit_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'for="id_title"' in html


def test_a_member_submits_a_draft_sent_to_moderation(
    client, library, signed_in_member, association, media_root
):
    response = submit(
        client,
        library,
        association,
        file_1=upload("classroom.png", png_bytes(), "image/png"),
        description_1="Pupils and a volunteer at a table",
        file_2=upload("report.pdf", PDF, "application/pdf"),
        file_3=upload("budget.docx", docx_bytes()),
    )
    assert response.status_code == 302
    assert response.url == reverse("capacity_lms:my_submissions")

    page = CaseStudyPage.objects.get(submitted_by=signed_in_member)
    assert page.get_parent().pk == library.pk
    assert not page.live
    assert page.first_published_at is None
    assert page.owner == signed_in_member
    assert page.association == association
    assert page.budget_currency == "EUR"
    assert sorted(page.tag_names) == ["schools", "volunteers"]
    assert page.strategic_axis_codes == ["school-support"]
    assert page.indicator_rows == [
        {"indicator": "Pupils moving up a year", "baseline": "60%", "result": "85%"}
    ]
    revision = Revision.page_revisions.get(object_id=str(page.pk))
    assert revision.user == signed_in_member
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == signed_in_member
    assert state.current_task_state.status == "in_progress"

    # The files wait in private storage: no Wagtail image or document, nothing under media.
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()
    assert stored_files(media_root) == set()
    attachments = list(page.attachments.all())
    assert [(a.name, a.kind, a.is_image) for a in attachments] == [
        ("classroom.png", "png", True),
        ("report.pdf", "pdf", False),
        ("budget.docx", "docx", False),
    ]
    assert attachments[0].description == "Pupils and a volunteer at a table"
    assert all(attachment.is_pending for attachment in attachments)
    assert len(stored_files(private_root(media_root))) == 3
    assert not page.media

    listing = client.get(response.url)
    assert "Homework clubs run by parents" in listing.content.decode()
    assert "With the editors" in listing.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_written(
    client, library, association, media_root
):
    response = submit(client, library, association, file_1=upload("report.pdf", PDF))
    assert response.status_code == 302
    assert "login" in response.url
    assert nothing_written(media_root)


def test_a_person_in_no_association_is_refused_and_nothing_is_written(
    client, library, member, association, media_root
):
    client.force_login(member)
    assert (
        client.get(reverse("capacity_lms:case_study_submit", args=[library.pk])).status_code == 403
    )
    response = submit(client, library, association, file_1=upload("report.pdf", PDF))
    assert response.status_code == 403
    assert "Only members of an association" in response.content.decode()
    assert nothing_written(media_root)


def test_only_an_association_of_ones_own(client, library, signed_in_member, media_root):
    other = AssociationFactory(name="Someone else's association")
    response = submit(client, library, other)
    assert response.status_code == 400
    assert response.context["form"].errors["association"]
    assert nothing_written(media_root)


def test_a_library_closed_to_submissions_refuses(
    client, library, signed_in_member, association, media_root
):
    library.accepts_submissions = False
    library.save()
    assert "Share your association" not in client.get(library.url).content.decode()
    assert submit(client, library, association).status_code == 403
    assert nothing_written(media_root)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60, "is not an accepted type"),
        ("photo.jpg.exe", b"MZ\x90\x00" + b"\x00" * 60, "is not an accepted type"),
        ("report.pdf", b"<html><script>alert(1)</script></html>", "its content is not"),
        ("report.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "its content is not"),
        ("report.pdf", b"MZ\x90\x00" + b"\x00" * 60, "its content is not"),
        ("photo.jpg", PDF, "but its content is a PDF document"),
        ("notes.docx", b"PK\x03\x04 not really a zip", "its content is not"),
    ],
)
def test_a_disguised_or_unaccepted_file_is_refused_and_nothing_is_written(
    client, library, signed_in_member, association, media_root, name, content, expected
):
    response = submit(
        client,
        library,
        association,
        file_1=upload("fine.png", png_bytes()),
        file_2=upload(name, content),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors["file_2"]
    assert name in errors[0] and expected in errors[0]
    assert "file_1" not in response.context["form"].errors
    html = response.content.decode()
    assert 'id="id_file_2_error"' in html
    assert 'aria-describedby="id_file_2_error"' in html
    assert nothing_written(media_root)


def test_a_file_too_large_is_refused_and_nothing_is_written(
    client, library, signed_in_member, association, media_root, settings
):
    settings.CAPACITY_LMS_SUBMISSION_MAX_UPLOAD_BYTES = 1000
    response = submit(
        client,
        library,
        association,
        file_1=upload("fine.pdf", PDF),
        file_2=upload("big.pdf", PDF + b"0" * 2000),
    )
    assert response.status_code == 400
    message = response.context["form"].errors["file_2"][0]
    assert "big.pdf" in message and "at most 1000" in message
    assert nothing_written(media_root)


def test_a_failure_after_files_are_stored_leaves_no_orphan_file(
    library, signed_in_member, association, media_root, monkeypatch
):
    store = SubmitCaseStudyAction._store

    def broken(self, page, upload, number):
        store(self, page, upload, number)
        if number == 2:
            raise RuntimeError("the database went away")

    monkeypatch.setattr(SubmitCaseStudyAction, "_store", broken)
    data = form_data(association)
    data.update(
        association=association,
        host_country=Country.objects.get(code="fr"),
        strategic_axes=list(StrategicAxis.objects.filter(code="school-support")),
    )
    files = [
        ("file_1", upload("classroom.png", png_bytes()), ""),
        ("file_2", upload("report.pdf", PDF), ""),
    ]
    with pytest.raises(RuntimeError):
        SubmitCaseStudyAction(
            library, user=signed_in_member, cleaned_data=data, files=files
        ).execute()
    assert nothing_written(media_root)


def test_rich_text_from_members_is_cleaned(client, library, signed_in_member, association):
    dirty = (
        "<p>Before</p><script>alert(1)</script>"
        '<p onclick="x()">Clicked <a href="javascript:alert(1)">here</a></p>'
        '<p><img src=x onerror="alert(2)">After <a href="https://example.org">site</a></p>'
        "<style>body{display:none}</style>"
    )
    submit(client, library, association, context=dirty, results=dirty, pitfalls="One & two")
    page = CaseStudyPage.objects.get(submitted_by=signed_in_member)
    for stored in (page.context, page.results):
        for forbidden in ("script", "alert", "javascript:", "onclick", "onerror", "<img", "style"):
            assert forbidden not in stored
        for kept in ("Before", "Clicked", "here", "After", 'href="https://example.org"'):
            assert kept in stored
    assert page.pitfalls == "<p>One &amp; two</p>"


def test_the_sanitiser_keeps_only_the_allowed_tags():
    assert clean_rich_text('<h3>Title</h3><h1>Big</h1><a href="mailto:a@b.org" x="y">m</a>') == (
        '<h3>Title</h3>Big<a href="mailto:a@b.org">m</a>'
    )
    assert "href" not in clean_rich_text('<a href=" JaVaScRiPt:alert(1)">x</a>')


def approve_or_reject(page, editor, action, comment=""):
    """As the admin's workflow action view does: the current task acts on its task state."""
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, action, comment=comment)


def test_an_editor_approves_it_is_published_and_the_submitter_gets_one_email(
    client, library, signed_in_member, association, editor, committing
):
    submit(client, library, association)
    page = CaseStudyPage.objects.get(submitted_by=signed_in_member)
    mail.outbox.clear()
    with committing():
        approve_or_reject(page, editor, "approve")
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.for_instance(page).get().status == "approved"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["youssef@example.org"]
    assert "published" in message.subject
    assert page.full_url in message.body
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()

    listing = client.get(library.url, {"q": "homework"})
    assert "Homework clubs run by parents" in listing.content.decode()
    mine = client.get(reverse("capacity_lms:my_submissions")).content.decode()
    assert "Published" in mine and page.url in mine

    # A later correction published by an editor does not write again.
    mail.outbox.clear()
    with committing():
        page.save_revision(user=editor).publish(user=editor)
    assert mail.outbox == []


def test_an_editor_asks_for_changes_and_the_submitter_reads_why(
    client, library, signed_in_member, association, editor, committing
):
    submit(client, library, association)
    page = CaseStudyPage.objects.get(submitted_by=signed_in_member)
    mail.outbox.clear()
    with committing():
        approve_or_reject(page, editor, "reject", comment="Please add the number of pupils.")
    page.refresh_from_db()
    assert not page.live
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "needs changes" in message.subject
    assert "Please add the number of pupils." in message.body
    mine = client.get(reverse("capacity_lms:my_submissions")).content.decode()
    assert "Changes requested" in mine and "Please add the number of pupils." in mine


def test_my_submissions_shows_only_ones_own(client, library, signed_in_member, association):
    submit(client, library, association)
    other = UserFactory(username="someone-else")
    MembershipFactory(user=other, association=association)
    client.force_login(other)
    html = client.get(reverse("capacity_lms:my_submissions")).content.decode()
    assert "cl-card__title" not in html
    assert "You have not submitted any case study yet." in html


def test_submissions_past_the_rate_limit_get_429(
    client, library, signed_in_member, association, settings
):
    settings.CAPACITY_LMS_RATE_LIMITS = {"case_study_submit": "2/3600"}
    assert submit(client, library, association).status_code == 302
    assert submit(client, library, association, title="Second").status_code == 302
    response = submit(client, library, association, title="Third")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert CaseStudyPage.objects.filter(submitted_by=signed_in_member).count() == 2
