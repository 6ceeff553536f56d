"""Not-found answers that fit the asker: JSON with detail and code for the API, a page for people."""

from django.http import JsonResponse
from django.views.defaults import page_not_found as django_page_not_found


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return django_page_not_found(request, exception)
