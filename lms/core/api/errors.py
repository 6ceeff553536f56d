"""Every API error is JSON with a human ``detail`` and a machine-readable ``code``."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from lms.core.exceptions import LMSError


def _first_code(codes):
    if isinstance(codes, str):
        return codes
    if isinstance(codes, list | tuple) and codes:
        return _first_code(codes[0])
    if isinstance(codes, dict) and codes:
        return _first_code(next(iter(codes.values())))
    return "invalid"


def describe(errors) -> str:
    """A one-line summary of field errors: 'course: This field is required.'"""
    if isinstance(errors, dict):
        parts = []
        for name, value in errors.items():
            text = describe(value)
            parts.append(text if name == "non_field_errors" else f"{name}: {text}")
        return " ".join(parts)
    if isinstance(errors, list):
        return " ".join(describe(e) for e in errors)
    return str(errors)


def exception_handler(exc, context):
    if isinstance(exc, LMSError):
        return Response({"detail": exc.message, "code": exc.code}, status=exc.status)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "detail": describe(exc.detail) or _("Invalid input."),
            "code": "invalid",
            "errors": exc.detail,
            "error_codes": exc.get_codes(),
        }
        if response.status_code != status.HTTP_400_BAD_REQUEST:
            response.data["code"] = _first_code(exc.get_codes())
        return response
    code = _first_code(exc.get_codes()) if isinstance(exc, exceptions.APIException) else "error"
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    response.data = {"detail": str(detail), "code": code}
    return response
