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
