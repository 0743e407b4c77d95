"""A workbook's files (#24 point 6): the logical framework and budget as XLSX that reads back
to the same rows, uploaded again by the members whole or not at all (hostile files refused
with a message, nothing changed), and the whole workbook as a PDF in the reader's language,
read back with pdftotext. Only those who may read the workbook get its files; only its
members import, while the steps the file covers may be edited."""

import datetime
import io
import shutil
import subprocess
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from capacity_lms.projects import readout, writing
from capacity_lms.projects.forms import logframe_rows
from capacity_lms.projects.logframe_xlsx import (
    ProjectFileRefused,
    read_project_xlsx,
    write_project_xlsx,
)
from capacity_lms.projects.models import Project
from capacity_lms.workbook import exports
from capacity_lms.workbook.actions import SaveStep
from capacity_lms.workbook.models import Deliverable, DeliverableVersion, Workbook
from capacity_lms.workbook.steps import find_step

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

D = Decimal
ARABIC_OBJECTIVE = "تعزيز مشاركة الأسر"
LOGFRAME = {
    "objectives": [{"text": "Homework help twice a week"}, {"text": ARABIC_OBJECTIVE}],
    "results": [
        {"objective": 1, "text": "40 pupils helped"},
        {"objective": 2, "text": "أولياء الأمور يحضرون لقاءات شهرية"},
        {"objective": 1, "text": "=1+1 tutors trained"},
    ],
    "activities": [
        {
            "result": 1,
            "text": "Recruit tutors",
            "starts_on": datetime.date(2027, 1, 10),
            "ends_on": datetime.date(2027, 2, 10),
        },
        {"result": 2, "text": "تنظيم لقاءات مع الأسر", "starts_on": None, "ends_on": None},
        {
            "result": 3,
            "text": "Train the tutors",
            "starts_on": datetime.date(2027, 2, 1),
            "ends_on": None,
        },
    ],
    "indicators": [
        {
            "result": 1,
            "text": "Pupils helped",
            "unit": "pupils",
            "baseline": D("0"),
            "target": D("40"),
            "source": "Register",
        },
        {
            "result": None,
            "text": "Satisfaction of the families",
            "unit": "%",
            "baseline": None,
            "target": D("80.50"),
            "source": "",
        },
    ],
    "assumptions": [{"text": "The school lends a room"}],
}
BUDGET = {
    "funding": {"requested_amount": D("3000"), "own_contribution": D("1050.50")},
    "lines": [
        {
            "category": "staff",
            "description": "Tutors",
            "unit": "month",
            "quantity": D("6"),
            "unit_cost": D("500"),
            "currency": "MAD",
        },
        {
            "category": "equipment",
            "description": "كتب ومستلزمات",
            "unit": "",
            "quantity": D("1"),
            "unit_cost": D("1050.50"),
            "currency": "MAD",
        },
    ],
    "funders": [{"name": "Conseil régional", "amount": D("1000")}],
}


def step(module, kind):
    return find_step(module["planning"].pk, module["steps"][kind])


def save(module, people, kind, parts, submit=False):
    return SaveStep(
        step(module, kind),
        user=people["fatima"],
        association=people["association"],
        parts=parts,
        submit=submit,
    ).execute()


@pytest.fixture
def workbook(module, people):
    """Fatima's association's workbook: a logical framework (English, Arabic, a text that
    reads like a formula) and a budget, both drafts."""
    save(
        module,
        people,
        "logframe",
        {"sections": {"overall_objective": "Fewer pupils leave school"}, "logframe": LOGFRAME},
    )
    save(module, people, "budget", {"budget": BUDGET})
    return Workbook.objects.select_related("project").get()


def url(name, workbook, language="en"):
    with translation.override(language):
        return reverse(f"capacity_lms:{name}", args=[workbook.pk])


def upload(content, name="workbook.xlsx"):
    return SimpleUploadedFile(name, content)


def state(project):
    """What the project holds that the file covers, and the versions kept."""
    return (
        logframe_rows(project),
        readout.budget_lines(project),
        readout.funding(project),
        DeliverableVersion.objects.count(),
    )


def edited(content, edit):
    book = load_workbook(io.BytesIO(content))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download(client, workbook):
    response = client.get(url("workbook_xlsx", workbook))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    return response.content


def post_file(client, workbook, content, name="workbook.xlsx"):
    return client.post(url("workbook_import", workbook), {"file": upload(content, name)})


# The file ------------------------------------------------------------------------------------


def test_written_then_read_back_gives_the_same_logframe_and_budget(workbook, people):
    project = workbook.project
    read = read_project_xlsx(upload(write_project_xlsx(project, "MAD", {})))
    copy = Project.objects.create(association=people["association"], title="Copy")
    writing.replace_logframe(copy, **read.logframe)
    funding = read.funding
    writing.replace_budget(
        copy, read.lines, funding.requested, funding.own_contribution, list(funding.others)
    )
    assert logframe_rows(copy) == logframe_rows(project)
    assert readout.budget_lines(copy) == readout.budget_lines(project)
    assert readout.funding(copy) == readout.funding(project)
    # The text that reads like a formula went out neutralised and came back as typed.
    assert "=1+1 tutors trained" in [result["text"] for result in logframe_rows(copy)["results"]]


def test_the_sheets_have_a_key_that_does_not_change_with_the_language(workbook):
    with translation.override("fr"):
        content = write_project_xlsx(workbook.project, "MAD", {})
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Logframe", "Budget", "Funding"]
    rows = list(book["Logframe"].values)
    assert rows[0][:4] == ("Clé", "Numéro", "Numéro de l’objectif ou du résultat", "Texte")
    assert [row[0] for row in rows[1:]] == ["objective"] * 2 + ["result"] * 3 + [
        "activity"
    ] * 3 + ["indicator"] * 2 + ["assumption"]
    assert "'=1+1 tutors trained" in [row[3] for row in rows]


# Importing -----------------------------------------------------------------------------------


def test_a_member_imports_the_file_and_each_step_it_changed_keeps_a_version(
    client, workbook, people
):
    client.force_login(people["fatima"])
    content = download(client, workbook)
    page = client.get(url("workbook_import", workbook))
    assert page.status_code == 200 and b'type="file"' in page.content
    # The same file changes nothing: no step keeps a new version.
    before = state(workbook.project)
    assert post_file(client, workbook, content).status_code == 302
    assert state(workbook.project) == before

    def changed(book):
        book["Logframe"]["D2"] = "Homework help three times a week"
        book["Logframe"].append(["assumption", None, None, "Families come to the meetings"])

    client.force_login(people["omar"])  # another member, enrolled in the French version
    response = post_file(client, workbook, edited(content, changed))
    assert response.status_code == 302
    rows = logframe_rows(workbook.project)
    assert rows["objectives"][0]["text"] == "Homework help three times a week"
    assert [row["text"] for row in rows["assumptions"]] == [
        "The school lends a room",
        "Families come to the meetings",
    ]
    logframe = Deliverable.objects.get(kind="logframe")
    latest = logframe.versions.order_by("-number").first()
    assert (latest.number, latest.author, latest.submitted) == (2, people["omar"], False)
    assert latest.content["project"]["logframe"]["assumptions"][-1] == (
        "Families come to the meetings"
    )
    assert Deliverable.objects.get(kind="budget").versions.count() == 1


def hostile_not_xlsx(content):
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def hostile_zip_bomb(content):
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            copy.writestr(info, source.read(info.filename))
        bomb = zipfile.ZipInfo("xl/media/zeros.bin")
        bomb.compress_type = zipfile.ZIP_DEFLATED
        with copy.open(bomb, "w") as entry:
            for _ in range(20):
                entry.write(bytes(1024 * 1024))
    assert len(buffer.getvalue()) < 200 * 1024
    return buffer.getvalue()


def hostile_rows_far_below(content):
    return edited(content, lambda book: book["Logframe"].__setitem__("A1000000", "objective"))


def hostile_too_many_objectives(content):
    def more(book):
        for number in range(201):
            book["Logframe"].append(["objective", None, None, f"Objective {number}"])

    return edited(content, more)


def hostile_formula(content):
    return edited(content, lambda book: book["Logframe"].__setitem__("D2", "=1+1"))


def hostile_result_naming_no_objective(content):
    return edited(content, lambda book: book["Logframe"].__setitem__("C4", 9))


def hostile_activity_ending_before_it_starts(content):
    return edited(
        content, lambda book: book["Logframe"].__setitem__("F7", datetime.date(2026, 1, 1))
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (hostile_not_xlsx, "named .xlsx but its content is a PDF document"),
        (hostile_zip_bomb, "once unpacked"),
        (hostile_rows_far_below, "The Logframe sheet goes on below row"),
        (hostile_too_many_objectives, "at most 200 rows of “objective”"),
        (hostile_formula, "Formulas are not run"),
        (hostile_result_naming_no_objective, "Logframe, row 4: the result names objective 9"),
        (hostile_activity_ending_before_it_starts, "Logframe, row 7: the activity ends before"),
    ],
)
def test_a_hostile_file_is_refused_with_a_message_and_changes_nothing(
    client, workbook, people, make, message
):
    client.force_login(people["fatima"])
    content = make(download(client, workbook))
    before = state(workbook.project)
    response = post_file(client, workbook, content)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page, page[:3000]
    assert "nothing was changed" in page
    assert state(workbook.project) == before


def test_the_reader_names_the_cells_holding_formulas(workbook):
    content = edited(
        write_project_xlsx(workbook.project, "MAD", {}),
        lambda book: book["Budget"].__setitem__("D2", "=2*3"),
    )
    with pytest.raises(ProjectFileRefused) as refused:
        read_project_xlsx(upload(content))
    assert "Budget!D2" in str(refused.value)


def test_the_import_is_refused_to_a_trainer(client, workbook, people):
    client.force_login(people["trainer"])
    content = download(client, workbook)
    before = state(workbook.project)
    assert client.get(url("workbook_import", workbook)).status_code == 404
    assert post_file(client, workbook, content).status_code == 404
    assert state(workbook.project) == before


def test_the_import_is_refused_once_a_step_it_covers_is_submitted(
    client, module, workbook, people
):
    save(module, people, "budget", {"budget": BUDGET}, submit=True)
    client.force_login(people["fatima"])
    content = download(client, workbook)
    page = client.get(url("workbook_import", workbook)).content.decode()
    assert "with the trainers or accepted" in page and 'type="file"' not in page
    before = state(workbook.project)
    response = post_file(client, workbook, content)
    assert response.status_code == 400
    assert state(workbook.project) == before


# The PDF -------------------------------------------------------------------------------------


def pdftotext(data, tmp_path):
    path = tmp_path / "workbook.pdf"
    path.write_bytes(data)
    text = subprocess.run(  # noqa: S603 - fixed executable, our own file
        [shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


@pytest.fixture
def rendered_html(monkeypatch):
    """The HTML each PDF was rendered from."""
    pages = []
    real = exports.html_to_pdf

    def kept(html, *args, **kwargs):
        pages.append(html)
        return real(html, *args, **kwargs)

    monkeypatch.setattr(exports, "html_to_pdf", kept)
    return pages


def get_pdf(client, workbook, language):
    response = client.get(url("workbook_pdf", workbook, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    return response.content


def test_the_pdf_in_arabic_reads_right_to_left_with_the_work_in_its_language(
    client, workbook, people, tmp_path, rendered_html
):
    workbook.project.language = "en"
    workbook.project.save()
    client.force_login(people["fatima"])
    text = pdftotext(get_pdf(client, workbook, "ar"), tmp_path)
    for label in ("الأهداف والنتائج", "المؤشرات", "أسطر الميزانية", "الفرضيات"):
        assert label in text
    for written in (ARABIC_OBJECTIVE, "Homework help twice a week", "The school lends a room"):
        assert written in text
    html = rendered_html[-1]
    assert '<html lang="ar" dir="rtl">' in html
    assert '<p lang="en" dir="auto">Fewer pupils leave school</p>' in html


def test_the_pdf_in_french_has_the_french_labels(client, workbook, people, tmp_path):
    client.force_login(people["trainer"])
    text = pdftotext(get_pdf(client, workbook, "fr"), tmp_path)
    for label in ("Objectifs et résultats", "Indicateurs", "dernière version de chaque étape"):
        assert label in text
    assert "Homework help twice a week" in text


def test_staff_read_the_pdf_and_renders_are_rate_limited(client, workbook, staff, settings):
    settings.CAPACITY_LMS_RATE_LIMITS = {"workbook_pdf": "1/600"}
    client.force_login(staff)
    get_pdf(client, workbook, "en")
    assert client.get(url("workbook_pdf", workbook)).status_code == 429


# Who gets in ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["workbook_xlsx", "workbook_import", "workbook_pdf"])
def test_someone_who_may_not_read_the_workbook_gets_404(client, workbook, people, name):
    for outsider in ("stranger", "other_trainer"):
        client.force_login(people[outsider])
        assert client.get(url(name, workbook)).status_code == 404, outsider
    client.logout()
    assert "login" in client.get(url(name, workbook))["Location"]
