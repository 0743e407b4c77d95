"""``manage.py personal_data``: exit codes, messages, what it prints per model."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from capacity_lms.privacy.actions import is_erased
from capacity_lms.privacy.models import PersonalDataRequest


def run(*args, **kwargs):
    import io

    out, err = io.StringIO(), io.StringIO()
    call_command("personal_data", *args, stdout=out, stderr=err, **kwargs)
    return out.getvalue()


def test_export_as_json_by_username_email_or_id(world):
    for identifier in ("fatima", "FZ@example.org", str(world.fatima.pk)):
        data = json.loads(run("export", identifier))
        assert data["account"]["username"] == "fatima"
    assert PersonalDataRequest.objects.filter(kind="export", channel="command").count() == 3


def test_export_as_html_to_a_file(world, tmp_path):
    target = tmp_path / "fatima.html"
    run("export", "fatima", "--format", "html", "--output", str(target))
    html = target.read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in html and "Fatima came late" in html


def test_an_unknown_person_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No account"):
        run("export", "nobody@example.org")
    with pytest.raises(CommandError, match="No account"):
        run("erase", "nobody", "--yes")


def test_erase_asks_and_a_wrong_answer_changes_nothing(world, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "karim")
    with pytest.raises(CommandError, match="nothing was erased"):
        run("erase", "fatima")
    world.fatima.refresh_from_db()
    assert world.fatima.username == "fatima"


def test_erase_prints_what_it_did_per_model(world, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "fatima")
    out = run("erase", "fatima", "--reason", "request of 3 May")
    assert "capacity_lms.calendarfeedtoken: delete (1)" in out
    assert "capacity_courses.quizattempt: pseudonymise (1)" in out
    world.fatima.refresh_from_db()
    assert is_erased(world.fatima)
    again = run("erase", str(world.fatima.pk), "--yes")
    assert "already erased" in again


def test_errors_exit_with_status_1(db):
    with pytest.raises(CommandError) as error:
        run("export", "nobody-at-all")
    assert error.value.returncode == 1
