"""The embedded default holds under ordinary concurrency: a real server on the default SQLite settings,
with the task worker running, takes parallel submits, autosaves and grading over HTTP without a single
5xx, and each attempt is graded exactly once.

This drives the same processes `make run` starts (runserver and db_worker on the dev settings), against a
database file of its own, so it runs the same whichever database the rest of the suite uses.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.sqlite_default


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "project.settings.dev",
            "DATABASE_URL": f"sqlite:///{db}",
            "PYTHONUNBUFFERED": "1",
        }
        self.port = port
        self.processes: list[subprocess.Popen] = []

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, timeout=300)

    def start(self) -> None:
        for args in (
            ["runserver", f"127.0.0.1:{self.port}", "--noreload"],
            ["db_worker", "--queue-name", "*", "--interval", "0.2"],
        ):
            self.processes.append(
                subprocess.Popen(
                    [sys.executable, "manage.py", *args],
                    cwd=ROOT,
                    env=self.env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/login/", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def call(self, method: str, path: str, token: str | None = None, body=None) -> tuple[int, dict]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json")
        if token:
            request.add_header("Authorization", f"Token {token}")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw or b"{}")
            except ValueError:
                return error.code, {"detail": raw[:200].decode(errors="replace")}

    def token(self, username: str) -> str:
        status, body = self.call(
            "POST", "/api/v1/auth/token/", body={"username": username, "password": "demo1234"}
        )
        assert status == 200, body
        return body["token"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("sqlite-default") / "lms.sqlite3"
    running = Server(db, _free_port())
    running.manage("migrate", "--no-input", "-v", "0")
    running.manage("lms_demo")
    running.start()
    yield running
    running.stop()


def _ready_attempt(server: Server, token: str, *, course_slug: str | None = None) -> dict:
    """Enrol in an open course with an assessment, finish its modules and start an attempt."""
    status, courses = server.call("GET", "/api/v1/courses/", token)
    assert status == 200
    candidates = [
        c
        for c in courses
        if c["access"]["state"] == "open"
        and (course_slug is None or c["url"].rstrip("/").endswith(course_slug))
        and (c["standing"] or {}).get("state") not in ("certified", "expiring", "awaiting_review")
    ]
    for course in candidates:
        if course["enrolment"] is None:
            status, enrolment = server.call("POST", "/api/v1/enrolments/", token, {"course": course["id"]})
            assert status == 201, enrolment
            enrolment_id = enrolment["id"]
        else:
            enrolment_id = course["enrolment"]
        for module in course["modules"]:
            status, _ = server.call(
                "POST", f"/api/v1/enrolments/{enrolment_id}/modules/{module['id']}/complete/", token
            )
            assert status == 200
        status, attempt = server.call("POST", f"/api/v1/courses/{course['id']}/attempts/", token)
        if status in (200, 201):
            return attempt
    raise AssertionError(f"no course open for an attempt: {[c['title'] for c in candidates]}")


def _answers(attempt: dict) -> dict:
    answers = {}
    for q in attempt["questions"]:
        ids = [o["id"] for o in q["options"]]
        if q["type"] == "written":
            answers[q["id"]] = "I'm sorry this has taken so long. I've booked the visit for Friday morning."
        elif q["type"] in ("multiple_response", "sequencing"):
            answers[q["id"]] = ids
        elif ids:
            answers[q["id"]] = ids[0]
    return answers


def _together(calls) -> list[tuple[int, dict]]:
    """Run every call at the same moment (a barrier), each on its own connection."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_parallel_submits_autosaves_and_grading_on_the_default_sqlite(server):
    employee, employee2, leader, hr = (server.token(u) for u in ("employee", "employee2", "leader", "hr"))
    # A written reply and an observation waiting for `leader` (certified in Active listening).
    graded = _ready_attempt(server, employee, course_slug="active-listening")
    status, body = server.call(
        "PATCH", f"/api/v1/attempts/{graded['id']}/", employee, {"answers": _answers(graded)}
    )
    assert status == 200, body
    status, result = server.call("POST", f"/api/v1/attempts/{graded['id']}/submit/", employee)
    assert status == 200 and result["state"] == "awaiting_review", result
    status, queue = server.call("GET", "/api/v1/reviews/", leader)
    mine = [r for r in queue if r["attempt"] == graded["id"]]
    written = next(r for r in mine if r["kind"] == "written")
    observation = next(r for r in mine if r["kind"] == "observation")
    marks = {c["id"]: c["points"] for c in written["question"]["rubric"]}
    items = [i["id"] for i in observation["checklist"]]

    attempt = _ready_attempt(server, employee2)
    answers = _answers(attempt)
    path = f"/api/v1/attempts/{attempt['id']}"
    calls = [lambda: server.call("POST", f"{path}/submit/", employee2) for _ in range(6)]
    calls += [lambda: server.call("PATCH", f"{path}/", employee2, {"answers": answers}) for _ in range(6)]
    calls += [
        lambda: server.call(
            "POST",
            f"/api/v1/reviews/{written['id']}/grade/",
            leader,
            {"marks": marks, "comment": "Warm and clear."},
        )
        for _ in range(3)
    ]
    calls += [
        lambda: server.call(
            "POST", f"/api/v1/reviews/{observation['id']}/sign-off/", leader, {"items": items, "note": "Seen"}
        )
        for _ in range(3)
    ]
    # The task worker writes at the same time: a bulk export of every certificate.
    calls += [lambda: server.call("POST", "/api/v1/certificate-exports/", hr, {}) for _ in range(2)]
    responses = _together(calls)

    errors = [(status, body) for status, body in responses if status >= 500]
    assert errors == [], errors
    submits = [body for status, body in responses[:6] if status == 200]
    assert len(submits) == 6  # a repeat submit answers with the same result
    assert len({(s["state"], s["awareness_score"], s["skill_score"], s["passed"]) for s in submits}) == 1
    saves = [status for status, _ in responses[6:12]]
    assert set(saves) <= {200, 409}, (
        saves
    )  # saved before the submit, or refused after it: never lost silently
    grades = [status for status, _ in responses[12:15]]
    assert sorted(grades)[0] == 200 and set(grades) <= {200, 409}, grades
    assert [status for status, _ in responses[12:15]].count(200) == 1

    # Exactly one grading: the attempts are closed and each passing attempt has at most one certificate.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status, export = server.call("GET", f"/api/v1/certificate-exports/{responses[-1][1]['id']}/", hr)
        if export.get("state") in ("done", "failed"):
            break
        time.sleep(0.5)
    assert export["state"] == "done", export
    db = sqlite3.connect(server.env["DATABASE_URL"].removeprefix("sqlite:///"))
    try:
        (state,) = db.execute(
            "select state from lms_quizzes_attempt where id = ?", (attempt["id"],)
        ).fetchone()
        assert state in ("graded", "awaiting_review")
        (graded_state,) = db.execute(
            "select state from lms_quizzes_attempt where id = ?", (graded["id"],)
        ).fetchone()
        assert graded_state == "graded"
        certificates = db.execute(
            "select attempt_id, count(*) from lms_certificates_certificate"
            " where attempt_id in (?, ?) group by attempt_id",
            (attempt["id"], graded["id"]),
        ).fetchall()
        assert all(count == 1 for _, count in certificates), certificates
        (mode,) = db.execute("pragma journal_mode").fetchone()
        assert mode == "wal"
    finally:
        db.close()
