"""Learners browse modules, autosave and submit; leaders open team views; HR exports. Loopback only."""

import itertools
import random
import re

from locust import HttpUser, between, task

_numbers = itertools.count()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def sign_in(user, username, password):
    page = user.client.get("/login/", name="login page")
    token = CSRF.search(page.text).group(1)
    user.client.post(
        "/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": token},
        name="login",
        headers={"Referer": user.host + "/login/"},
    )
    user.csrf = user.client.cookies.get("csrftoken")


class Learner(HttpUser):
    weight = 8
    wait_time = between(1, 3)

    def on_start(self):
        sign_in(self, f"load{next(_numbers) % 100}", "load1234")
        self.modules = [
            "/active-listening/listening-is-the-job/",
            "/active-listening/listening-without-interrupting/",
            "/active-listening/names-and-titles/",
        ]
        self.attempt = None

    def _json_headers(self):
        return {"X-CSRFToken": self.csrf, "Content-Type": "application/json", "Referer": self.host + "/"}

    @task(4)
    def browse_module(self):
        self.client.get(random.choice(self.modules), name="module page")

    @task(1)
    def my_training(self):
        self.client.get("/training/", name="my training")

    @task(4)
    def autosave(self):
        if self.attempt is None:
            courses = self.client.get("/api/v1/courses/", name="api courses").json()
            course = next(c for c in courses if c["url"] == "/active-listening/")
            self.attempt = self.client.post(
                f"/api/v1/courses/{course['id']}/attempts/",
                headers=self._json_headers(),
                name="start attempt",
            ).json()
        question = random.choice(
            [
                q
                for q in self.attempt["questions"]
                if q["type"] in ("single_choice", "judgement", "true_false")
            ]
        )
        answer = {question["id"]: random.choice(question["options"])["id"]}
        self.client.patch(
            f"/api/v1/attempts/{self.attempt['id']}/",
            json={"answers": answer},
            headers=self._json_headers(),
            name="autosave",
        )

    @task(1)
    def submit(self):
        if self.attempt is None:
            return
        with self.client.post(
            f"/api/v1/attempts/{self.attempt['id']}/submit/",
            headers=self._json_headers(),
            name="submit",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                response.success()
        self.attempt = None


class Leader(HttpUser):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        sign_in(self, "leader", "demo1234")

    @task
    def team_view(self):
        self.client.get("/training/team/", name="team view")


class HR(HttpUser):
    weight = 1
    wait_time = between(3, 6)

    def on_start(self):
        sign_in(self, "hr", "demo1234")

    @task(3)
    def organisation(self):
        self.client.get("/training/organisation/", name="organisation view")

    @task(1)
    def export(self):
        self.client.get("/training/organisation/?format=xlsx", name="export xlsx")
