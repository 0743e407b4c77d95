"""Load test: two gunicorn app servers sharing one PostgreSQL and one Redis.

Run on demand, never by pytest: ``make load-test``, i.e. ``python tests/benchmarks/load_test.py``
(``--help`` for the durations and sizes). It takes about six minutes on a busy two-core machine
(two of them seeding) and needs, besides the ``production`` extra: PostgreSQL's server binaries
(``/usr/lib/postgresql/15/bin``, or ``PG_BIN``), ``redis-server`` and ``wrk`` (Debian packages
``redis-server`` and ``wrk``).

Everything it starts is private and thrown away at the end, also on Ctrl-C: a PostgreSQL
cluster and a redis-server on free loopback ports, in a temporary folder; two gunicorn servers
(``tests.benchmarks.load_settings``: the sandbox's production settings plus a bare view) on two
more ports, each with its own workers, behind no proxy (the requests say X-Forwarded-Proto:
https, as the proxy would).

It seeds a small world (a catalogue of courses with a lesson, workshops in a country feed, a
workshop with few seats, a meeting happening now, members signed in through database sessions),
then:

1. ``wrk`` requests the bare view, the sandbox's plain Wagtail home page (the peer: what any
   Wagtail page costs on this stack), the catalogue, a course, a lesson, a case study, the
   workshop list and a workshop page (signed in and out) and a country calendar feed fetched
   again without conditional headers, half its connections on each server, and reports
   requests per second and latency percentiles (p50, p95, p99) as ratios to the bare view's
   and, for the median, to the plain Wagtail page's (signed in or out like the page): the
   machine is shared, so only the ratios mean something.
2. Every member registers for the workshop with few seats twice at the same moment, once on
   each server (a double click that reaches both); then every member of the meeting happening
   now checks in twice the same way. Asserted: confirmed registrations never exceed the
   capacity, the others wait, nobody is registered twice, nobody has two attendance records
   for the meeting, and no request failed.
3. ``manage.py db_worker --batch`` sends the e-mails the registrations queued in the database;
   asserted: none is left unsent.
4. The targets (``TARGETS``, docs/benchmarks.md) are checked on the ratios; a missed target
   fails the run like a broken invariant (``--report-only`` prints them without failing).
"""

import argparse
import concurrent.futures
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SETTINGS = "tests.benchmarks.load_settings"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
HOST = "127.0.0.1"

WRK_SCRIPT = """
-- Half the threads on each app server; the summary as one JSON line.
local ports = {%(ports)s}
local count = 0
function setup(thread)
  count = count + 1
  local port = ports[(count - 1) %% #ports + 1]
  thread.addr = wrk.lookup("%(host)s", tostring(port))[1]
end
function done(summary, latency, requests)
  io.write(string.format(
    'WRK {"requests": %%d, "seconds": %%.3f, "p50": %%.3f, "p95": %%.3f, "p99": %%.3f, '
    .. '"errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
"""


# What the pages must reach, as ratios measured in the same run (issue #20):
# (page, figure, reference, bound, "max" or "min").
TARGETS = [
    ("catalogue (signed in)", "p50", "plain page (signed in)", 2.0, "max"),
    ("course (signed in)", "p50", "plain page (signed in)", 2.0, "max"),
    ("lesson (signed in)", "p50", "plain page (signed in)", 2.0, "max"),
    ("course (signed out)", "rps", "bare view", 0.5, "min"),
    ("case study (signed out)", "rps", "bare view", 0.5, "min"),
    ("workshop (signed out)", "rps", "bare view", 0.5, "min"),
    ("country feed (repeat)", "p50", "bare view", 3.0, "max"),
    ("check-ins", "rps", "burst reference", 0.15, "min"),
]


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on {HOST}:{port} after {seconds} s")


class Stack:
    """The processes and the folder this run owns; ``stop()`` ends and removes them all."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="capacity-load-"))
        self.processes = []
        self.postgres_data = None
        self.as_postgres = []

    def start(self, name, command, **options):
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        # Its own process group: Ctrl-C reaches this script only, which then stops it in order.
        process = subprocess.Popen(  # noqa: S603 - our own command lines, no shell
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **options
        )
        process.log = log
        self.processes.append(process)
        return process

    def start_postgres(self, port):
        if not (PG_BIN / "initdb").exists():
            raise SystemExit(f"No PostgreSQL server binaries in {PG_BIN} (set PG_BIN).")
        root = self.folder / "postgres"
        root.mkdir()
        (root / "socket").mkdir()
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
            self.folder.chmod(0o755)
            shutil.chown(root, "postgres", "postgres")
            shutil.chown(root / "socket", "postgres", "postgres")
        self.postgres_data = root / "data"
        self.run_as_postgres(
            PG_BIN / "initdb",
            f"--pgdata={self.postgres_data}",
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        # Disposable: loopback only, no durability.
        options = {
            "listen_addresses": f"'{HOST}'",
            "port": port,
            "unix_socket_directories": f"'{root / 'socket'}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": 100,
        }
        with open(self.postgres_data / "postgresql.conf", "a") as conf:
            conf.write("".join(f"{key} = {value}\n" for key, value in options.items()))
        self.run_as_postgres(
            PG_BIN / "pg_ctl",
            f"--pgdata={self.postgres_data}",
            f"--log={root / 'server.log'}",
            "--wait",
            "--timeout=60",
            "start",
        )
        self.run_as_postgres(
            PG_BIN / "createdb", f"--host={HOST}", f"--port={port}", "-U", "postgres", "capacity"
        )
        return f"postgres://postgres@{HOST}:{port}/capacity"

    def run_as_postgres(self, *command):
        subprocess.run(  # noqa: S603 - PostgreSQL's own binaries, fixed arguments
            [*self.as_postgres, *map(str, command)],
            check=True,
            cwd="/",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def show_logs(self, lines=30):
        """The end of each process's log, before ``stop()`` removes them."""
        for log in sorted(self.folder.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            print(f"--- {log.name}", *tail, sep="\n", file=sys.stderr)

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            process.log.close()
        if self.postgres_data and (self.postgres_data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.run_as_postgres(
                    PG_BIN / "pg_ctl", f"--pgdata={self.postgres_data}", "--mode=fast", "stop"
                )
        shutil.rmtree(self.folder, ignore_errors=True)


def seed(members, capacity):
    """The world the servers serve; returns the paths and who is signed in (session keys)."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Site

    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from capacity_lms.workshops.models import Registration
    from courses.models import Enrolment
    from sandbox.home.models import HomePage
    from sandbox.testing.factories import (
        CaseStudyPageFactory,
        CatalogueIndexPageFactory,
        CountryFactory,
        CoursePageFactory,
        LessonPageFactory,
        LibraryIndexPageFactory,
        SessionFactory,
        WorkshopFactory,
    )
    from tests.browser.journeys import meeting_happening_now

    start = time.monotonic()
    call_command("migrate", verbosity=0)
    print(f"Migrated in {time.monotonic() - start:.0f} s.", flush=True)
    start = time.monotonic()
    call_command("collectstatic", interactive=False, verbosity=0)
    print(
        f"Static files collected and compressed in {time.monotonic() - start:.0f} s.", flush=True
    )
    load_standard_taxonomy()
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.get_parent().add_child(instance=HomePage(title="Home", slug="load"))
    site.root_page = home
    site.save()
    catalogue = CatalogueIndexPageFactory(parent=home)
    courses = [CoursePageFactory(parent=catalogue) for _ in range(24)]
    lessons = [LessonPageFactory(parent=courses[0]) for _ in range(8)]

    france = CountryFactory(code="fr", name_en="France", default_time_zone="Europe/Paris")
    for number in range(20):
        SessionFactory(
            workshop=WorkshopFactory(country=france, slug=f"workshop-list-{number}"),
            date=datetime.date.today() + datetime.timedelta(days=number + 1),
            recurrence="FREQ=WEEKLY;COUNT=4" if number % 5 == 0 else "",
        )
    library = LibraryIndexPageFactory(parent=home)
    case_study = CaseStudyPageFactory(
        parent=library, host_country=france, strategic_axes=[courses[0].strategic_axis]
    )
    few_seats = WorkshopFactory(country=france, capacity=capacity, slug="few-seats")
    SessionFactory(workshop=few_seats)
    now = WorkshopFactory(country=france, capacity=members, slug="happening-now")
    meeting = meeting_happening_now(now)

    user_model = get_user_model()
    user_model.objects.bulk_create(
        [user_model(username=f"load-member-{n}", password="!") for n in range(members)]
    )
    people = list(user_model.objects.filter(username__startswith="load-member-"))
    Registration.objects.bulk_create(
        [Registration(workshop=now, user=person, status="confirmed") for person in people]
    )
    Enrolment.objects.create(user=people[0], course=courses[0])
    sessions = []
    for person in people:
        client = Client()
        client.force_login(person)
        sessions.append(client.cookies["sessionid"].value)
    return {
        "home": home.url,
        "catalogue": catalogue.url,
        "course": courses[0].url,
        "lesson": lessons[0].url,
        "case_study": case_study.url,
        "workshop": "/en/learning/workshops/workshop-list-0/",
        "workshop_list": "/en/learning/workshops/",
        "feed": f"/en/learning/calendar/countries/{france.code}.ics",
        "register": f"/en/learning/workshops/{few_seats.slug}/register/",
        "meeting": meeting,
        "workshops": {"few_seats": few_seats, "now": now},
        "sessions": sessions,
    }


def headers(port, session=None, csrf=None):
    values = {"Host": f"{HOST}:{port}", "X-Forwarded-Proto": "https"}
    cookies = {"sessionid": session, "csrftoken": csrf}
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items() if value)
    if cookie:
        values["Cookie"] = cookie
    return values


def request(port, method, path, session=None, form=None):
    """``(status, seconds)`` of one request on its own connection."""
    connection = HTTPConnection(HOST, port, timeout=120)
    values = headers(port, session)
    body = None
    if form is not None:
        # A CSRF secret of our own in the cookie and the form, and the Origin a browser sends.
        csrf = secrets.token_hex(16)
        values = headers(port, session, csrf)
        values.update(
            {
                "Origin": f"https://{HOST}:{port}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
        )
        body = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": csrf})
    start = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=values)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        connection.close()


def percentiles(seconds):
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return {"p50": cuts[49] * 1e3, "p95": cuts[94] * 1e3, "p99": cuts[98] * 1e3}


def burst(calls, threads):
    """Run every ``(port, method, path, session, form)`` at once; statuses and timings."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        start = time.perf_counter()
        results = list(pool.map(lambda call: request(*call), calls))
        elapsed = time.perf_counter() - start
    statuses = {}
    for status, _seconds in results:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "requests": len(results),
        "rps": len(results) / elapsed,
        **percentiles([seconds for _status, seconds in results]),
        "statuses": statuses,
    }


def run_wrk(folder, ports, path, session, duration, connections):
    script = folder / "alternate.lua"
    script.write_text(WRK_SCRIPT % {"ports": ", ".join(map(str, ports)), "host": HOST})
    command = ["wrk", f"--threads={len(ports)}", f"--connections={connections}"]
    command += [f"--duration={duration}s", "--timeout=30s", f"--script={script}"]
    for name, value in headers(ports[0], session).items():
        if name != "Host":
            command += ["--header", f"{name}: {value}"]
    result = subprocess.run(  # noqa: S603 - wrk, fixed arguments
        [*command, f"http://{HOST}:{ports[0]}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK "))
    figures = json.loads(line[4:])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def check_pages(ports, paths, session):
    for port in ports:
        for path in paths:
            status, _seconds = request(port, "GET", path, session)
            if status != 200:
                raise AssertionError(f"GET {path} on port {port} answered {status}, not 200")


def peer_of(name, rows):
    """The plain Wagtail page measured like ``name`` (signed in or out), if any."""
    for peer in ("plain page (signed in)", "plain page (signed out)"):
        if peer in rows and peer.split(" (")[1] in name:
            return rows[peer]
    return None


def ratio_table(reference, rows):
    lines = [
        f"{'':26} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}   ratios to the bare "
        "view (req/s, p50, p95, p99)   p50 to the plain page"
    ]
    for name, figures in {"bare view (reference)": reference, **rows}.items():
        ratios = [figures["rps"] / reference["rps"]] + [
            figures[cut] / reference[cut] for cut in ("p50", "p95", "p99")
        ]
        peer = peer_of(name, rows)
        to_peer = f"{figures['p50'] / peer['p50']:.2f}" if peer else "-"
        lines.append(
            f"{name:26} {figures['rps']:8.1f} {figures['p50']:8.1f} {figures['p95']:8.1f} "
            f"{figures['p99']:8.1f}   "
            + "  ".join(f"{value:.2f}" for value in ratios)
            + f"   {to_peer:>5}"
        )
    return "\n".join(lines)


def check_targets(figures):
    """Each target with its measured ratio; the list of those missed."""
    missed = []
    print("\nTargets (ratios in this run):")
    for page, figure, reference, bound, kind in TARGETS:
        if page not in figures or reference not in figures:
            print(f"  not measured: {page}")
            missed.append(f"target not measured: {page}")
            continue
        ratio = figures[page][figure] / figures[reference][figure]
        held = ratio <= bound if kind == "max" else ratio >= bound
        sign = "<=" if kind == "max" else ">="
        line = f"{page} {figure} / {reference} {figure} = {ratio:.2f} ({sign} {bound})"
        print(f"  {'held  ' if held else 'MISSED'} {line}")
        if not held:
            missed.append(f"target missed: {line}")
    return missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=120, help="members signed in")
    parser.add_argument("--capacity", type=int, default=5, help="seats of the busy workshop")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated page names to measure with wrk (default: all; 'none' for none)",
    )
    parser.add_argument(
        "--report-only", action="store_true", help="print the targets without failing on them"
    )
    arguments = parser.parse_args()
    for tool in ("redis-server", "wrk"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install redis-server wrk")

    stack = Stack()
    try:
        started = time.monotonic()
        postgres_url = stack.start_postgres(free_port())
        redis_port = free_port()
        redis = stack.start(
            "redis",
            [
                *("redis-server", "--bind", HOST, "--port", str(redis_port)),
                *("--save", "", "--appendonly", "no", "--dir", str(stack.folder)),
            ],
        )
        wait_for_port(redis_port, redis)
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "PYTHONPATH": str(REPOSITORY),
            "DATABASE_URL": postgres_url,
            "REDIS_URL": f"redis://{HOST}:{redis_port}/0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
            "STATIC_ROOT": str(stack.folder / "static"),
            "MEDIA_ROOT": str(stack.folder / "media"),
        }
        os.environ.update(environment)
        sys.path.insert(0, str(REPOSITORY))
        import django

        django.setup()
        world = seed(arguments.members, arguments.capacity)
        print(f"Seeded in {time.monotonic() - started:.0f} s.", flush=True)

        ports = [free_port(), free_port()]
        for number, port in enumerate(ports):
            server = stack.start(
                f"gunicorn-{number}",
                [
                    *(sys.executable, "-m", "gunicorn", "sandbox.wsgi:application"),
                    *(f"--bind={HOST}:{port}", f"--workers={arguments.workers}"),
                ],
                env=environment,
                cwd=REPOSITORY,
            )
            wait_for_port(port, server)

        member = world["sessions"][0]
        pages = {
            "bare view": ("/bare/", None),
            "plain page (signed out)": (world["home"], None),
            "plain page (signed in)": (world["home"], member),
            "catalogue (signed out)": (world["catalogue"], None),
            "catalogue (signed in)": (world["catalogue"], member),
            "course (signed out)": (world["course"], None),
            "course (signed in)": (world["course"], member),
            "lesson (signed in)": (world["lesson"], member),
            "case study (signed out)": (world["case_study"], None),
            "case study (signed in)": (world["case_study"], member),
            "workshop list (signed out)": (world["workshop_list"], None),
            "workshop (signed out)": (world["workshop"], None),
            "workshop (signed in)": (world["workshop"], member),
            # wrk sends no conditional header: every fetch after the first is a repeat.
            "country feed (repeat)": (world["feed"], None),
        }
        if arguments.pages:
            chosen = {"bare view", *arguments.pages.split(",")}
            pages = {name: value for name, value in pages.items() if name in chosen}
        for path, session in pages.values():
            check_pages(ports, [path], session)
        measured = {}
        for name, (path, session) in pages.items():
            run_wrk(stack.folder, ports, path, session, 2, arguments.connections)  # warm-up
            measured[name] = run_wrk(
                stack.folder, ports, path, session, arguments.duration, arguments.connections
            )
            print(f"  {name}: {measured[name]['rps']:.1f} req/s", flush=True)
        assert all(figures["errors"] == 0 for figures in measured.values()), measured
        bare = measured.pop("bare view")
        print("\nPages (wrk, both servers):")
        print(ratio_table(bare, measured))

        threads = 32
        members = world["sessions"]
        bare_calls = [
            (port, "GET", "/bare/", session, None) for session in members for port in ports
        ]
        # A burst of the bare view lasts a fraction of a second, so one is at the mercy of
        # whatever else the machine does then: three (before, between and after the others),
        # and the median of each figure.
        references = [burst(bare_calls, threads)]
        registrations = burst(
            [
                (port, "POST", world["register"], session, {})
                for session in members
                for port in ports
            ],
            threads,
        )
        references.append(burst(bare_calls, threads))
        check_in = f"/en/learning/check-in/{make_check_in_token(world['meeting'])}/"
        check_ins = burst(
            [(port, "POST", check_in, session, {}) for session in members for port in ports],
            threads,
        )
        references.append(burst(bare_calls, threads))
        reference = {
            figure: statistics.median(each[figure] for each in references)
            for figure in ("rps", "p50", "p95", "p99")
        }
        print(f"\nBursts ({threads} at once, each member twice, once on each server):")
        print(ratio_table(reference, {"registrations": registrations, "check-ins": check_ins}))
        print(
            f"  statuses: registrations {registrations['statuses']}, "
            f"check-ins {check_ins['statuses']}"
        )

        failures = check_invariants(world, arguments, registrations, check_ins)
        failures += drain_tasks(stack, environment)
        missed = check_targets(
            {
                **measured,
                "bare view": bare,
                "burst reference": reference,
                "check-ins": check_ins,
            }
        )
        if not arguments.report_only:
            failures += missed
        print(f"\nWhole run: {time.monotonic() - started:.0f} s.")
        if failures:
            print("\nFAILED:\n  " + "\n  ".join(failures))
            return 1
        print("\nAll assertions held.")
        return 0
    except Exception:
        stack.show_logs()
        raise
    finally:
        stack.stop()


def make_check_in_token(meeting):
    from capacity_lms.attendance.checkin import make_token

    return make_token(meeting, meeting.date)


def check_invariants(world, arguments, registrations, check_ins):
    from django.db.models import Count

    from capacity_lms.attendance.models import AttendanceRecord
    from capacity_lms.workshops.models import Registration

    failures = []
    few_seats = Registration.objects.filter(workshop=world["workshops"]["few_seats"])
    by_status = dict(few_seats.values_list("status").annotate(count=Count("pk")))
    confirmed, waiting = by_status.get("confirmed", 0), by_status.get("waiting", 0)
    per_person = few_seats.values("user").annotate(count=Count("pk"))
    twice = per_person.filter(count__gt=1).count()
    print(
        f"\nRegistrations: {confirmed} confirmed of {arguments.capacity} seats, {waiting} "
        f"waiting, {twice} people registered twice, {per_person.count()} people in all."
    )
    if confirmed > arguments.capacity:
        failures.append(f"{confirmed} confirmed registrations for {arguments.capacity} seats")
    if confirmed + waiting != arguments.members:
        failures.append(f"{confirmed} confirmed + {waiting} waiting != {arguments.members}")
    if twice:
        failures.append(f"{twice} people registered twice")

    meeting = world["meeting"]
    records = AttendanceRecord.objects.filter(session=meeting, occurrence_date=meeting.date)
    doubled = records.values("user").annotate(count=Count("pk")).filter(count__gt=1).count()
    print(
        f"Check-ins: {records.count()} attendance records for {arguments.members} members, "
        f"{doubled} people recorded twice."
    )
    if doubled:
        failures.append(f"{doubled} people have two attendance records for one meeting")
    if records.count() != arguments.members:
        failures.append(f"{records.count()} attendance records for {arguments.members} members")
    for name, figures in (("registration", registrations), ("check-in", check_ins)):
        errors = {status: n for status, n in figures["statuses"].items() if status >= 400}
        if errors:
            failures.append(f"{name} requests failed: {errors}")
    return failures


def drain_tasks(stack, environment):
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.count()
    subprocess.run(
        [sys.executable, "sandbox/manage.py", "db_worker", "--batch", "--no-startup-delay"],
        env=environment,
        cwd=REPOSITORY,
        stdout=open(stack.folder / "db_worker.log", "wb"),  # noqa: SIM115 - short-lived
        stderr=subprocess.STDOUT,
        check=True,
        timeout=300,
    )
    done = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
    print(f"Tasks: {queued} queued (by the seeding and the requests), {done} run by db_worker.")
    if queued == 0 or done != queued:
        return [f"{done} of {queued} background tasks ran"]
    return []


if __name__ == "__main__":
    sys.exit(main())
