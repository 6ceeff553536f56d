"""After check and migrate: the plugin runs from the installed wheel, renders its pages from the wheel's
templates, finds its static files and guards its API. Run from the host site's folder."""

import os
import sys
import zipfile
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

import attestation  # noqa: E402
import boosters  # noqa: E402
import certificates  # noqa: E402
import courses  # noqa: E402
import evidence  # noqa: E402
import lms  # noqa: E402
import quizzes  # noqa: E402

problems = []
venv = Path(sys.prefix).resolve()
for package in (lms, courses, quizzes, certificates, evidence, attestation, boosters):
    where = Path(package.__file__).resolve()
    if venv not in where.parents:
        problems.append(f"{package.__name__} imported from {where}, not from the installed wheel in {venv}")

# Every static file the wheel ships is found by Django's finders.
wheel = Path(sys.argv[1])
with zipfile.ZipFile(wheel) as zf:
    for name in zf.namelist():
        if "/static/" in name:
            relative = name.split("/static/", 1)[1]
            if not finders.find(relative):
                problems.append(f"static file {relative} (from {name}) is not found by staticfiles")

client = Client()
response = client.get(reverse("lms:login"))
if response.status_code != 200 or b"<form" not in response.content:
    problems.append(f"GET {reverse('lms:login')}: {response.status_code}, expected the sign-in form")

user = get_user_model().objects.create_user("host-check", password="not-used-anywhere-1")  # noqa: S106
client.force_login(user)
response = client.get(reverse("lms:my_training"))
if response.status_code != 200:
    problems.append(f"GET {reverse('lms:my_training')} signed in: {response.status_code}, expected 200")

response = Client().get(reverse("lms:api_courses"))
if response.status_code not in (401, 403) or "code" not in response.json():
    problems.append(f"GET the course list anonymously: {response.status_code}, expected a JSON refusal")

response = Client().get("/api/v1/no-such-thing/")
if response.status_code != 404 or response.headers.get("Content-Type") != "application/json":
    problems.append(f"GET /api/v1/no-such-thing/: {response.status_code}, expected a JSON 404")

if problems:
    print("\n".join(f"smoke: {p}" for p in problems), file=sys.stderr)
    sys.exit(1)
print("smoke: the sign-in page, My training, static files and the API's refusals work from the wheel")
