"""The sandbox's production settings, with the load test's URLs (``load_urls``): what the load
test's gunicorn servers, its seeding and its task worker run."""

from sandbox.settings_production import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.load_urls"
