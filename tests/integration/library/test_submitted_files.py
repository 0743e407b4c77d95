"""Files attached to a submitted case study stay private until it is published.

No URL serves them to anyone but the submitter and the page's moderators (the checking view;
nothing under MEDIA_ROOT, so no media URL, rendition or document serve URL; no Wagtail image
or document, so no admin listing or chooser). Publishing makes them ordinary images and
documents; declining, or erasing the submitter's data, deletes the submission and its files.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision

from capacity_lms.core.actions import ActionRefused
from capacity_lms.library.attachments import DeclineSubmissionAction
from capacity_lms.library.models import CaseStudyAttachment, CaseStudyPage
from capacity_lms.library.submissions import SubmitCaseStudyAction
from capacity_lms.people.roles import COUNTRY_COORDINATORS, TRAINERS
from capacity_lms.privacy.actions import ErasePersonAction
from capacity_lms.taxonomy.models import Country, StrategicAxis
from sandbox.testing.factories import MembershipFactory, UserFactory
from tests.integration.conftest import in_group
from tests.integration.library.conftest import make_case_study
from tests.integration.library.test_submissions import (
    PDF,
    form_data,
    png_bytes,
    private_root,
    stored_files,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media_root")]


@pytest.fixture
def submitter(member, association):
    MembershipFactory(user=member, association=association)
    return member


@pytest.fixture
def people(db, library, submitter):
    group = Group.objects.create(name="Library editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=library,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    editor = UserFactory(username="editor-salma")
    editor.groups.add(group)
    return {
        "anonymous": None,
        "submitter": submitter,
        "other_member": UserFactory(username="member-karima"),
        "trainer": in_group(UserFactory(username="trainer-amina"), TRAINERS),
        "coordinator": in_group(UserFactory(username="coordinator-omar"), COUNTRY_COORDINATORS),
        "editor": editor,
    }


@pytest.fixture
def submission(media_root, library, submitter, association):
    data = form_data(association)
    data.update(
        association=association,
        host_country=Country.objects.get(code="fr"),
        strategic_axes=list(StrategicAxis.objects.filter(code="school-support")),
    )
    files = [
        ("file_1", upload("classroom.png", png_bytes()), "Pupils at a table"),
        ("file_2", upload("secret-budget.pdf", PDF), "The budget"),
    ]
    return SubmitCaseStudyAction(library, user=submitter, cleaned_data=data, files=files).execute()


def as_role(client, people, role):
    client.logout()
    if people[role] is not None:
        client.force_login(people[role])
    return client


ADMIN_LISTINGS = (
    "wagtailimages:index",
    "wagtailimages_chooser:choose",
    "wagtaildocs:index",
    "wagtaildocs_chooser:choose",
)


def test_draft_files_reach_only_the_submitter_and_the_moderators(
    client, people, submission, media_root
):
    attachments = list(submission.attachments.all())
    # Nothing under MEDIA_ROOT: no media URL, rendition or document serve URL can reach them.
    assert stored_files(media_root) == set()
    assert len(stored_files(private_root(media_root))) == 2
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()
    for role in people:
        as_role(client, people, role)
        for attachment in attachments:
            response = client.get(attachment.get_absolute_url())
            if role in ("submitter", "editor"):
                assert response.status_code == 200, role
                assert response["Content-Disposition"].startswith("attachment")
                assert response["Cache-Control"].startswith("max-age=0")
                content = b"".join(response.streaming_content)
                assert content == (png_bytes() if attachment.is_image else PDF)
            elif role == "anonymous":
                assert response.status_code == 302
                assert "login" in response["Location"]
            else:
                assert response.status_code == 404, role
        for name in ADMIN_LISTINGS:
            html = client.get(reverse(name)).content.decode()
            assert "secret-budget" not in html and "Pupils at a table" not in html, (role, name)
    # A wrong name in the URL is a file that does not exist.
    as_role(client, people, "editor")
    wrong = reverse("capacity_lms:case_study_attachment", args=[attachments[1].pk, "x.pdf"])
    assert client.get(wrong).status_code == 404


def test_the_editor_previews_the_files_and_may_decline(client, people, submission):
    as_role(client, people, "editor")
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[submission.pk]))
    html = draft.content.decode()
    for attachment in submission.attachments.all():
        assert attachment.get_absolute_url() in html
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[submission.pk]))
    assert edit.status_code == 200
    for attachment in submission.attachments.all():
        assert attachment.get_absolute_url() in edit.content.decode()
    decline_url = reverse("capacity_lms_library:decline_submission", args=[submission.pk])
    assert decline_url in edit.content.decode()
    as_role(client, people, "trainer")
    assert client.get(decline_url).status_code in (302, 404)


def test_publishing_makes_the_files_ordinary_images_and_documents(
    client, people, submission, media_root, django_capture_on_commit_callbacks
):
    attachments = list(submission.attachments.all())
    with django_capture_on_commit_callbacks(execute=True):
        submission.get_latest_revision().publish(user=people["editor"])
    assert stored_files(private_root(media_root)) == set()
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (4, 3)
    assert image.title == "Pupils at a table"
    assert get_document_model().objects.get().filename == "secret-budget.pdf"
    page = client.get(CaseStudyPage.objects.get(pk=submission.pk).url).content.decode()
    assert get_document_model().objects.get().url in page
    assert 'alt="Pupils at a table"' in page
    as_role(client, people, "submitter")
    for attachment in attachments:
        assert client.get(attachment.get_absolute_url()).status_code == 404


def submission_is_gone(submission, media_root):
    assert not Page.objects.filter(pk=submission.pk).exists()
    assert not CaseStudyAttachment.objects.exists()
    assert not Revision.page_revisions.filter(object_id=str(submission.pk)).exists()
    assert stored_files(private_root(media_root)) == set()
    assert stored_files(media_root) == set()
    return True


def test_declining_deletes_the_submission_and_its_files(
    client, people, submission, media_root, django_capture_on_commit_callbacks
):
    url = reverse("capacity_lms_library:decline_submission", args=[submission.pk])
    for role in ("trainer", "coordinator", "other_member", "submitter"):
        as_role(client, people, role)
        assert client.post(url).status_code in (302, 404), role
        assert CaseStudyPage.objects.filter(pk=submission.pk).exists()
    as_role(client, people, "editor")
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "secret-budget.pdf" in confirm.content.decode()
    assert CaseStudyPage.objects.filter(pk=submission.pk).exists()  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert submission_is_gone(submission, media_root)


def test_a_published_case_study_cannot_be_declined(people, library, submitter):
    page = make_case_study(library, submitted_by=submitter)
    page.save_revision().publish()
    with pytest.raises(ActionRefused):
        DeclineSubmissionAction(page, people["editor"]).check()


def test_erasing_the_submitter_deletes_unpublished_submissions_and_their_files(
    people, library, submission, submitter, media_root, django_capture_on_commit_callbacks
):
    published = make_case_study(library, submitted_by=submitter)
    published.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        ErasePersonAction(submitter).execute()
    assert submission_is_gone(submission, media_root)
    assert CaseStudyPage.objects.filter(pk=published.pk, live=True).exists()


def test_a_file_missing_from_storage_does_not_stop_the_publication(
    people, submission, media_root, django_capture_on_commit_callbacks, caplog
):
    missing = submission.attachments.get(is_image=False)
    missing.file.storage.delete(missing.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        submission.get_latest_revision().publish(user=people["editor"])
    assert CaseStudyPage.objects.get(pk=submission.pk).live
    assert get_image_model().objects.count() == 1
    assert not get_document_model().objects.exists()
    missing.refresh_from_db()
    assert missing.is_pending
    assert "could not be published" in caplog.text
