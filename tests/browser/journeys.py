"""What several browser tests do the same way: start from a fresh world, sign in."""

import re

from playwright.sync_api import expect

from tests.browser.database import Snapshots, restore


def fresh_world(pytestconfig, build):
    """The migrated database (whatever the previous test left), then ``build()``'s world."""
    from django.db import connection

    restore(connection, pytestconfig.pluginmanager.get_plugin(Snapshots.name).migrated)
    return build()


def sign_in(page, language, username, next_path):
    """Through the sandbox's sign-in page in ``language``, straight on to ``next_path``."""
    from capacity_lms.test.factories import DEMO_PASSWORD

    page.goto(f"/{language}/accounts/login/?next={next_path}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.cl-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))
