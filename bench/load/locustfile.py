"""Learners browse modules, autosave and submit; leaders open team views; HR exports; people sign in.

Loopback only. Sessions come from prepare.py (signed in as ``django.contrib.auth.login`` would); the
``SignIn`` user goes through the real form with the real password hasher, at a working day's rate.
"""

import itertools
import json
import os
import random
import re
import secrets
import string
import tempfile
from http.cookiejar import Cookie

from locust import FastHttpUser, between, events, task

SESSIONS_FILE = os.environ.get(
    "LOAD_SESSIONS_FILE", os.path.join(tempfile.gettempdir(), "lms-load-sessions.json")
)
with open(SESSIONS_FILE) as sessions_file:
    SESSIONS = json.load(sessions_file)
# Every response time after the stats reset, by request type, for percentiles over any group of types.
TIMES_FILE = os.environ.get("LOAD_TIMES_FILE")
TIMES: dict[str, list[float]] = {}


@events.request.add_listener
def _record(name, response_time, exception, **kwargs):
    TIMES.setdefault(name, []).append(response_time if exception is None else -response_time)


@events.reset_stats.add_listener
def _reset(**kwargs):
    TIMES.clear()


@events.quitting.add_listener
def _write_times(**kwargs):
    if TIMES_FILE:
        with open(TIMES_FILE, "w") as out:
            json.dump(TIMES, out)


_learner_sessions = iter(SESSIONS["learners"])
_leader_sessions = itertools.cycle(SESSIONS["leader"])
_hr_sessions = itertools.cycle(SESSIONS["hr"])
MODULES = [
    "/active-listening/listening-is-the-job/",
    "/active-listening/listening-without-interrupting/",
    "/active-listening/names-and-titles/",
]
CHOICE_TYPES = ("single_choice", "judgement", "true_false")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
AUTOSAVES_PER_ATTEMPT = 12


def _cookie(name: str, value: str) -> Cookie:
    return Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}
    )


class SignedIn(FastHttpUser):
    abstract = True

    def use_session(self, session_key: str) -> None:
        self.client.cookiejar.clear()
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.client.cookiejar.set_cookie(_cookie("sessionid", session_key))
        self.client.cookiejar.set_cookie(_cookie("csrftoken", self.csrf))

    def json_headers(self) -> dict:
        return {"X-CSRFToken": self.csrf, "Content-Type": "application/json"}


class Learner(SignedIn):
    weight = 8
    wait_time = between(1, 3)

    def on_start(self):
        self.next_learner()

    def next_learner(self):
        self.use_session(next(_learner_sessions))
        self.attempt = None
        self.saves = 0

    @task(4)
    def module_page(self):
        self.client.get(random.choice(MODULES), name="module page")

    @task(1)
    def my_training(self):
        self.client.get("/training/", name="my training")

    @task(1)
    def catalogue(self):
        self.client.get("/", name="catalogue")

    @task(4)
    def autosave(self):
        if self.attempt is None:
            courses = self.client.get("/api/v1/courses/", name="api courses").json()
            course = next(c for c in courses if c["url"].rstrip("/").endswith("/active-listening"))
            self.attempt = self.client.post(
                f"/api/v1/courses/{course['id']}/attempts/", headers=self.json_headers(), name="start attempt"
            ).json()
        question = random.choice([q for q in self.attempt["questions"] if q["type"] in CHOICE_TYPES])
        self.client.request(
            "PATCH",
            f"/api/v1/attempts/{self.attempt['id']}/",
            data=json.dumps({"answers": {question["id"]: random.choice(question["options"])["id"]}}),
            headers=self.json_headers(),
            name="autosave",
        )
        self.saves += 1
        if self.saves >= AUTOSAVES_PER_ATTEMPT:
            self.client.post(
                f"/api/v1/attempts/{self.attempt['id']}/submit/", headers=self.json_headers(), name="submit"
            )
            # The attempt now waits for a leader's review, so this learner is done; a new one arrives.
            self.next_learner()


class Leader(SignedIn):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        self.use_session(next(_leader_sessions))

    @task(3)
    def team_view(self):
        self.client.get("/training/team/", name="team view")

    @task(1)
    def reviews(self):
        self.client.get("/training/reviews/", name="review queue")


class HR(SignedIn):
    weight = 1
    wait_time = between(3, 6)

    def on_start(self):
        self.use_session(next(_hr_sessions))

    @task(3)
    def organisation(self):
        self.client.get("/training/organisation/", name="organisation view")

    @task(1)
    def register(self):
        self.client.get("/training/register/", name="certificate register")

    @task(1)
    def export(self):
        self.client.get("/training/organisation/?format=xlsx", name="export xlsx")


class SignIn(FastHttpUser):
    """Someone arriving for a shift: the sign-in form, with PBKDF2 as in production."""

    fixed_count = 1
    wait_time = between(10, 20)

    @task
    def sign_in(self):
        self.client.cookiejar.clear()
        page = self.client.get("/login/", name="sign-in page")
        token = CSRF_FIELD.search(page.text).group(1)
        self.client.post(
            "/login/",
            data={"username": "employee", "password": "demo1234", "csrfmiddlewaretoken": token},
            name="sign in",
        )
