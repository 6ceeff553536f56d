"""gunicorn settings for a web machine: ``gunicorn -c project/gunicorn_settings.py project.wsgi``.

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS / the variables below.

- Processes, not threads: pages are Python CPU work, and threads in one process queue for its interpreter
  lock. On 2 cores with 100 simulated users, 6 processes × 1 thread gave p95 ≈ 180 ms where 3 × 4 gave
  ≈ 310 ms (bench/load/run.sh with LOAD_WORKERS and LOAD_THREADS).
- Keep-alive longer than the proxy's idle timeout, so no request races a connection being closed.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(3 * multiprocessing.cpu_count())))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
keepalive = 30
timeout = 60
