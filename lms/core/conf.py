"""Plugin settings, read in one place with their defaults.

A host site overrides any of these by defining the same name in its Django settings.
"""

from django.conf import settings

DEFAULTS = {
    # Name of the auth group whose members are HR (created on migrate with the HR permissions).
    "LMS_HR_GROUP": "HR",
    # Training pages show per-person progress, so by default they ask people to sign in.
    "LMS_LOGIN_REQUIRED": True,
    # The demo command creates well-known passwords; only sites that opt in may run it.
    "LMS_DEMO_ENABLED": False,
    # Days before a due date when an assignment counts as "due soon" on My training.
    "LMS_DUE_SOON_DAYS": 7,
    # Seconds allowed past an attempt's time limit for answers still on their way over the network.
    "LMS_ATTEMPT_GRACE_SECONDS": 30,
    # Longest written reply a learner may save, in characters.
    "LMS_WRITTEN_REPLY_MAX_CHARS": 5000,
    # Where the public verification page lives, as printed and QR-encoded on every certificate.
    # Empty: use WAGTAILADMIN_BASE_URL.
    "LMS_PUBLIC_BASE_URL": "",
    # Days before expiry when holders and their leaders are reminded.
    "LMS_EXPIRY_REMINDER_DAYS": (60, 30, 7),
    # Certificates rendered together in one WeasyPrint document by bulk exports.
    "LMS_PDF_BATCH_SIZE": 100,
    # Failed sign-ins (per account and address) before a lockout, and how long it lasts.
    "LMS_LOGIN_MAX_FAILURES": 5,
    "LMS_LOGIN_LOCKOUT_SECONDS": 15 * 60,
    # People per page on a leader's team view (totals and charts always cover the whole team).
    "LMS_TEAM_PAGE_SIZE": 50,
    # Seconds that page routes and course structure stay cached (any page change clears them at once;
    # needs courses.middleware.PageRouteCacheMiddleware for routes). 0 turns the cache off.
    "LMS_PAGE_CACHE_SECONDS": 300,
    # Paths that keep Django's default headers instead of our strict Content-Security-Policy.
    "LMS_CSP_EXEMPT_PATHS": ("/admin/", "/django-admin/", "/api/v1/docs/"),
}


def public_base_url() -> str:
    from django.conf import settings as django_settings

    return (get("LMS_PUBLIC_BASE_URL") or getattr(django_settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")


def get(name: str):
    """Return the plugin setting ``name``, falling back to its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown Frontline LMS setting: {name}")
    return getattr(settings, name, DEFAULTS[name])
