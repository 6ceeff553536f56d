"""Optional: serve Wagtail page routes from the page cache (see courses.page_cache)."""

from wagtail import views as wagtail_views

from . import page_cache


class PageRouteCacheMiddleware:
    """Add after Django's auth middleware. Only requests that Django's URL resolver sends to Wagtail's
    page view are touched, and only reads (GET and HEAD)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD") and page_cache.enabled():
            page_cache.prime_route(request)
        return None
