from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.authtoken.models import Token
from rest_framework.response import Response

from lms.core.api.serializers import ErrorSerializer, TokenRequestSerializer, TokenSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.exceptions import LMSError
from lms.core.throttle import ClientRateThrottle
from lms.site import lockout


class LoginThrottle(ClientRateThrottle):
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
        # The request goes to authenticate so django-axes can count this attempt and refuse a locked
        # account (it marks the request when it does).
        user = authenticate(
            request=request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if getattr(request, "axes_locked_out", False):
            raise LMSError(lockout.message(), code="locked_out", status=429)
        if user is None or not user.is_active:
            raise LMSError(
                gettext("That username and password do not match an active account."), code="bad_credentials"
            )
        # A token is a sign-in: axes clears this account's failures from this address, last_login moves.
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
