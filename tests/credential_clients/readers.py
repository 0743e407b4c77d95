"""Verifies our credentials with an independent implementation: the Digital Credentials
Consortium's JavaScript libraries (``verify.mjs``), as a wallet or a verifier would, offline.

A reader that cannot do its job (node or the packages missing) fails the test: it may never be
skipped.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "verify.mjs"


def dcc_verify(credentials, documents, now=None, check_status=False):
    """One result per credential: ``{"verified", "errors", "status"}``."""
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "@digitalcredentials" / "vc").is_dir():
        pytest.fail(
            "node and tests/credential_clients/node_modules are needed: "
            "make tests/credential_clients/node_modules/.installed"
        )
    payload = {
        "credentials": credentials,
        "documents": documents,
        "now": now,
        "checkStatus": check_status,
    }
    done = subprocess.run(  # noqa: S603 (our own script, our own credentials)
        [node, str(SCRIPT)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=HERE,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"verify.mjs failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)
