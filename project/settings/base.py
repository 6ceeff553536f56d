"""Settings shared by every way of running the demo site around the plugin."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parents[2]

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    # Frontline LMS: the apps a host site adds, lowest layer first.
    "lms.core",
    "courses",
    "quizzes",
    "certificates",
    "evidence",
    "attestation",
    "boosters",
    "lms.site",
    # The demo organisation and curriculum (`manage.py lms_demo`); not part of the plugin.
    "project.demo",
    # What the plugin builds on.
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # Sign-in lockout at every door (settings below, AXES_*).
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    # Locales in the admin (Settings → Locales), for content translated with Wagtail's localisation.
    "wagtail.locales",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of each page: the person's choice (the switcher), else the browser's (README "Languages").
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in person's own language choice over the browser's (lms.core.languages).
    "lms.core.middleware.ProfileLanguageMiddleware",
    "courses.middleware.PageRouteCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lms.site.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: it turns a lockout into lms.site.lockout.response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.core.context_processors.lms",
            ],
        },
    },
]

# SQLite on one machine; DATABASE_URL (postgres://…) switches to PostgreSQL through psycopg 3.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default must hold a room of people and the task worker at once. Write-ahead logging
    # lets readers carry on while one connection writes; IMMEDIATE transactions take the write lock when
    # they begin (a deferred one that reads, then writes, can only fail with "database is locked"); and
    # the busy timeout makes a second writer wait its turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The interface ships in these; course content is translated in Wagtail.
LANGUAGES = [("en-gb", gettext_lazy("English")), ("es", gettext_lazy("Spanish"))]
TIME_ZONE = "Europe/London"
USE_I18N = True
# Course content (pages, skills, policies) is translated with Wagtail's own localisation: the admin shows
# each page's and snippet's locale, and a site adding wagtail-localize translates them. The content
# languages are the interface's; LANGUAGE_CODE's is the default locale, the one originals are written in.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# SAMEORIGIN lets Wagtail preview pages in its own iframe; our pages also send frame-ancestors 'none'.
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Uploads (staff CSVs, images) are capped; bigger requests are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024

from .sso import *  # noqa: E402, F403  (single sign-on, when configured)

# axes first (it refuses a locked-out account before any backend checks a password), then Django's
# accounts, then single sign-on when the environment configures it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    *SSO_AUTHENTICATION_BACKENDS,  # noqa: F405
]

# Sign-in lockout (django-axes, README "Sign-in lockout"): LMS_LOGIN_MAX_FAILURES failed password
# sign-ins for one account from one address lock that pair for LMS_LOGIN_LOCKOUT_SECONDS (lms.core.conf
# holds both numbers; lms.site.lockout reads them). Per account *and* address, so nobody can lock a
# colleague out from elsewhere. Kept in the database, shared by every web process and machine, with or
# without Redis, and surviving a cache flush.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = "lms.site.lockout.failure_limit"
AXES_COOLOFF_TIME = "lms.site.lockout.cool_off"
# The lockout runs its full time from the failure that caused it; tries during it do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# The address as the rest of the product reads it, through the trusted proxies (LMS_TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "lms.core.client.client_ip"
# Single sign-on callbacks (no username) are neither counted nor refused.
AXES_WHITELIST_CALLABLE = "lms.site.lockout.is_not_a_password_sign_in"
# The message says what to do: in our sign-in forms, as 429 in the API, on a page elsewhere.
AXES_LOCKOUT_CALLABLE = "lms.site.lockout.response"
# Successful sign-ins are not logged by axes (the audit trail covers changes; an API token exchange would
# otherwise open a session just to name it).
AXES_DISABLE_ACCESS_LOG = True

# An expired form gets the product's page, saying what happened (README "Error pages").
CSRF_FAILURE_VIEW = "lms.site.views.errors.csrf_failure"

LOGIN_URL = "lms:login"
LOGIN_REDIRECT_URL = "lms:my_training"
LOGOUT_REDIRECT_URL = "lms:login"

# Wagtail's page editor can exceed Django's default field limit.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Frontline LMS"
# The admin's sign-in form tells a locked-out person what to do, like the site's.
WAGTAILADMIN_USER_LOGIN_FORM = "lms.site.views.auth.AdminSignInForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "lms.core.api.errors.exception_handler",
    # limit 1–200 and offset 0–1,000,000: an unbounded offset reaches the database as it is.
    "DEFAULT_PAGINATION_CLASS": "lms.core.api.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 50,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Frontline LMS API",
    "DESCRIPTION": (
        "Courses, enrolments, progress, assessments and certificates for customer-service training. "
        "Use session auth from the browser, or `POST /api/v1/auth/token/` and send "
        "`Authorization: Token <token>`. Errors are JSON with `detail` and a machine-readable `code`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI is served from our own static files: no CDN, works offline and under a strict CSP.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["lms.site.api.schema.only_public_api"],
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 10**18 - 1}},
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentStateEnum": "courses.models.Enrolment.State",
        "AttemptStateEnum": "quizzes.models.Attempt.State",
        "ReviewStateEnum": "quizzes.models.Review.State",
        "ExportStateEnum": "certificates.models.CertificateExport.State",
        "CertificateStatusEnum": "certificates.models.Certificate.Status",
        "StandingStateEnum": "courses.selectors.STANDING_STATES",
        "PolicyChangeKindEnum": "courses.models.snippets.PolicyVersion.Kind",
        "PolicyQuestionKindEnum": "attestation.models.PolicyQuestion.Kind",
    },
}

# Background work (bulk exports, reminders) through the Django Tasks API; `make run` starts a worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "training@frontline.example"
