"""An empty Wagtail 8 site with Frontline LMS added: only what a host needs (README, "Adding the plugin
to a Wagtail site"). .ci/check-wheel installs the wheel beside it and runs check and migrate."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "host-site-check-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost"]
ROOT_URLCONF = "urls"

INSTALLED_APPS = [
    # Frontline LMS, lowest layer first.
    "lms.core",
    "courses",
    "quizzes",
    "certificates",
    "evidence",
    "attestation",
    "boosters",
    "lms.site",
    # What it builds on besides Wagtail: the API, its schema and docs, filters, background tasks.
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # The sign-in lockout at every door (README "Sign-in lockout").
    "axes",
    # A Wagtail site as `wagtail start` makes it.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
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
    # Each page in the person's language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Frontline LMS: a signed-in person's own language over the browser's.
    "lms.core.middleware.ProfileLanguageMiddleware",
    # Frontline LMS: page routes from the cache (right after AuthenticationMiddleware).
    "courses.middleware.PageRouteCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Frontline LMS: Content-Security-Policy and friends on its pages.
    "lms.site.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

# The lockout as the plugin wires it (README "Sign-in lockout").
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = "lms.site.lockout.failure_limit"
AXES_COOLOFF_TIME = "lms.site.lockout.cool_off"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "lms.core.client.client_ip"
AXES_WHITELIST_CALLABLE = "lms.site.lockout.is_not_a_password_sign_in"
AXES_LOCKOUT_CALLABLE = "lms.site.lockout.response"
AXES_DISABLE_ACCESS_LOG = True
WAGTAILADMIN_USER_LOGIN_FORM = "lms.site.views.auth.AdminSignInForm"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("es", "Spanish")]
CSRF_FAILURE_VIEW = "lms.site.views.errors.csrf_failure"

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

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}

USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "Host site"
WAGTAILADMIN_BASE_URL = "http://localhost"

# Frontline LMS: sign-in pages, the API's auth and errors, its OpenAPI schema, background tasks.
LOGIN_URL = "lms:login"
LOGIN_REDIRECT_URL = "lms:my_training"
LOGOUT_REDIRECT_URL = "lms:login"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "lms.core.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Frontline LMS API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
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
    },
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
