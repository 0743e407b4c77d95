#!/usr/bin/env bash
# Install test: does the built wheel work in a brand-new Wagtail site, set up the way the README
# tells a host to set it up?  Called by `make install-test` (PYTHON, DJANGO in the environment):
#
#     PYTHON=python3.12 DJANGO=6.1 bash .ci/install_test.sh dist/capacity_lms-*.whl
#
# It proves what the test suite cannot, because the suite runs from the repository:
#   - the wheel ships the templates (top-level templates/ mapped into capacity_lms/templates)
#     and the static files, each exactly once;
#   - APP_DIRS alone finds those templates after `pip install`, from site-packages;
#   - a same-named template in the host's DIRS overrides the package's;
#   - the README's INSTALLED_APPS / MIDDLEWARE / DATABASES / urls.py changes are enough for
#     `check --fail-level WARNING`, `migrate` and the idempotent `load_programme_taxonomy`.
#   - the wheel ships what hosts need only: no test helpers or benchmark seeders, and every
#     module of the installed package imports in a virtualenv without factory-boy or pytest.
set -euo pipefail

PYTHON=${PYTHON:-python3}
DJANGO=${DJANGO:-}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

fail() {
    echo "INSTALL TEST FAILED: $*" >&2
    exit 1
}
step() { echo "--- install test: $*"; }

# --- the wheel ------------------------------------------------------------------------------
[[ $# -eq 1 ]] || fail "usage: $0 path/to/capacity_lms-*.whl (got $# arguments: $*)"
[[ -f $1 ]] || fail "no wheel at '$1' (did \`make wheel\` run?)"
WHEEL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

step "wheel $WHEEL, Python $("$PYTHON" -c 'import sys; print(sys.version.split()[0])'), Django ${DJANGO:-(latest allowed)}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/capacity-install-test.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

# The wheel's file list, one name a line. `python -m zipfile -l` prints a header line and then
# "name  date time  size"; names in this project have no spaces, so the first field is the name.
"$PYTHON" -m zipfile -l "$WHEEL" | tail -n +2 | awk '{print $1}' >"$WORK/wheel-files.txt"

expect_once() {
    local name=$1 count
    count=$(grep -cxF -- "$name" "$WORK/wheel-files.txt" || true)
    [[ $count -eq 1 ]] || fail "the wheel holds '$name' $count times, expected exactly once"
}

step "wheel contents"
expect_once capacity_lms/templates/capacity_lms/base.html
expect_once capacity_lms/static/capacity_lms/css/capacity_lms.css
# Every template and static file of the repository must ship, each once: a new file type that
# setup.cfg's package_data patterns do not match (say .svg or .ics) is caught here. Asking git
# (when there is one) for the files on disk that it does not ignore leaves out editor droppings.
if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    list_files() {
        git -C "$REPO" ls-files --cached --others --exclude-standard -- "$1" |
            while IFS= read -r f; do if [[ -f $REPO/$f ]]; then echo "$f"; fi; done
    }
else
    list_files() { (cd "$REPO" && find "$1" -type f ! -name '*.pyc'); }
fi
n_templates=0
while IFS= read -r file; do
    expect_once "capacity_lms/$file" # templates/x -> capacity_lms/templates/x
    n_templates=$((n_templates + 1))
done < <(list_files templates)
# Static files and translation catalogues ship at the same path as in the repository.
for folder in capacity_lms/static capacity_lms/locale courses/locale; do
    [[ -d $REPO/$folder ]] || continue
    while IFS= read -r file; do
        expect_once "$file"
    done < <(list_files "$folder")
done
[[ $n_templates -gt 0 ]] || fail "found no template in $REPO/templates to compare the wheel with"
# Shipped inside capacity_lms only: a stray top-level templates/ package would pollute every
# host's site-packages.
if grep -q '^templates/' "$WORK/wheel-files.txt"; then
    fail "the wheel has a top-level templates/ folder: $(grep '^templates/' "$WORK/wheel-files.txt" | head -3)"
fi
echo "    $n_templates templates, the static files and the catalogues are in the wheel, each once"
# The wheel ships what hosts need only: no test helpers (factories, test worlds, bulk seeding:
# sandbox/testing/ in the repository), no benchmark seeder (seed_report_data, a sandbox command),
# no sandbox or tests package.
strays=$(grep -E '(^|/)(tests?|testing)/|/management/commands/seed_[^/]*\.py$|^(sandbox|tests)/' \
    "$WORK/wheel-files.txt" || true)
[[ -z $strays ]] || fail "the wheel holds test or benchmark files: $(head -5 <<<"$strays")"
grep -qxF capacity_lms/management/commands/load_programme_taxonomy.py "$WORK/wheel-files.txt" ||
    fail "the wheel has no capacity_lms/management/commands/load_programme_taxonomy.py (listing wrong?)"
echo "    no test folder, no seed_report_data command, no sandbox or tests package in the wheel"

# --- a clean virtualenv with only the wheel and Django --------------------------------------
# Run everything from the temp dir, with no PYTHONPATH, so that the repository can never be on
# sys.path: every import of capacity_lms must come from the installed wheel.
unset PYTHONPATH DJANGO_SETTINGS_MODULE VIRTUAL_ENV
export UV_PYTHON_DOWNLOADS=never
cd "$WORK"

step "virtualenv and pip install"
"$PYTHON" -m venv "$WORK/venv"
VPY=$WORK/venv/bin/python
"$VPY" -m pip install --quiet --upgrade pip uv
"$WORK/venv/bin/uv" pip install --quiet --compile-bytecode --python "$VPY" "$WHEEL" ${DJANGO:+"Django==$DJANGO.*"}
"$VPY" -c 'import django, wagtail; print(f"    Django {django.get_version()}, Wagtail {wagtail.__version__}")'
if [[ -n $DJANGO ]]; then
    "$VPY" -c "import django, sys; sys.exit(not django.get_version().startswith('$DJANGO.'))" ||
        fail "Django $DJANGO was asked for but $("$VPY" -c 'import django; print(django.get_version())') is installed"
fi

# Test-only packages are not what a host installs: neither the wheel nor its dependencies may
# bring them (factory-boy is in the sandbox extra, pytest in the test extra).
step "no test-only package in the host's virtualenv"
"$VPY" - <<'EOF'
import importlib.util
import sys

TEST_ONLY = ("factory", "faker", "wagtail_factories", "pytest", "_pytest", "pytest_django")
present = [name for name in TEST_ONLY if importlib.util.find_spec(name) is not None]
if present:
    sys.exit(f"INSTALL TEST FAILED: installing the wheel brought test-only packages: {present}")
print(f"    none of {', '.join(TEST_ONLY)} is installed")
EOF

# --- a new Wagtail site, changed as the README says ------------------------------------------
step "wagtail start hostsite"
"$WORK/venv/bin/wagtail" start hostsite >/dev/null
SITE=$WORK/hostsite                # holds manage.py
PROJECT=$SITE/hostsite             # the project package: settings/, urls.py, templates/
[[ -f $PROJECT/settings/base.py && -f $PROJECT/urls.py ]] ||
    fail "wagtail start did not make the expected layout (hostsite/hostsite/settings/base.py)"

step "settings and urls as in the README ('Install into an existing site')"
# Keep this block equivalent to the README's settings snippet. Our two apps go first, as there;
# REQUIRED_APPS in capacity_lms/checks.py lists what else must be installed, which the new site
# already has, except wagtail.contrib.settings (editor-managed programme settings).
cat >>"$PROJECT/settings/base.py" <<'EOF'


# --- capacity-lms (as in its README) ---
INSTALLED_APPS = ["capacity_lms", "courses", *INSTALLED_APPS]
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.snippets"), "wagtail.contrib.settings")
# Language switching (ar, fr, en).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "django.middleware.locale.LocaleMiddleware",
)
# On SQLite, let writers queue instead of failing with "database is locked".
DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
LANGUAGES = [("ar", "Arabic"), ("fr", "French"), ("en", "English")]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
EOF

# urls.py: our URLs before Wagtail's catch-all, which must stay last.
"$VPY" - "$PROJECT/urls.py" <<'EOF'
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text()
catch_all = '    path("", include(wagtail_urls)),\n'
if text.count(catch_all) != 1:
    sys.exit(f"INSTALL TEST FAILED: cannot find Wagtail's catch-all {catch_all.strip()!r} in {path}")
text = text.replace(
    catch_all, '    path("learning/", include("capacity_lms.urls")),\n' + catch_all
)
path.write_text(text)
EOF

# The host overrides one of our templates by putting a same-named file in its own templates
# folder (the DIRS entry of the generated settings: PROJECT_DIR / "templates").
MARKER="host-footer-override-$RANDOM$RANDOM"
mkdir -p "$PROJECT/templates/capacity_lms/includes"
echo "<p>$MARKER</p>" >"$PROJECT/templates/capacity_lms/includes/footer.html"

cd "$SITE"
MANAGE=("$VPY" manage.py)

step "manage.py check --fail-level WARNING"
"${MANAGE[@]}" check --fail-level WARNING || fail "system checks report problems (see above)"

step "manage.py migrate"
"${MANAGE[@]}" migrate --noinput >"$WORK/migrate.log" 2>&1 ||
    { cat "$WORK/migrate.log"; fail "migrate failed"; }

step "manage.py findstatic capacity_lms/css/capacity_lms.css"
"${MANAGE[@]}" findstatic --verbosity 0 capacity_lms/css/capacity_lms.css >/dev/null ||
    fail "the staticfiles finders do not find capacity_lms/css/capacity_lms.css"

step "manage.py load_programme_taxonomy (twice)"
# "Created: 4 strategic axes, 6 specialized groups, 9 countries." -> the numbers, summed.
created_total() { grep -oE '[0-9]+' <<<"$1" | awk '{s += $1} END {print s + 0}'; }
first=$("${MANAGE[@]}" load_programme_taxonomy) || fail "load_programme_taxonomy failed"
echo "    first run:  $first"
second=$("${MANAGE[@]}" load_programme_taxonomy) || fail "load_programme_taxonomy failed on its second run"
echo "    second run: $second"
[[ $(created_total "$first") -gt 0 ]] || fail "the first load_programme_taxonomy created nothing: '$first'"
[[ $(created_total "$second") -eq 0 ]] ||
    fail "the second load_programme_taxonomy created rows again (not idempotent): '$second'"
grep -qE '[0-9]' <<<"$second" || fail "cannot read the counts in '$second'"

step "render /learning/ with the Django test client"
REPO="$REPO" MARKER="$MARKER" "$VPY" - <<'EOF'
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hostsite.settings.dev")
sys.path.insert(0, os.getcwd())  # the host site, as manage.py would do

import django

django.setup()

import capacity_lms
from django.template.loader import get_template
from django.test import Client


def fail(message):
    sys.exit(f"INSTALL TEST FAILED: {message}")


repo = Path(os.environ["REPO"]).resolve()
if any(Path(entry or ".").resolve() == repo for entry in sys.path):
    fail(f"the repository {repo} is on sys.path: {sys.path}")
package_dir = Path(capacity_lms.__file__).resolve().parent
if "site-packages" not in package_dir.parts or package_dir.is_relative_to(repo):
    fail(f"capacity_lms was imported from {package_dir}, not from the installed wheel")

# APP_DIRS alone finds the package's templates, inside the installed package.
origin = Path(get_template("capacity_lms/base.html").origin.name).resolve()
if not origin.is_relative_to(package_dir):
    fail(f"capacity_lms/base.html was found at {origin}, expected under {package_dir}")
# ... and the host's DIRS win over it.
footer = Path(get_template("capacity_lms/includes/footer.html").origin.name).resolve()
if not footer.is_relative_to(Path.cwd()):
    fail(f"the host's footer override is not used; the footer comes from {footer}")

response = Client().get("/learning/")
body = response.content.decode()
if response.status_code != 200:
    fail(f"GET /learning/ returned {response.status_code}:\n{body[:2000]}")
if "Project engineering" not in body:
    fail(f"GET /learning/ does not show the strategic axis 'Project engineering':\n{body[:2000]}")
if os.environ["MARKER"] not in body:
    fail(f"GET /learning/ does not show the host's footer override:\n{body[-2000:]}")
print(f"    200, axes listed, host override used; templates from {origin.parent.parent}")

# The JSON-LD contexts the Open Badges proofs are canonicalised with ship in the wheel: the DID
# document is served, and a document is signed and verified offline.
from django.urls import reverse

from capacity_lms.core import data_integrity

did = Client().get(reverse("capacity_lms:credential_did"))
if did.status_code != 200 or did.json().get("id") != data_integrity.issuer_did():
    fail(f"credentials/did.json: {did.status_code} {did.content[:500]!r}")
signed = data_integrity.add_proof(
    {
        "@context": [data_integrity.CREDENTIALS_V2],
        "type": ["VerifiableCredential"],
        "issuer": data_integrity.issuer_did(),
        "credentialSubject": {"name": "install test"},
    }
)
data_integrity.verify_proof(signed)
print("    credentials/did.json served; a Data Integrity proof made and checked offline")
EOF

step "import every module of the installed capacity_lms and courses"
# Without factory-boy or pytest in this virtualenv (checked above), a module that needs one fails
# here; the walk also covers modules no request or command of this test reaches.
"$VPY" - <<'EOF'
import importlib
import os
import pkgutil
import sys
import traceback
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hostsite.settings.dev")
sys.path.insert(0, os.getcwd())

import django

django.setup()

failures, count = [], 0
for package_name in ("capacity_lms", "courses"):
    package = importlib.import_module(package_name)
    for folder in ("test", "tests", "testing"):
        if (Path(package.__file__).parent / folder).exists():
            failures.append(f"{package_name}/{folder}/ is installed")
    count += 1
    modules = pkgutil.walk_packages(package.__path__, package_name + ".", onerror=failures.append)
    for module in modules:
        try:
            importlib.import_module(module.name)
        except Exception:
            failures.append(f"{module.name}:\n{traceback.format_exc(limit=-2)}")
        else:
            count += 1
if failures:
    sys.exit("INSTALL TEST FAILED: these do not import or should not ship:\n" + "\n".join(failures))
print(f"    {count} modules imported")
EOF

echo "INSTALL TEST PASSED (Python $("$VPY" -c 'import sys; print(sys.version.split()[0])'), Django $("$VPY" -c 'import django; print(django.get_version())'))"
