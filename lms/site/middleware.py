"""Security headers for the learner, leader and HR pages, and the product's own refusal page."""

from django.core.exceptions import PermissionDenied

from lms.core import conf
from lms.site.views.errors import permission_denied

POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "frame-src {frame_src}; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors {frame_ancestors}"
)


def content_security_policy(*, preview: bool = False) -> str:
    """Our pages may frame only themselves and the video hosts an administrator allows (LMS_VIDEO_HOSTS).
    Nobody may frame our pages (clickjacking), except the Wagtail admin's own live preview, which shows a
    page being edited in an iframe of the same site."""
    frame_src = " ".join(["'self'", *(f"https://{host}" for host in conf.get("LMS_VIDEO_HOSTS"))])
    return POLICY.format(frame_src=frame_src, frame_ancestors="'self'" if preview else "'none'")


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy on our own pages. Wagtail's admin and the API docs bring inline
    scripts of their own, so they keep Django's defaults (which still forbid framing by other sites)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail renders a preview through a simulated request for the page's own URL, so the path alone
        # would make a preview unframeable; the request says it is one.
        if getattr(request, "is_preview", False):
            response.headers.setdefault("Content-Security-Policy", content_security_policy(preview=True))
        elif not any(request.path.startswith(p) for p in conf.get("LMS_CSP_EXEMPT_PATHS")):
            response.headers.setdefault("Content-Security-Policy", content_security_policy())
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    def process_exception(self, request, exception):
        # A refusal in one of the product's own views gets the product's page (or JSON under /api/) even
        # on a host site whose handler403 is its own. Other views keep whatever the host site shows.
        if isinstance(exception, PermissionDenied) and _is_product_view(request):
            return permission_denied(request, exception)
        return None


def _is_product_view(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and "lms" in match.namespaces)
