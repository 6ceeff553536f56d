"""Single sign-on with OpenID Connect (mozilla-django-oidc), matching people to imported profiles by email.

Off unless the settings configure it (project/settings/sso.py reads LMS_OIDC_* from the environment).
Nobody is ever created here: a person gets in through their organisation's provider only when HR has
imported them, and a leaver (an inactive account) does not get in at all.

The library is an optional dependency (the ``sso`` group): without it this module still imports, and
single sign-on simply stays off.
"""

import logging
import threading
from enum import StrEnum

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from .client import client_ip

try:
    import requests
    from mozilla_django_oidc import auth as oidc_auth
    from mozilla_django_oidc import views as oidc_views
except ImportError:  # the optional "sso" group is not installed
    requests = oidc_auth = oidc_views = None

INSTALLED = oidc_auth is not None
BACKEND = "lms.core.sso.EmailMatchBackend"

logger = logging.getLogger(__name__)

# What the product needs whatever a host site sets: the callback lives in the plugin's URL namespace,
# tokens are signed with the provider's key (RS256 + JWKS), and PKCE guards the code on its way back.
_DEFAULTS = {
    "OIDC_AUTHENTICATION_CALLBACK_URL": "lms:sso_callback",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_RP_SCOPES": "openid email profile",
    "OIDC_USE_PKCE": True,
    "OIDC_TIMEOUT": 10,
}
# Endpoints read from the provider's discovery document when LMS_OIDC_ISSUER is set and the setting is not.
_DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
_discovery_cache: dict[str, dict] = {}
_discovery_lock = threading.Lock()


class ProviderUnavailable(Exception):
    """The provider could not be reached, or its discovery document is not usable."""


class Refusal(StrEnum):
    """Why a single sign-on attempt did not sign anyone in; each has its own explanation on the page."""

    NOT_IMPORTED = "not_imported"
    INACTIVE = "inactive"
    AMBIGUOUS = "ambiguous"
    NO_EMAIL = "no_email"
    UNVERIFIED = "unverified"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    UNAVAILABLE = "unavailable"
    FAILED = "failed"


# Refusals about the person (403) versus about the exchange with the provider.
_STATUS = {Refusal.UNAVAILABLE: 502, Refusal.FAILED: 400, Refusal.EXPIRED: 400, Refusal.CANCELLED: 400}


def enabled() -> bool:
    """Single sign-on is on when the library is installed, a client id is set and the backend is in use."""
    return (
        INSTALLED
        and bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))
        and BACKEND in settings.AUTHENTICATION_BACKENDS
    )


def provider_name() -> str:
    return getattr(settings, "LMS_OIDC_PROVIDER_NAME", "") or str(_("your work account"))


def _discovery(issuer: str) -> dict:
    with _discovery_lock:
        if issuer in _discovery_cache:
            return _discovery_cache[issuer]
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=setting("OIDC_TIMEOUT"), verify=setting("OIDC_VERIFY_SSL", True))
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"Could not read the OpenID configuration at {url}: {exc}") from exc
    # The issuer must name itself (OpenID Connect Discovery §4.3), or tokens could come from elsewhere.
    if not isinstance(document, dict) or str(document.get("issuer", "")).rstrip("/") != issuer.rstrip("/"):
        raise ProviderUnavailable(f"The OpenID configuration at {url} does not name {issuer} as its issuer.")
    missing = [key for key in _DISCOVERED.values() if not document.get(key)]
    if missing:
        raise ProviderUnavailable(f"The OpenID configuration at {url} lacks {', '.join(missing)}.")
    with _discovery_lock:
        _discovery_cache[issuer] = document
    return document


def setting(name: str, *default):
    """An OIDC_* setting as the library should see it: the site's own value, else an endpoint from the
    issuer's discovery document, else the product's default."""
    value = getattr(settings, name, None)
    if value in (None, "") and name in _DISCOVERED and getattr(settings, "LMS_OIDC_ISSUER", ""):
        return _discovery(settings.LMS_OIDC_ISSUER)[_DISCOVERED[name]]
    if value is None and name in _DEFAULTS:
        return _DEFAULTS[name]
    if value is None and not default:
        raise ImproperlyConfigured(f"Single sign-on needs the setting {name}.")
    return value if value is not None else default[0]


def match_person(*, claims: dict):
    """The one active, imported person the provider's claims name, or why there is none.

    Returns ``(user, None)`` or ``(None, Refusal)``. Email addresses are compared case-insensitively;
    only people with a staff profile (imported or added by HR) are considered, and nobody is created."""
    email = str(claims.get("email") or "").strip()
    if not email:
        return None, Refusal.NO_EMAIL
    # A provider that says outright it has not checked the address cannot vouch for who this is.
    if claims.get("email_verified") in (False, "false"):
        return None, Refusal.UNVERIFIED
    people = list(
        get_user_model().objects.filter(email__iexact=email, lms_profile__isnull=False).order_by("pk")[:10]
    )
    active = [person for person in people if person.is_active]
    if len(active) == 1:
        return active[0], None
    if len(active) > 1:
        return None, Refusal.AMBIGUOUS
    return None, (Refusal.INACTIVE if people else Refusal.NOT_IMPORTED)


_BackendBase = oidc_auth.OIDCAuthenticationBackend if INSTALLED else object
_RequestViewBase = oidc_views.OIDCAuthenticationRequestView if INSTALLED else View
_CallbackViewBase = oidc_views.OIDCAuthenticationCallbackView if INSTALLED else View


class EmailMatchBackend(_BackendBase):
    """Signs in the imported person whose email the provider vouches for; never creates anyone.

    Django builds every backend for every password sign-in and every signed-in request, so nothing here
    reaches the provider until the callback asks it to authenticate."""

    get_settings = staticmethod(setting)
    refusal: Refusal | None = None
    email = ""

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        # Only the callback below passes a nonce; a password sign-in that happens to carry ?code= and
        # ?state= in its URL must not start a token exchange.
        if request is None or "nonce" not in kwargs:
            return None
        oidc_auth.OIDCAuthenticationBackend.__init__(self)
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims):
        return True  # match_person judges the claims and says why it refuses

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        self.email = str(claims.get("email") or "")
        user, self.refusal = match_person(claims=claims)
        return user

    def get_user(self, user_id):
        # The library's get_user ignores is_active: a leaver's open session must end like anyone else's.
        user = self.UserModel._default_manager.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


def refused(request, reason: Refusal, *, email: str = "", sign_out: bool = True):
    """The page that says why single sign-on did not sign this person in, and what to do next.

    After a genuine attempt, whoever was signed in on this browser before is signed out, so a shared
    computer never shows someone else's training after a sign-in that failed. A callback this browser
    did not start (an old link, or one planted by another site) changes nothing."""
    if sign_out and request.user.is_authenticated:
        auth.logout(request)
    return render(
        request,
        "lms_site/sso_refused.html",
        {"reason": str(reason), "email": email, "provider_name": provider_name()},
        status=_STATUS.get(reason, 403),
    )


class AuthenticateView(_RequestViewBase):
    """Sends the browser to the provider, remembering state, nonce, PKCE verifier and ``next``."""

    get_settings = staticmethod(setting)

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the library's __init__ reads endpoints; get() does, once enabled

    def get(self, request):
        if not enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = setting("OIDC_RP_CLIENT_ID")
        except ProviderUnavailable:
            logger.exception("Single sign-on: the provider is unavailable")
            return refused(request, Refusal.UNAVAILABLE)
        return super().get(request)


class CallbackView(_CallbackViewBase):
    """Where the provider sends the browser back with a code.

    It calls our backend itself rather than ``django.contrib.auth.authenticate``: that would offer the
    callback to every backend, the sign-in lockout's included, which guards passwords and not this door."""

    get_settings = staticmethod(setting)

    def get(self, request):
        if not enabled():
            raise Http404
        states = request.session.get("oidc_states") or {}
        state = request.GET.get("state", "")
        if state not in states:
            return refused(request, Refusal.EXPIRED, sign_out=False)
        # Each state is good for one return trip.
        expected = states.pop(state)
        request.session["oidc_states"] = states
        request.session.save()
        if request.GET.get("error") or not request.GET.get("code"):
            # The person declined at the provider, or the provider turned the request down.
            return refused(request, Refusal.CANCELLED)

        backend = EmailMatchBackend()
        try:
            user = backend.authenticate(
                request, nonce=expected.get("nonce"), code_verifier=expected.get("code_verifier")
            )
        except (ProviderUnavailable, requests.RequestException):
            logger.warning("Single sign-on: the provider did not answer properly", exc_info=True)
            return refused(request, Refusal.UNAVAILABLE)
        except SuspiciousOperation:
            logger.warning("Single sign-on: the provider's answer failed verification", exc_info=True)
            return refused(request, Refusal.FAILED)
        if user is None:
            reason = backend.refusal or Refusal.FAILED
            logger.info(
                "Single sign-on refused (%s) for %r from %s", reason, backend.email, client_ip(request)
            )
            return refused(request, reason, email=backend.email)
        user.backend = BACKEND
        self.user = user
        logger.info("Single sign-on: %s signed in from %s", user.get_username(), client_ip(request))
        return self.login_success()


def urlpatterns() -> list:
    """The two single sign-on URLs, for lms/urls.py; none when the library is not installed. Each view
    answers 404 while single sign-on is not configured."""
    if not INSTALLED:
        return []
    return [
        path("sso/authenticate/", AuthenticateView.as_view(), name="sso_authenticate"),
        path("sso/callback/", CallbackView.as_view(), name="sso_callback"),
    ]
