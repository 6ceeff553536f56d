#!/usr/bin/env bash
# 100 simulated users against gunicorn + PostgreSQL + Redis on loopback, with the production settings
# (bench/load/load_settings.py); prints p50/p95 per request type and the error rate.
# Usage: bash bench/load/run.sh [seconds] [users]   (needs PostgreSQL on :5432 and Redis on :6379)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${1:-60}"
USERS="${2:-100}"
WORKERS="${LOAD_WORKERS:-6}"
THREADS="${LOAD_THREADS:-1}"
DB=lms_load
export PYTHONPATH="bench/load"
export DJANGO_SETTINGS_MODULE=load_settings
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
export REDIS_URL="redis://127.0.0.1:6379/3"
redis-cli -n 3 flushdb >/dev/null
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}" postgres 2>/dev/null
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${DB}" postgres
.venv/bin/python bench/load/prepare.py
# The shipped web-machine settings (project/gunicorn_settings.py), on loopback.
.venv/bin/gunicorn -c project/gunicorn_settings.py project.wsgi:application --bind 127.0.0.1:8765 \
    --workers "$WORKERS" --threads "$THREADS" --access-logfile /dev/null --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:8765/login/ && break; sleep 0.2; done
echo "gunicorn: $WORKERS workers x $THREADS threads; locust: $USERS users for ${SECONDS_TO_RUN}s on $(nproc) cores"
.venv/bin/locust -f bench/load/locustfile.py --headless -u "$USERS" -r 10 -t "${SECONDS_TO_RUN}s" --reset-stats \
    --host http://127.0.0.1:8765 --only-summary --csv /tmp/lms-load 2>&1 | grep -A30 "Error report" || true
.venv/bin/python - <<'PY'
import csv
rows = list(csv.DictReader(open("/tmp/lms-load_stats.csv")))
print(f"{'request type':<22} {'requests':>8} {'errors':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
for r in rows:
    print(
        f"{r['Name']:<22} {r['Request Count']:>8} {r['Failure Count']:>7} {r['50%']:>7} {r['95%']:>7}"
        f" {float(r['Max Response Time']):>7.0f}"
    )
total = next(r for r in rows if r["Name"] == "Aggregated")
rate = 100 * int(total["Failure Count"]) / max(1, int(total["Request Count"]))
print(f"error rate: {rate:.2f}%   throughput: {float(total['Requests/s']):.1f} requests/s")
PY
