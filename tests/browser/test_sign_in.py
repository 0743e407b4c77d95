"""The demo accounts sign in through the sandbox, and only the roles reach the Wagtail admin."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from sandbox.home.demo import DEMO_ACCOUNTS
from tests.browser.accessibility import assert_accessible

ADMIN_USERS = ["admin", "staff", "trainer", "editor", "coordinator"]
# The eligibility committee and the auditor of the calls for projects: they sign in to the
# site (their pages are the committee's, not the Wagtail admin's).
COMMITTEE_USERS = ["reviewer1", "reviewer2", "reviewer3", "auditor"]


def test_demo_accounts_are_the_ones_tested():
    assert sorted(DEMO_ACCOUNTS) == sorted([*ADMIN_USERS, "learner", *COMMITTEE_USERS])


@pytest.mark.parametrize("username", [*ADMIN_USERS, "learner", *COMMITTEE_USERS])
def test_demo_account_signs_in_on_the_sandbox(page, login_as, username):
    login_as(page, username)

    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.get_by_text(f"You are signed in as {username}.", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("username", ADMIN_USERS)
def test_programme_roles_open_the_wagtail_dashboard(page, login_as, username):
    login_as(page, username)

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page).to_have_title(re.compile(r"^Dashboard"))
    expect(page.get_by_role("heading", level=1)).to_have_text(settings.WAGTAIL_SITE_NAME)
    first_name, last_name, _group, _superuser = DEMO_ACCOUNTS[username]
    expect(page.get_by_role("heading", name=f"{first_name} {last_name}")).to_be_visible()


def test_learner_is_refused_the_wagtail_admin(page, login_as):
    login_as(page, "learner")

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.get_by_text("You do not have permission to access the admin.")).to_be_visible()
    expect(page).not_to_have_title(re.compile(r"^Dashboard"))


def test_wrong_password_shows_an_error_and_does_not_sign_in(page, demo_site):
    page.goto("/en/accounts/login/")
    page.get_by_label("Username", exact=True).fill("trainer")
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in", exact=True).click()

    expect(page).to_have_url(re.compile(r"/en/accounts/login/"))
    error = page.get_by_role("alert")
    expect(error).to_contain_text("correct username and password")
    expect(page.get_by_label("Username", exact=True)).to_have_attribute(
        "aria-describedby", "login-errors"
    )
    assert_accessible(page)

    page.goto("/en/")
    expect(page.get_by_text("You are signed in as")).to_have_count(0)
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_login_page_is_accessible(page, demo_site):
    page.goto("/en/accounts/login/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)
