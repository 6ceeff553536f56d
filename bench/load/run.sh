#!/usr/bin/env bash
# 100 simulated users against gunicorn + PostgreSQL + Redis on loopback, with the production settings
# (bench/load/load_settings.py), three times over: each run on freshly prepared data, then each run's
# p50/p95, the median run and the spread, the machine's load average before and during, and the CPU time
# per request of the web workers and of PostgreSQL.
# Usage: bash bench/load/run.sh [seconds] [users] [runs]   (needs PostgreSQL on :5432 and Redis on :6379)
# LOAD_WORKERS / LOAD_THREADS: gunicorn processes and threads (default 6 x 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${1:-60}"
USERS="${2:-100}"
RUNS="${3:-3}"
WORKERS="${LOAD_WORKERS:-6}"
THREADS="${LOAD_THREADS:-1}"
DB=lms_load
OUT="${LOAD_OUT:-/tmp/lms-load}"
mkdir -p "$OUT"
export PYTHONPATH="bench/load"
export DJANGO_SETTINGS_MODULE=load_settings
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
export REDIS_URL="redis://127.0.0.1:6379/3"
# Locust runs in a process of its own, pinned to the last core where there are two or more; the web
# workers and PostgreSQL may use every core (on 2 cores, keeping one core from them would halve the site).
PIN=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then PIN=(taskset -c "$(( $(nproc) - 1 ))"); fi

for run in $(seq "$RUNS"); do
    redis-cli -n 3 flushdb >/dev/null
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}" postgres 2>/dev/null
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${DB}" postgres
    .venv/bin/python bench/load/prepare.py >/dev/null
    .venv/bin/gunicorn -c project/gunicorn_settings.py project.wsgi:application --bind 127.0.0.1:8765 \
        --workers "$WORKERS" --threads "$THREADS" --access-logfile /dev/null --log-level warning &
    GUNICORN=$!
    trap 'kill $GUNICORN 2>/dev/null || true' EXIT
    for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:8765/login/ && break; sleep 0.2; done
    sleep 5  # let the start-up settle before reading the load average
    cut -d' ' -f1 /proc/loadavg > "$OUT/load-before-$run"
    # CPU counters from the moment every simulated user is running (the ramp-up takes USERS/10 s).
    ( sleep $(( USERS / 10 + 1 )); .venv/bin/python bench/load/cpu.py "$GUNICORN" > "$OUT/cpu-start-$run" ) &
    CPU_START=$!
    ( sleep $(( USERS / 10 + SECONDS_TO_RUN / 2 )); cut -d' ' -f1 /proc/loadavg > "$OUT/load-during-$run" ) &
    LOAD_DURING=$!
    LOAD_TIMES_FILE="$OUT/times-$run.json" "${PIN[@]}" .venv/bin/locust -f bench/load/locustfile.py --headless \
        -u "$USERS" -r 10 -t "$(( SECONDS_TO_RUN + USERS / 10 + 1 ))s" --reset-stats \
        --host http://127.0.0.1:8765 --only-summary --csv "$OUT/run-$run" > "$OUT/locust-$run.log" 2>&1 || true
    .venv/bin/python bench/load/cpu.py "$GUNICORN" > "$OUT/cpu-end-$run"
    wait "$CPU_START" "$LOAD_DURING"
    kill $GUNICORN; wait $GUNICORN 2>/dev/null || true
    echo "run $run of $RUNS done"
done
echo "gunicorn: $WORKERS workers x $THREADS threads; locust: $USERS users for ${SECONDS_TO_RUN}s after ramp-up," \
    "$RUNS runs, on $(nproc) cores${PIN:+ (locust pinned: ${PIN[*]})}"
.venv/bin/python bench/load/summary.py "$OUT" "$RUNS"
