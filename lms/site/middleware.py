"""Security headers for the learner, leader and HR pages."""

from lms.core import conf

POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {frame_ancestors}"
)
# Nobody may frame our pages (clickjacking)...
CSP = POLICY.format(frame_ancestors="'none'")
# ...except the Wagtail admin's own live preview, which shows a page being edited in an iframe of the
# same site: only the site itself may frame a preview.
PREVIEW_CSP = POLICY.format(frame_ancestors="'self'")


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
            response.headers.setdefault("Content-Security-Policy", PREVIEW_CSP)
        elif not any(request.path.startswith(p) for p in conf.get("LMS_CSP_EXEMPT_PATHS")):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
