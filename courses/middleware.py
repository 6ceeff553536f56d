"""Optional: serve Wagtail page routes from the page cache (see courses.page_cache)."""

import logging

from wagtail import views as wagtail_views

from . import page_cache

logger = logging.getLogger(__name__)


class PageRouteCacheMiddleware:
    """Add after Django's auth middleware. Only requests that Django's URL resolver sends to Wagtail's
    page view are touched, and only reads (GET and HEAD)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD") and page_cache.enabled():
            try:
                page_cache.prime_route(request)
            except Exception:  # a cache outage must not take pages down: Wagtail routes as usual
                logger.warning("Page route cache unavailable; routing without it.", exc_info=True)
        return None
