"""Plugin settings, read in one place with their defaults.

A host site overrides any of these by defining the same name in its Django settings.
"""

import ipaddress
import logging
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Name of the auth group whose members are HR (created on migrate with the HR permissions).
    "LMS_HR_GROUP": "HR",
    # Training pages show per-person progress, so by default they ask people to sign in.
    "LMS_LOGIN_REQUIRED": True,
    # The demo command creates well-known passwords; only sites that opt in may run it.
    "LMS_DEMO_ENABLED": False,
    # Days before a due date when an assignment counts as "due soon" on My training.
    "LMS_DUE_SOON_DAYS": 7,
    # Days people have to read and confirm a material policy change that affects their certificate.
    "LMS_ATTESTATION_DAYS": 14,
    # Seconds allowed past an attempt's time limit for answers still on their way over the network.
    "LMS_ATTEMPT_GRACE_SECONDS": 30,
    # Longest written reply a learner may save, in characters.
    "LMS_WRITTEN_REPLY_MAX_CHARS": 5000,
    # Where the public verification page lives, as printed and QR-encoded on every certificate (and the
    # base of links in emails and calendars). Empty: the default Wagtail Site's root URL when it names a
    # real host, else WAGTAILADMIN_BASE_URL (see public_base_url).
    "LMS_PUBLIC_BASE_URL": "",
    # The organisation that awards the certificates, printed on them and shown on the public check.
    # Empty: WAGTAIL_SITE_NAME, then the default Wagtail Site's name.
    "LMS_ORGANISATION_NAME": "",
    # Days before expiry when holders and their leaders are reminded.
    "LMS_EXPIRY_REMINDER_DAYS": (60, 30, 7),
    # Certificates rendered together in one WeasyPrint document by bulk exports.
    "LMS_PDF_BATCH_SIZE": 100,
    # Failed sign-ins (per account and address) before a lockout, and how long it lasts: django-axes reads
    # both through lms.site.lockout (AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME), so they live only here.
    "LMS_LOGIN_MAX_FAILURES": 5,
    "LMS_LOGIN_LOCKOUT_SECONDS": 15 * 60,
    # Reverse proxies in front of the site that each append the address they were reached from to
    # X-Forwarded-For (one for the proxy in README "Running at scale"). 0 trusts nobody: the client is
    # REMOTE_ADDR and any X-Forwarded-For is ignored. See lms.core.client.client_ip.
    "LMS_TRUSTED_PROXY_COUNT": 0,
    # Optional addresses or networks ("10.0.0.0/8") of those proxies: when set, X-Forwarded-For is read
    # only from requests that arrive from one of them, so a client that reaches a web machine directly
    # cannot choose its own address. Empty: any peer, as long as LMS_TRUSTED_PROXY_COUNT is above 0.
    "LMS_TRUSTED_PROXIES": (),
    # People per page on a leader's team view (totals and charts always cover the whole team).
    "LMS_TEAM_PAGE_SIZE": 50,
    # Seconds that page routes and course structure stay cached (any page change clears them at once;
    # needs courses.middleware.PageRouteCacheMiddleware for routes). 0 turns the cache off.
    "LMS_PAGE_CACHE_SECONDS": 300,
    # Seconds that a person's standings (state and next step per course) stay cached; everything that
    # decides them clears them at once (certificates.standing_cache). 0 turns the cache off.
    "LMS_STANDING_CACHE_SECONDS": 3600,
    # Paths that keep Django's default headers instead of our strict Content-Security-Policy.
    "LMS_CSP_EXEMPT_PATHS": ("/admin/", "/django-admin/", "/api/v1/docs/"),
    # Hosts that video blocks may embed players from (embed hosts only, not whole video sites); the
    # Content-Security-Policy's frame-src follows this list. YouTube and Vimeo links are embedded through
    # their privacy-friendly players (youtube-nocookie.com, Vimeo with "do not track").
    "LMS_VIDEO_HOSTS": ("www.youtube-nocookie.com", "player.vimeo.com"),
    # Notification emails: tries before one is given up, and the wait before the first retry in seconds
    # (each later retry waits twice as long as the one before).
    "LMS_EMAIL_MAX_ATTEMPTS": 5,
    "LMS_EMAIL_RETRY_SECONDS": 60,
    # Local time ("HH:MM") at which the task worker runs the daily jobs: expiry reminders, due and overdue
    # notices, leaders' digests.
    "LMS_DAILY_RUN_TIME": "07:00",
    # An assignment overdue by more than this many days gets no overdue notice of its own (leaders'
    # digests still list it), so a first run on an old database does not email every past due date.
    "LMS_OVERDUE_NOTICE_DAYS": 7,
    # Days an invitation's set-password link stays valid (a resend makes a new link and retires the old
    # one). Password reset links follow Django's PASSWORD_RESET_TIMEOUT.
    "LMS_INVITATION_VALID_DAYS": 14,
    # Password reset requests per hour from one client address, and for one email address (past that, the
    # same answer and no email), so the form cannot be used to flood inboxes.
    "LMS_PASSWORD_RESET_PER_HOUR": 10,
    # Boosters (issue 15): a person's estimated recall of a skill (FSRS retrievability, 0 to 1) below this
    # counts as slipping, and a team's below it suggests the course's refresher before the certificate
    # expires. A course's questions per set and sets per week default to these (authors change them per
    # course in the admin's Training menu).
    "LMS_BOOSTER_RECALL_THRESHOLD": 0.7,
    "LMS_BOOSTER_QUESTIONS_PER_SET": 2,
    "LMS_BOOSTER_SETS_PER_WEEK": 3,
    # Course feedback: no average, count or comment is shown for a course or module until at least this
    # many people have answered, so nobody's answer can be picked out.
    "LMS_FEEDBACK_MIN_ANSWERS": 5,
}


def public_base_url() -> str:
    """The site's public address, without a trailing slash: the one base of every absolute link.

    LMS_PUBLIC_BASE_URL when set; else the default Wagtail Site's root URL, when it names a real host;
    else WAGTAILADMIN_BASE_URL; else the Site's root URL even if it is this machine (Wagtail's own
    placeholder Site is localhost:80, which a development server on another port doesn't answer).
    """
    configured = get("LMS_PUBLIC_BASE_URL")
    if configured:
        return configured.rstrip("/")
    site_url = default_site().root_url
    if site_url and not is_local_address(site_url):
        return site_url.rstrip("/")
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or site_url).rstrip("/")


def organisation_name() -> str:
    """Who awards the certificates: LMS_ORGANISATION_NAME, WAGTAIL_SITE_NAME, then the Site's name."""
    return (
        get("LMS_ORGANISATION_NAME")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
        or default_site().site_name
        or ""
    ).strip()


def is_local_address(url: str) -> bool:
    """Whether ``url`` leads nowhere but this machine: no host, localhost, or a loopback address."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


# --- The default Wagtail Site ------------------------------------------------------------------------------
# Read on every absolute link (a list of certificates builds one each), so its two facts are cached, and
# forgotten whenever a Site is saved or deleted (the timeout covers other processes with their own cache).


class SiteFacts(NamedTuple):
    root_url: str
    site_name: str


_SITE_CACHE_KEY = "lms:default-site"
_SITE_CACHE_SECONDS = 300
_NO_SITE = SiteFacts("", "")


def default_site() -> SiteFacts:
    """Root URL and name of the default Wagtail Site (empty strings when there is none)."""
    from wagtail.models import Site

    cached = _cache_call(cache.get, _SITE_CACHE_KEY)
    if cached is not None:
        return SiteFacts(*cached)
    try:
        site = Site.objects.filter(is_default_site=True).only("hostname", "port", "site_name").first()
    except DatabaseError:
        return _NO_SITE  # not migrated yet (a deploy check before migrate): nothing to cache
    facts = SiteFacts(site.root_url, site.site_name or "") if site else _NO_SITE
    _cache_call(cache.set, _SITE_CACHE_KEY, tuple(facts), _SITE_CACHE_SECONDS)
    return facts


def _cache_call(method, *args):
    # A cache that is down costs a query, never a page or a certificate.
    try:
        return method(*args)
    except Exception:
        logger.warning("Cache unavailable for the default Site's address", exc_info=True)
        return None


def _forget_default_site(**kwargs) -> None:
    _cache_call(cache.delete, _SITE_CACHE_KEY)


# A lazy sender ("app_label.Model") connects once Wagtail's models are loaded.
post_save.connect(_forget_default_site, sender="wagtailcore.Site", dispatch_uid="lms_site_saved")
post_delete.connect(_forget_default_site, sender="wagtailcore.Site", dispatch_uid="lms_site_deleted")


def get(name: str):
    """Return the plugin setting ``name``, falling back to its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown Frontline LMS setting: {name}")
    return getattr(settings, name, DEFAULTS[name])
