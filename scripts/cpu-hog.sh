#!/usr/bin/env bash
# A CPU hog that saturates every core, to prove the suite green on a busy machine (issue 8).
#
#   bash scripts/cpu-hog.sh start [MAX_SECONDS]   start it in the background
#   bash scripts/cpu-hog.sh stop                  stop the one `start` started
#   bash scripts/cpu-hog.sh status                running or not, and for how long at most
#   bash scripts/cpu-hog.sh run [MAX_SECONDS] -- COMMAND...
#                                                 hog while COMMAND runs, then stop; exits
#                                                 with COMMAND's status
#
# The hog is stress-ng (Debian), installed here when missing, the way .ci/run installs its
# packages. It always stops by itself after MAX_SECONDS (default 3600 for start, 7200 for run:
# stress-ng's own --timeout), so a forgotten or orphaned hog cannot outlive its purpose.
# CPU_HOG_WORKERS sets the number of busy workers (default: two per core); CPU_HOG_NICE the
# nice value of the hog's scheduling group (default 0; -10 starves the engines: see launch below).
set -euo pipefail

pidfile=${CPU_HOG_PIDFILE:-${TMPDIR:-/tmp}/cpu-hog.$(id -u).pid}
workers=${CPU_HOG_WORKERS:-$(( $(nproc) * 2 ))}
nice=${CPU_HOG_NICE:-0}

usage() { sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

ensure_stress_ng() {
  command -v stress-ng >/dev/null && return
  command -v apt-get >/dev/null || { echo "cpu-hog: stress-ng is missing and there is no apt-get; install stress-ng" >&2; exit 1; }
  echo "cpu-hog: installing stress-ng (Debian)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends stress-ng >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends stress-ng >/dev/null; } ||
    { echo "cpu-hog: apt-get install stress-ng failed" >&2; exit 1; }
}

# Starts stress-ng in a session of its own (so `stop` can end it and its workers as one group)
# and prints its pid. stress-ng's --timeout is the hard bound on its life.
launch() {
  local max=$1
  # setsid puts the hog in a scheduling autogroup of its own, which the kernel (autogroup on,
  # as on our machines) weighs like any one other session however many workers it has. Every
  # container of every session shares one more group (/docker, cpu.shares 1024 on cgroup v1),
  # which the kernel weighs like one session too. At nice 0 the hog keeps both cores busy and
  # takes a fair share: the suite's processes and its engines get the rest. A negative nice
  # weighs it like many sessions against all containers at once: at -10 (about 9:1) the
  # engines starve. Measured on 2026-11-29 at load 100-170: Prometheus got 3-11 ms of CPU a
  # second, less than it uses idle (9-16 ms), and failed 20 of 22 scrapes of itself; no test
  # on a real-time engine can hold there. The nice value is set from inside the new session,
  # before stress-ng starts, so it can't land on the wrong group.
  # shellcheck disable=SC2016 # $1..$3 expand in the inner shell, on purpose
  setsid bash -c '
    if [ -e /proc/sys/kernel/sched_autogroup_enabled ] && [ "$(cat /proc/sys/kernel/sched_autogroup_enabled)" = 1 ]; then
      echo "$1" >/proc/self/autogroup 2>/dev/null || echo "cpu-hog: could not set autogroup nice $1 (needs root); the hog gets a fair share only" >&2
    fi
    exec stress-ng --cpu "$2" --cpu-load 100 --timeout "$3s" --quiet 2>/dev/null' cpu-hog "$nice" "$workers" "$max" </dev/null >/dev/null &
  local pid=$!
  echo "$pid"
}

running() { [ -s "$pidfile" ] && kill -0 "$(cut -d' ' -f1 "$pidfile")" 2>/dev/null; }

stop_pid() {
  local pid=$1
  # The negative pid is the process group setsid made: stress-ng and all its workers.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

max_arg() {
  [[ ${1:-} =~ ^[0-9]+$ ]] || { echo "cpu-hog: MAX_SECONDS must be a whole number of seconds, not '${1:-}'" >&2; exit 2; }
  echo "$1"
}

case ${1:-} in
  start)
    max=$(max_arg "${2:-3600}")
    if running; then echo "cpu-hog: already running (pid $(cut -d' ' -f1 "$pidfile")); stop it first" >&2; exit 1; fi
    ensure_stress_ng
    pid=$(launch "$max")
    echo "$pid $(( $(date +%s) + max ))" >"$pidfile"
    echo "cpu-hog: $workers workers on $(nproc) cores, pid $pid, stops by itself within ${max}s"
    ;;
  stop)
    if running; then stop_pid "$(cut -d' ' -f1 "$pidfile")"; echo "cpu-hog: stopped"; else echo "cpu-hog: not running"; fi
    rm -f "$pidfile"
    ;;
  status)
    if running; then
      read -r pid until <"$pidfile"
      left=$(( until - $(date +%s) )); echo "cpu-hog: running, pid $pid, stops by itself in $(( left > 0 ? left : 0 ))s at most"
    else
      echo "cpu-hog: not running"; exit 1
    fi
    ;;
  run)
    shift
    max=7200
    if [ "${1:-}" != "--" ]; then max=$(max_arg "${1:-}"); shift; fi
    if [ "${1:-}" = "--" ]; then shift; else usage; fi
    [ $# -gt 0 ] || usage
    # Its own hog, independent of `start`/`stop`: ended however COMMAND ends.
    ensure_stress_ng
    pid=$(launch "$max")
    trap 'stop_pid "$pid"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    echo "cpu-hog: $workers workers on $(nproc) cores while: $*  (stops by itself within ${max}s)" >&2
    set +e
    "$@"
    status=$?
    set -e
    exit "$status"
    ;;
  *) usage ;;
esac
