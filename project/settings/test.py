"""Settings for the test suite; DATABASE_URL still switches the database to PostgreSQL."""

import os

from .base import *  # noqa: F403

DEBUG = False
LMS_DEMO_ENABLED = True
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Sign-in lockout off by default: Django's test client signs in (client.login) without a request, which
# axes refuses. The lockout tests turn it on (tests/security/test_abuse.py, the `axes_on` fixture).
AXES_ENABLED = False
# Room for a thousand people's cached standings, as Redis would have (Django's default keeps 300 entries).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
# Tasks run inline in tests unless a test starts a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# A test that starts a real RQ worker process points it at the test database and media folder.
if os.environ.get("LMS_TEST_RQ_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
    RQ_QUEUES = {"default": {"URL": os.environ["LMS_TEST_RQ_URL"], "DEFAULT_TIMEOUT": 600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
if os.environ.get("LMS_TEST_MEDIA_ROOT"):
    MEDIA_ROOT = os.environ["LMS_TEST_MEDIA_ROOT"]
