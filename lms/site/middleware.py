"""Security headers for the learner, leader and HR pages."""

from lms.core import conf

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy on our own pages. Wagtail's admin and the API docs bring inline
    scripts of their own, so they keep Django's defaults (which still forbid framing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not any(request.path.startswith(p) for p in conf.get("LMS_CSP_EXEMPT_PATHS")):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
