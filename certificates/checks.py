"""Deploy checks (``manage.py check --deploy``) for what certificates print."""

from urllib.parse import urlsplit

from django.core.checks import Warning

from lms.core import conf

HINT = (
    "Set LMS_PUBLIC_BASE_URL to the address people use to reach this site (for example "
    "https://training.example.com), or give the default Wagtail Site its real host name."
)


def check_public_base_url(app_configs=None, **kwargs):
    """Every certificate prints and QR-encodes its check page at the public base URL: one that leads
    only to this machine, or nowhere, makes every certificate printed from now on uncheckable."""
    url = conf.public_base_url()
    if not url:
        problem = "The public base URL is empty, so certificates print no address to check them at."
    elif urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        problem = f"The public base URL {url!r} is not an absolute http(s) address."
    elif conf.is_local_address(url):
        problem = (
            f"Certificates print and QR-encode check links to {url}, which answers only on this machine."
        )
    else:
        return []
    return [Warning(problem, hint=HINT, id="lms_certificates.W001")]


def check_shared_cache(app_configs=None, **kwargs):
    """A per-process cache would let the other web processes show standings from before a change until
    LMS_STANDING_CACHE_SECONDS pass: their version numbers would not move."""
    from django.conf import settings

    from .standing_cache import enabled

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if enabled() and backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The standings cache is on but the default cache is per process.",
                hint="Point CACHES at Redis or Memcached shared by every web process, or set "
                "LMS_STANDING_CACHE_SECONDS = 0.",
                id="lms_certificates.W002",
            )
        ]
    return []
