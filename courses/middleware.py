"""Optional: serve Wagtail page routes from the page cache (see courses.page_cache)."""

import logging

from wagtail import views as wagtail_views

from . import page_cache

logger = logging.getLogger(__name__)


class PageRouteCacheMiddleware:
    """Add after Django's auth middleware. Only reads (GET and HEAD) are touched: Wagtail's page view gets
    its whole route, any other view the Site that page URLs are worked out from."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not page_cache.enabled():
            return None
        try:
            if view_func is wagtail_views.serve:
                page_cache.prime_route(request)
            else:  # other views still link to pages (the API's course URLs): their Site, at least
                page_cache.prime_site(request)
        except Exception:  # a cache outage must not take pages down: Wagtail routes as usual
            logger.warning("Page route cache unavailable; routing without it.", exc_info=True)
        return None
