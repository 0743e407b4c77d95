"""Counters and version numbers on Redis, the shared cache of production settings: right, and
in one round trip each, because a check-in at the door counts a rate limit and reads kept
values on every request.

A private ``redis-server`` runs on loopback for this module and is stopped after it, also when
a test fails.
"""

import shutil
import socket
import subprocess
import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from redis.connection import Connection

from capacity_lms.attendance.checkin import make_token
from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.core import page_cache, ratelimit
from capacity_lms.core.versions import bump, count_up

pytestmark = [pytest.mark.redis]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    arguments = ["--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(  # noqa: S603 (a fixed program with our own arguments)
        [shutil.which("redis-server"), *arguments, "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def on_redis(redis_url):
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
            }
        }
    ):
        cache.clear()
        yield
        cache.clear()


class RoundTrips:
    """Commands sent to Redis, counted where the client writes them to the socket."""

    def __init__(self, monkeypatch):
        self.count = 0
        original = Connection.send_packed_command

        def counted(connection, *args, **kwargs):
            self.count += 1
            return original(connection, *args, **kwargs)

        monkeypatch.setattr(Connection, "send_packed_command", counted)


def test_a_count_starts_lives_its_window_and_costs_one_round_trip(on_redis, monkeypatch):
    trips = RoundTrips(monkeypatch)
    assert [count_up("counted", seconds=60) for _ in range(3)] == [1, 2, 3]
    assert trips.count == 3
    assert count_up("from-ten", start=10) == 11
    client = cache._cache.get_client(None)
    ttl = client.ttl(cache.make_and_validate_key("counted"))
    assert 0 < ttl <= 60
    # Counting again does not stretch the window.
    assert client.ttl(cache.make_and_validate_key("from-ten")) == -1
    # The number is Django's own: the cache API reads what the counter wrote.
    assert cache.get("counted") == 3


def test_a_window_that_expired_starts_again(on_redis):
    assert count_up("short", seconds=1) == 1
    time.sleep(1.2)
    assert count_up("short", seconds=1) == 1


def test_a_version_bump_moves_on_and_a_lost_one_starts_from_the_clock(on_redis):
    before = time.time_ns()
    bump("a-version")
    started = cache.get("a-version")
    assert started > before
    bump("a-version")
    assert cache.get("a-version") == started + 1
    generation = page_cache.generation()
    page_cache.purge()
    assert page_cache.generation() == generation + 1


@override_settings(CAPACITY_LMS_RATE_LIMITS={"check_in": "3/60"})
def test_the_rate_limit_holds_on_redis(on_redis):
    request = SimpleNamespace(user=SimpleNamespace(is_authenticated=True, pk=7), META={})
    waits = [ratelimit.hit(request, "check_in") for _ in range(4)]
    assert waits[:3] == [0, 0, 0]
    assert 0 < waits[3] <= 61


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_a_check_in_at_the_door_takes_three_round_trips_to_redis(
    on_redis, monkeypatch, client, session, registered, django_capture_on_commit_callbacks
):
    """The rate limit, the kept session, the kept certificate rules: one round trip each once
    the first person at the door has filled the cache (sessions are in the database here)."""
    url = reverse("capacity_lms:check_in_token", args=[make_token(session, session.date)])
    client.force_login(registered[1])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    client.force_login(registered[0])
    trips = RoundTrips(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.context["outcome"] == "marked"
    assert AttendanceRecord.objects.filter(user=registered[0]).count() == 1
    assert trips.count == 3
