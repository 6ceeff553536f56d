from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from lms.core import lockout, throttle
from lms.core.api.serializers import ErrorSerializer, TokenRequestSerializer, TokenSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.exceptions import LMSError


class LoginThrottle(AnonRateThrottle):
    rate = "20/min"
    scope = "lms_token"


class ObtainTokenView(SignedInAPIView):
    """Exchange a username and password for an API token."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [LoginThrottle]

    @extend_schema(
        operation_id="auth_token_create",
        request=TokenRequestSerializer,
        responses={200: TokenSerializer, 400: ErrorSerializer, 429: ErrorSerializer},
        auth=[],
    )
    def post(self, request):
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        username, ip = data.validated_data["username"], throttle.client_key(request)
        if lockout.is_locked(username, ip):
            raise LMSError(lockout.message(), code="locked_out", status=429)
        user = authenticate(request, username=username, password=data.validated_data["password"])
        if user is None or not user.is_active:
            lockout.record_failure(username, ip)
            raise LMSError(
                "That username and password do not match an active account.", code="bad_credentials"
            )
        lockout.clear(username, ip)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
