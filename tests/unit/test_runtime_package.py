"""The wheel ships what hosts need only (issue 19, point 7).

``capacity_lms`` and ``courses`` are what ``pip install capacity-lms`` puts in a host's
site-packages. Nothing in them may need a test-only dependency (factory-boy, pytest, the
browser and calendar readers of the ``test`` extra), and test factories, test worlds and
benchmark seeders live in the sandbox (``sandbox.testing``, ``sandbox/home/management``), not
in the runtime package.

Two independent checks: every module of both packages is imported in a fresh interpreter whose
import system refuses the test-only modules (what a host without the extras sees), and the
source of every module is read with ``ast`` for imports of them anywhere, including imports
inside functions that importing the module does not run.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_PACKAGES = ("capacity_lms", "courses")
# Top-level modules of test-only distributions (the ``test`` extra of setup.cfg, and what
# factory-boy brings): a host installs none of them.
TEST_ONLY = (
    "factory",
    "factory_boy",
    "faker",
    "wagtail_factories",
    "pytest",
    "_pytest",
    "pytest_django",
    "pytest_playwright",
    "playwright",
    "axe_playwright_python",
    "vobject",
    "recurring_ical_events",
    "zxingcpp",
    "importlinter",
    "grimp",
)
# Not in the wheel at all: the demo host site (with the factories) and the test suite.
REPOSITORY_ONLY = ("sandbox", "tests")

# Runs in a fresh interpreter: blocks the test-only modules, sets Django up with the sandbox's
# settings (the demo host) and imports every module of the runtime packages, migrations too.
IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys, traceback

BLOCKED = set(json.loads(sys.argv[1]))
PACKAGES = json.loads(sys.argv[2])


class Block:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ImportError(f"{name} is test-only: a host does not have it", name=name)
        return None


sys.meta_path.insert(0, Block())
for name in list(sys.modules):
    if name.partition(".")[0] in BLOCKED:
        del sys.modules[name]

import django

django.setup()

failures = {}
imported = []


def record(name):
    failures[name] = traceback.format_exc(limit=-3)


for package_name in PACKAGES:
    try:
        package = importlib.import_module(package_name)
    except Exception:
        record(package_name)
        continue
    imported.append(package_name)
    for module in pkgutil.walk_packages(package.__path__, package_name + ".", onerror=record):
        try:
            importlib.import_module(module.name)
        except Exception:
            record(module.name)
        else:
            imported.append(module.name)

leaked = sorted(name for name in sys.modules if name.partition(".")[0] in BLOCKED)
print(json.dumps({"imported": imported, "failures": failures, "leaked": leaked}))
"""


def test_every_runtime_module_imports_without_test_only_dependencies():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE")
    }
    env["PYTHONPATH"] = str(ROOT)
    env["DJANGO_SETTINGS_MODULE"] = "sandbox.settings"
    result = subprocess.run(  # noqa: S603 - our own interpreter running our own script
        [
            sys.executable,
            "-c",
            IMPORT_EVERYTHING,
            json.dumps(TEST_ONLY),
            json.dumps(RUNTIME_PACKAGES),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == {}, "\n".join(
        f"--- {name}\n{trace}" for name, trace in report["failures"].items()
    )
    assert report["leaked"] == []
    # The walk really went through the packages (a broken walk would pass vacuously).
    imported = set(report["imported"])
    assert {"capacity_lms.models", "capacity_lms.workshops.models", "courses.models"} <= imported
    assert len(imported) > 100


def imported_names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def runtime_sources():
    for package in RUNTIME_PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def test_no_runtime_source_imports_a_test_only_module_even_lazily():
    offenders = []
    sources = list(runtime_sources())
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported_names(tree):
            if name.partition(".")[0] in (*TEST_ONLY, *REPOSITORY_ONLY):
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert len(sources) > 100
    assert offenders == []


def test_runtime_packages_hold_no_test_helpers_or_benchmark_seeders():
    test_folders = [
        str(path.relative_to(ROOT))
        for package in RUNTIME_PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_dir() and path.name in ("test", "tests", "testing")
    ]
    assert test_folders == []
    commands = sorted(
        path.stem
        for package in RUNTIME_PACKAGES
        for path in (ROOT / package).glob("**/management/commands/*.py")
    )
    assert "seed_report_data" not in commands
    assert not [name for name in commands if name.startswith(("seed_", "load_demo"))]
