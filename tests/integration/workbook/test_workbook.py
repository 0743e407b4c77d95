"""The project workbook (issue #24): members of one association share one workbook across
the module's language versions; versions keep who wrote what; trainers review against the
rubric; acceptance completes the lesson; nobody else sees the work."""

import re

import pytest
from django.core import mail

from capacity_lms.workbook.alerts import send_digests
from capacity_lms.workbook.models import (
    Deliverable,
    DeliverableReview,
    DeliverableVersion,
    ReviewAlertChoice,
)
from courses.models import LessonCompletion

from .conftest import step_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def needs(problem="Pupils drop out of school", causes=(), target="Families in La Duchère"):
    data = {
        "texts-problem": problem,
        "texts-target_groups": target,
        "causes-TOTAL_FORMS": str(len(causes) or 1),
        "causes-INITIAL_FORMS": "0",
        "effects-TOTAL_FORMS": "1",
        "effects-INITIAL_FORMS": "0",
        "effects-0-text": "",
    }
    for number, cause in enumerate(causes or [""]):
        data[f"causes-{number}-text"] = cause
    return data


def post(client, person, url, data, association, **buttons):
    client.force_login(person)
    return client.post(url, {**data, **buttons})


def test_two_members_in_two_languages_share_one_step_and_keep_their_names(
    client, module, people, committing
):
    association = people["association"]
    with committing():
        first = post(
            client,
            people["fatima"],
            step_url(module, "en", people["association"]),
            needs(causes=["No homework help"]),
            association,
            save="",
        )
    assert first.status_code == 302
    with committing():
        second = post(
            client,
            people["omar"],
            step_url(module, "fr", people["association"]),
            needs(causes=["No homework help", "Parents work late"]),
            association,
            save="",
        )
    assert second.status_code == 302
    deliverable = Deliverable.objects.get()
    assert deliverable.content["causes"] == [
        {"text": "No homework help"},
        {"text": "Parents work late"},
    ]
    assert deliverable.workbook.project.context == "Pupils drop out of school"
    versions = list(deliverable.versions.order_by("number"))
    assert [(v.number, v.author, v.author_name) for v in versions] == [
        (1, people["fatima"], "Fatima Alaoui"),
        (2, people["omar"], "Omar Benali"),
    ]
    page = client.get(step_url(module, "fr", people["association"])).content.decode()
    assert "Parents work late" in page and "Fatima" in page and "Omar" in page


def test_nobody_else_sees_or_writes_the_work(client, module, people, committing):
    association = people["association"]
    with committing():
        post(
            client,
            people["fatima"],
            step_url(module, "en", people["association"]),
            needs(),
            association,
            submit="",
        )
    deliverable = Deliverable.objects.get()
    review_url = f"/learning/workbook/reviews/{deliverable.pk}/"
    from django.urls import reverse

    review_url = reverse("capacity_lms:workbook_review", args=[deliverable.pk])
    # Another association's member: the step for their association only; ours is not found.
    client.force_login(people["stranger"])
    assert client.get(step_url(module, "en", people["association"])).status_code == 404
    assert client.get(review_url).status_code == 404
    refused = client.post(
        step_url(module, "en", people["association"]), {**needs("Hijacked"), "save": ""}
    )
    assert refused.status_code == 404
    # Another module's trainer: neither the review nor the queue.
    client.force_login(people["other_trainer"])
    assert client.get(review_url).status_code == 404
    assert (
        deliverable.workbook.association.name
        not in client.get(reverse("capacity_lms:workbook_queue")).content.decode()
    )
    # Their own association's step is theirs, and shows nothing of ours.
    client.force_login(people["stranger"])
    theirs = client.get(step_url(module, "en", people["other_association"]))
    assert theirs.status_code == 200 and "Pupils drop out" not in theirs.content.decode()
    # A member who leaves loses access at once; what they wrote stays theirs.
    people["fatima"].capacity_memberships.all().delete()
    client.force_login(people["fatima"])
    assert client.get(step_url(module, "en", people["association"])).status_code == 404
    assert DeliverableVersion.objects.get().author == people["fatima"]
    assert Deliverable.objects.get().workbook.project.context == "Pupils drop out of school"


def test_review_cycle_changes_then_acceptance_completes_the_lesson(
    client, module, people, committing
):
    association, trainer = people["association"], people["trainer"]
    lesson_en, lesson_fr = module["lesson"]["en"], module["lesson"]["fr"]
    # Before any acceptance, the lesson cannot be marked complete.
    client.force_login(people["fatima"])
    client.post(lesson_en.url, {"action": "complete"})
    assert not LessonCompletion.objects.exists()

    mail.outbox.clear()
    with committing():
        post(
            client,
            people["fatima"],
            step_url(module, "en", people["association"]),
            needs(),
            association,
            submit="",
        )
    deliverable = Deliverable.objects.get()
    assert deliverable.status == Deliverable.Status.SUBMITTED
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    # Submitted work is not edited.
    with committing():
        locked = post(
            client,
            people["omar"],
            step_url(module, "fr", people["association"]),
            needs("Changed"),
            association,
            save="",
        )
    assert locked.status_code == 302
    assert Deliverable.objects.get().content["problem"] == "Pupils drop out of school"

    from django.urls import reverse

    review_url = reverse("capacity_lms:workbook_review", args=[deliverable.pk])
    client.force_login(trainer)
    assert "Needs analysis" in client.get(reverse("capacity_lms:workbook_queue")).content.decode()
    # Changes asked for without a comment: refused, nothing written.
    answer = client.post(
        review_url, {"decision": "changes_requested", "criterion_0": "1", "criterion_1": "0"}
    )
    assert answer.status_code == 400 and not DeliverableReview.objects.exists()
    mail.outbox.clear()
    with committing():
        answer = client.post(
            review_url,
            {
                "decision": "changes_requested",
                "criterion_0": "1",
                "criterion_1": "0",
                "section_target_groups": "Name the families you reach.",
            },
        )
    assert answer.status_code == 302
    review = DeliverableReview.objects.get()
    assert (review.points, review.max_points) == (2, 6)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "fatima@example.org"
    ]  # the one member who wrote a version
    assert "Name the families you reach." in mail.outbox[0].body
    # Fixed and submitted again by the other member, then accepted.
    with committing():
        post(
            client,
            people["omar"],
            step_url(module, "fr", people["association"]),
            needs(target="Families of 40 pupils in La Duchère"),
            association,
            submit="",
        )
    client.force_login(trainer)
    mail.outbox.clear()
    with committing():
        client.post(review_url, {"decision": "accepted", "criterion_0": "2", "criterion_1": "1"})
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.ACCEPTED
    assert sorted(message.to[0] for message in mail.outbox) == [
        "fatima@example.org",
        "omar@example.org",
    ]
    # Each member's lesson (their own language's version) is complete.
    completed = set(LessonCompletion.objects.values_list("user__username", "lesson_id", "method"))
    assert completed == {
        ("fatima", lesson_en.pk, "deliverable"),
        ("omar", lesson_fr.pk, "deliverable"),
    }
    # A second review of the same submission changes nothing.
    client.post(
        review_url,
        {"decision": "changes_requested", "criterion_0": "0", "criterion_1": "0", "comment": "x"},
    )
    assert DeliverableReview.objects.count() == 2


def test_add_a_row_saves_nothing_and_keeps_what_was_typed(client, module, people):
    response = post(
        client,
        people["fatima"],
        step_url(module, "en", people["association"]),
        needs(causes=["No homework help"]),
        people["association"],
        add="causes",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="causes-1-text"' in html and "No homework help" in html
    assert not Deliverable.objects.exists()


def test_hostile_input_is_refused_whole(client, module, people):
    too_long = needs(problem="x" * 6000)
    response = post(
        client,
        people["fatima"],
        step_url(module, "en", people["association"]),
        too_long,
        people["association"],
        save="",
    )
    assert response.status_code == 400
    many = needs(causes=[f"cause {n}" for n in range(300)])
    response = post(
        client,
        people["fatima"],
        step_url(module, "en", people["association"]),
        many,
        people["association"],
        save="",
    )
    assert response.status_code == 400
    assert not Deliverable.objects.exists()
    assert client.get(step_url(module, "en", 999999)).status_code == 404
    from django.urls import reverse

    missing = reverse(
        "capacity_lms:workbook_step",
        args=[people["association"].pk, module["lesson"]["en"].pk, "nope"],
    )
    assert client.get(missing).status_code == 404


def test_daily_digest_trainers_get_one_email_once(client, module, people, committing):
    ReviewAlertChoice.objects.create(
        user=people["trainer"], frequency=ReviewAlertChoice.Frequency.DAILY
    )
    mail.outbox.clear()
    with committing():
        post(
            client,
            people["fatima"],
            step_url(module, "en", people["association"]),
            needs(),
            people["association"],
            submit="",
        )
    assert mail.outbox == []  # no e-mail per submission
    with committing():
        assert send_digests() == 1
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    with committing():
        assert send_digests() == 0
    assert len(mail.outbox) == 1
    # The command cron runs: nothing new, nothing sent.
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    with committing():
        call_command("send_workbook_digests", stdout=out)
    assert "0 digests sent." in out.getvalue() and len(mail.outbox) == 1


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_files_on_a_text_step_are_checked_kept_and_read_by_the_work_s_readers_only(
    client, module, people, settings, tmp_path, committing
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from capacity_lms.workbook.models import DeliverableFile

    settings.STORAGES = {
        **settings.STORAGES,
        "capacity_lms_private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    settings.CAPACITY_LMS_WORKBOOK_MAX_FILES = 2
    url = step_url(module, "en", people["association"], step="notes")
    client.force_login(people["fatima"])

    def send(*files, **extra):
        data = {"texts-text": "What we learnt.", **extra, "save": ""}
        data["files-files"] = list(files)
        with committing():
            return client.post(url, data)

    hostile = SimpleUploadedFile("notes.pdf", b"MZ\x90\x00 not a pdf at all")
    assert send(hostile).status_code == 400
    assert not DeliverableFile.objects.exists() and not Deliverable.objects.exists()
    assert send(SimpleUploadedFile("plan.pdf", PDF_BYTES)).status_code == 302
    item = DeliverableFile.objects.get()
    assert item.uploaded_by == people["fatima"]
    too_many = [SimpleUploadedFile(f"{n}.pdf", PDF_BYTES) for n in range(2)]
    assert send(*too_many).status_code == 400
    assert DeliverableFile.objects.count() == 1
    download = client.get(item.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    client.force_login(people["stranger"])
    assert client.get(item.get_absolute_url()).status_code == 404
    # Removed by a member: the row goes, the stored file with it.
    client.force_login(people["omar"])
    stored = tmp_path / item.file.name
    assert stored.exists()
    with committing():
        client.post(
            step_url(module, "fr", people["association"], step="notes"),
            {"texts-text": "What we learnt.", "files-remove": [item.pk], "save": ""},
        )
    assert not DeliverableFile.objects.exists() and not stored.exists()
    assert Deliverable.objects.get().versions.first().content["files"] == []


def test_a_member_enrolled_after_the_acceptance_completes_the_lesson_themselves(
    client, module, people
):
    from capacity_lms.people.models import Membership
    from capacity_lms.workbook.actions import ReviewStep, SaveStep, find_deliverable
    from capacity_lms.workbook.steps import find_step
    from courses.models import Enrolment
    from sandbox.testing.factories import UserFactory

    association = people["association"]
    step = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    SaveStep(step, user=people["fatima"], association=association, submit=True).execute()
    ReviewStep(
        find_deliverable(association, step),
        user=people["trainer"],
        step=step,
        decision="accepted",
        scores=[2, 1],
    ).execute()
    newcomer = UserFactory(username="newcomer")
    Membership.objects.create(user=newcomer, association=association)
    Enrolment.objects.create(user=newcomer, course=module["en"])
    client.force_login(newcomer)
    lesson = module["lesson"]["en"]
    assert "Mark as complete" in client.get(lesson.url).content.decode()
    client.post(lesson.url, {"action": "complete"})
    assert LessonCompletion.objects.filter(user=newcomer, lesson=lesson).exists()


def save_from(client, committing, person, url, association, based_on, **fields):
    """``person`` saves the needs analysis as a draft from the page of version ``based_on``."""
    data = {**needs(**fields), "based_on": str(based_on)}
    with committing():
        return post(client, person, url, data, association, save="")


def test_a_save_over_a_change_made_meanwhile_is_refused_and_shows_both(
    client, module, people, committing
):
    association = people["association"]
    url_en = step_url(module, "en", association)
    url_fr = step_url(module, "fr", association)
    fatima, omar = people["fatima"], people["omar"]
    save_from(client, committing, fatima, url_en, association, 0, causes=["No homework help"])
    # Both members now have the page of version 1 open; Omar saves first.
    first = save_from(
        client, committing, omar, url_fr, association, 1, problem="Children leave school at 14"
    )
    assert first.status_code == 302
    refused = save_from(
        client, committing, fatima, url_en, association, 1, problem="Girls leave school early"
    )
    assert refused.status_code == 409
    page = refused.content.decode()
    assert (
        "Omar Benali saved this step while you were working on it (version 2). Both of you"
        " changed: The core problem. Nothing was saved" in page
    )
    assert "Children leave school at 14" in page  # their version, shown
    assert re.search(r'<textarea name="texts-problem"[^>]*>\s*Girls leave school early<', page)
    assert 'name="based_on" value="2"' in page
    deliverable = Deliverable.objects.get()
    assert deliverable.versions.count() == 2
    assert deliverable.workbook.project.context == "Children leave school at 14"
    # Saving again from that page is a knowing choice: it goes through.
    again = save_from(
        client, committing, fatima, url_en, association, 2, problem="Girls leave school early"
    )
    assert again.status_code == 302
    deliverable.workbook.project.refresh_from_db()
    assert deliverable.workbook.project.context == "Girls leave school early"
    assert deliverable.versions.count() == 3


def test_two_saves_of_different_parts_of_a_step_keep_both(client, module, people, committing):
    association = people["association"]
    url_en = step_url(module, "en", association)
    url_fr = step_url(module, "fr", association)
    fatima, omar = people["fatima"], people["omar"]
    save_from(client, committing, fatima, url_en, association, 0, causes=["No homework help"])
    # Omar adds a cause; Fatima, from version 1, rewrites the problem only.
    both = ["No homework help", "Parents work late"]
    save_from(client, committing, omar, url_fr, association, 1, causes=both)
    saved = save_from(
        client,
        committing,
        fatima,
        url_en,
        association,
        1,
        problem="Girls leave school early",
        causes=["No homework help"],
    )
    assert saved.status_code == 302
    deliverable = Deliverable.objects.get()
    assert [row["text"] for row in deliverable.content["causes"]] == both
    assert deliverable.workbook.project.context == "Girls leave school early"
    assert deliverable.versions.count() == 3


@pytest.mark.parametrize("crafted", ["", "abc", "-5"])
def test_a_form_naming_no_real_version_counts_every_saved_version_as_newer(
    client, module, people, committing, crafted
):
    association = people["association"]
    url = step_url(module, "en", association)
    with committing():
        post(client, people["omar"], url, needs(problem="Children leave school"), association)
    refused = save_from(
        client,
        committing,
        people["fatima"],
        url,
        association,
        crafted,
        problem="Girls leave school early",
    )
    assert refused.status_code == 409
    assert Deliverable.objects.get().workbook.project.context == "Children leave school"
