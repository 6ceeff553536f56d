"""Error answers that fit the asker: JSON with ``detail`` and ``code`` for the API, a page in the product's
layout for people, saying what happened and where to go next.

The runnable site points Django's handler400/403/404/500 and CSRF_FAILURE_VIEW here (project/urls.py,
settings); a host site that installs the plugin points its own handlers at these views the same way.
"""

import logging

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
TEMPLATES = "lms_site/errors/{status}.html"


def _wants_json(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _answer(request, *, status: int, code: str, detail: str, message: str = ""):
    """JSON for the API; otherwise the product's page for ``status``, with ``message`` when there is one."""
    if _wants_json(request):
        return JsonResponse({"detail": message or detail, "code": code}, status=status)
    return render(
        request,
        TEMPLATES.format(status=status),
        {"detail": detail, "message": message, "code": code},
        status=status,
    )


def _message(exception) -> str:
    # Refusals raised by the product carry a sentence meant for the person ("The team view is for team
    # leaders."); Django's own carry none, or a resolver's dictionary for a 404, which is not for people.
    if exception is None or not exception.args or not isinstance(exception.args[0], str):
        return ""
    return exception.args[0]


def bad_request(request, exception=None):
    return _answer(
        request,
        status=400,
        code="bad_request",
        detail=_("The request could not be understood."),
    )


def permission_denied(request, exception=None):
    return _answer(
        request,
        status=403,
        code="permission_denied",
        detail=_("You do not have permission to perform this action."),
        message=_message(exception),
    )


def page_not_found(request, exception=None):
    return _answer(request, status=404, code="not_found", detail=_("Not found."))


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (an expired session, or a page left open too long)."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    return _answer(
        request,
        status=403,
        code="csrf_failed",
        detail=_("Your session expired or the form was out of date, so nothing was changed."),
    )


def server_error(request):
    """Renders without the database or context processors: whatever broke may be exactly those."""
    detail = _("Something went wrong on our side.")
    if _wants_json(request):
        return JsonResponse({"detail": detail, "code": "server_error"}, status=500)
    try:
        body = loader.get_template(TEMPLATES.format(status=500)).render({"detail": detail})
    except Exception:
        logger.exception("The error page itself failed to render")
        body = "<!DOCTYPE html><title>Server error</title><h1>Server error (500)</h1>"
    return HttpResponse(body, status=500)
