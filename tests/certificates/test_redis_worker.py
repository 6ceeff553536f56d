"""A bulk export built by a real RQ worker process on Redis, as at scale (PostgreSQL: the worker needs a
database it can share with the test)."""

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import redis
from django.db import connection

from certificates import services
from certificates.models import CertificateExport
from tests.factories import UserFactory

REDIS_URL = "redis://127.0.0.1:6379/15"
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.requires_postgres, pytest.mark.django_db(transaction=True)]


def test_bulk_export_through_a_real_redis_worker(settings, course, hr, tmp_path):
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()  # Redis must answer: CI machines run it on 127.0.0.1:6379
    client.flushdb()
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.MEDIA_ROOT = str(tmp_path)

    holders = [UserFactory(first_name="Zoë", last_name=f"Brontë {i}") for i in range(3)]
    for holder in holders:
        services.issue(holder=holder, course=course)
    export = services.request_export(user=hr, filters={"course": course.pk})
    export.refresh_from_db()
    assert export.state == CertificateExport.State.QUEUED  # nothing ran in this process

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}",
        "LMS_TEST_RQ_URL": REDIS_URL,
        "LMS_TEST_MEDIA_ROOT": str(tmp_path),
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [
            sys.executable,
            "manage.py",
            "rqworker",
            "default",
            "--burst",
            "--job-class",
            "django_tasks_rq.backend.Job",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    export.refresh_from_db()
    assert export.state == CertificateExport.State.DONE, (export.error, result.stderr[-2000:])
    archive = zipfile.ZipFile(io.BytesIO(export.file.read()))
    assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 3
    assert "register.csv" in archive.namelist()
