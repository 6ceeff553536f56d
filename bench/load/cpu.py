"""CPU time spent so far, read from /proc, for CPU time per request: ``cpu.py <gunicorn master pid>``.

Prints JSON: ``web`` (the gunicorn master, its live workers, and workers that have exited, in seconds),
``db`` (every PostgreSQL process), ``busy`` and ``total`` (the whole machine, from /proc/stat).
"""

import json
import os
import subprocess
import sys

TICK = os.sysconf("SC_CLK_TCK")


def _ticks(pid: int, *, children: bool = False) -> int:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0
    own = int(fields[11]) + int(fields[12])  # utime, stime
    return own + (int(fields[13]) + int(fields[14]) if children else 0)  # cutime, cstime: exited workers


def _pids(*args: str) -> list[int]:
    found = subprocess.run(["pgrep", *args], capture_output=True, text=True, check=False).stdout  # noqa: S603, S607
    return [int(pid) for pid in found.split()]


def main():
    master = int(sys.argv[1])
    web = _ticks(master, children=True) + sum(_ticks(pid) for pid in _pids("-P", str(master)))
    db = sum(_ticks(pid) for pid in _pids("-x", "postgres"))
    with open("/proc/stat") as stat:
        cpu = [int(v) for v in stat.readline().split()[1:]]
    idle = cpu[3] + cpu[4]
    print(
        json.dumps(
            {"web": web / TICK, "db": db / TICK, "busy": (sum(cpu) - idle) / TICK, "total": sum(cpu) / TICK}
        )
    )


if __name__ == "__main__":
    main()
