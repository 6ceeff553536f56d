"""What every evidence endpoint shares: the error shapes, and a check's per-field problems in the same
``errors`` mapping as any other invalid body."""

from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import status
from rest_framework.response import Response

from lms.core.api.query import QueryDate
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView

from ..facts import CheckInvalid

ERRORS = dict.fromkeys((400, 401, 403, 404, 409), ErrorSerializer)
CHECK_ERRORS = {
    **ERRORS,
    400: OpenApiResponse(
        ErrorSerializer,
        description="`invalid_check`: `errors` maps each field to its problems; nothing was saved (a draft "
        "being submitted keeps what was sent). Other codes name one problem (`invalid`: a value of the "
        "wrong type, with `errors` by field).",
    ),
}


@extend_schema_field({"type": "string", "format": "date", "maxLength": 10})
class BoundedDate(QueryDate):
    """A date query parameter, documented with its length like every other text parameter."""


def check_invalid_response(exc: CheckInvalid) -> Response:
    return Response(
        {
            "detail": exc.message,
            "code": exc.code,
            "errors": {name: [text] for name, text in exc.errors.items()},
        },
        status=status.HTTP_400_BAD_REQUEST,
    )


class CheckErrorsMixin:
    """A CheckInvalid answers with every field's problem at once, so a client can show each beside its
    field (the shape of DRF's own ``errors``)."""

    def handle_exception(self, exc):
        if isinstance(exc, CheckInvalid):
            return check_invalid_response(exc)
        return super().handle_exception(exc)


class EvidenceAPIView(CheckErrorsMixin, SignedInAPIView):
    pass
