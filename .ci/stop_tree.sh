# Sourced by .ci/run: end every process a run started, also the ones in process groups of their
# own. `timeout` runs each test cell in a new process group, and Playwright starts Chromium
# detached (another group), so a signal to the run's own group never reaches them: they would
# keep running, holding ports and the database, after the run is gone.

# descendants PID: every process below PID, parents before their children.
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

# stop_tree PID: TERM to everything below PID and to the process groups they lead, then KILL
# to whatever is left after a grace period. The list is taken first, before anything ends,
# because an orphan is adopted by init and no longer found below PID.
stop_tree() {
    local root=$1 grace=${2:-5} pids pid waited=0
    pids=$(descendants "$root")
    [[ -n $pids ]] || return 0
    for pid in $pids; do
        kill -TERM -- "-$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    while ((waited < grace * 10)); do
        local alive=0
        for pid in $pids; do
            if kill -0 "$pid" 2>/dev/null; then alive=1; fi
        done
        ((alive)) || return 0
        sleep 0.1
        waited=$((waited + 1))
    done
    for pid in $pids; do
        kill -KILL -- "-$pid" 2>/dev/null || true
        kill -KILL "$pid" 2>/dev/null || true
    done
}
