"""CI's run ends everything it started when it is stopped (``.ci/stop_tree.sh``).

A TERM to the run's process group used to leave the test cells running: ``timeout`` gives each
cell a process group of its own, and Playwright starts Chromium detached. This starts a stand-in
for the run (a cell under ``timeout``, a detached process below it), stops it as one would stop
the run, and checks that nothing of it is left.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RUN = """
source .ci/stop_tree.sh
trap 'trap - TERM; stop_tree $$ 2; exit 130' TERM
# A cell as .ci/run starts it (timeout makes a process group of its own), and below it a
# process detached into yet another session, as Playwright starts Chromium.
timeout 120 bash -c 'sleep 300 & echo $! >> "$1"; setsid sleep 301 & echo $! >> "$1"; wait' \
    _ "$PIDS" &
echo $! >> "$PIDS"
wait
"""


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead but not yet reaped by its parent.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(")")[-1].split()[0] != "Z"


def test_stopping_the_run_ends_the_cells_and_what_they_detached(tmp_path):
    pids_file = tmp_path / "pids"
    run = subprocess.Popen(  # noqa: S603 - bash with a fixed script
        ["/bin/bash", "-c", RUN],
        cwd=ROOT,
        env={**os.environ, "PIDS": str(pids_file)},
        start_new_session=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if pids_file.exists() and len(pids_file.read_text().split()) == 3:
            break
        time.sleep(0.05)
    started = [int(pid) for pid in pids_file.read_text().split()]
    assert len(started) == 3 and all(alive(pid) for pid in started)
    try:
        os.killpg(run.pid, signal.SIGTERM)  # what stopping the run's process group does
        assert run.wait(timeout=30) == 130
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(alive(pid) for pid in started):
            time.sleep(0.05)
        assert [pid for pid in started if alive(pid)] == []
    finally:
        for pid in started:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
