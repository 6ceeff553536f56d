"""Production settings for a load run on plain-HTTP loopback.

Everything a real deployment runs is kept (DEBUG off, cached templates, PBKDF2 passwords, Redis cache and
cached sessions, persistent database connections); only the HTTPS-only switches are off, because there is
no TLS proxy in front of gunicorn here, and the demo is allowed so the run has people and courses.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "load-run-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/3")
os.environ.setdefault("DJANGO_MEDIA_ROOT", os.path.join(tempfile.gettempdir(), "lms-load-media"))

from project.settings.production import *  # noqa: E402, F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
LMS_DEMO_ENABLED = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
