"""Single sign-on with OpenID Connect, read from the environment (README "Single sign-on").

Empty unless LMS_OIDC_CLIENT_ID is set; base.py adds SSO_AUTHENTICATION_BACKENDS to its backends. The
provider's endpoints come from its discovery document (LMS_OIDC_ISSUER), fetched on the first sign-in,
or each is given outright. A half-finished configuration stops the site at start-up, naming what is
missing, rather than showing a button that cannot work."""

import os

from django.core.exceptions import ImproperlyConfigured

SSO_AUTHENTICATION_BACKENDS: list[str] = []


def _env(name: str) -> str:
    return os.environ.get(name, "").strip()


_ENDPOINTS = {
    "LMS_OIDC_AUTHORIZATION_ENDPOINT": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "LMS_OIDC_TOKEN_ENDPOINT": "OIDC_OP_TOKEN_ENDPOINT",
    "LMS_OIDC_USERINFO_ENDPOINT": "OIDC_OP_USER_ENDPOINT",
    "LMS_OIDC_JWKS_ENDPOINT": "OIDC_OP_JWKS_ENDPOINT",
}
_SIGN_ALGOS = ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512")

if _env("LMS_OIDC_CLIENT_ID"):
    OIDC_RP_CLIENT_ID = _env("LMS_OIDC_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = _env("LMS_OIDC_CLIENT_SECRET")
    if not OIDC_RP_CLIENT_SECRET:
        raise ImproperlyConfigured(
            "LMS_OIDC_CLIENT_ID is set but LMS_OIDC_CLIENT_SECRET is not: set both to turn on single "
            "sign-on, or neither to leave it off."
        )
    LMS_OIDC_ISSUER = _env("LMS_OIDC_ISSUER")
    for _variable, _setting in _ENDPOINTS.items():
        if _env(_variable):
            globals()[_setting] = _env(_variable)
    _missing = [variable for variable in _ENDPOINTS if not _env(variable)]
    if not LMS_OIDC_ISSUER and _missing:
        raise ImproperlyConfigured(
            "Single sign-on needs LMS_OIDC_ISSUER (the provider's issuer URL, for discovery) or every "
            f"endpoint; missing: {', '.join(_missing)}."
        )
    OIDC_RP_SIGN_ALGO = _env("LMS_OIDC_SIGN_ALGO") or "RS256"
    if OIDC_RP_SIGN_ALGO not in _SIGN_ALGOS:
        # HS256 would sign tokens with the client secret; the provider's own key (JWKS) is required.
        raise ImproperlyConfigured(
            f"LMS_OIDC_SIGN_ALGO is {OIDC_RP_SIGN_ALGO!r}; use one of {', '.join(_SIGN_ALGOS)} (the "
            "provider's key, published at its JWKS endpoint)."
        )
    OIDC_RP_SCOPES = _env("LMS_OIDC_SCOPES") or "openid email profile"
    if not {"openid", "email"} <= set(OIDC_RP_SCOPES.split()):
        raise ImproperlyConfigured(
            f"LMS_OIDC_SCOPES is {OIDC_RP_SCOPES!r}; it must include openid and email (people are matched "
            "by email)."
        )
    # What the sign-in page's button says: "Sign in with <name>".
    LMS_OIDC_PROVIDER_NAME = _env("LMS_OIDC_PROVIDER_NAME")
    OIDC_AUTHENTICATION_CALLBACK_URL = "lms:sso_callback"
    OIDC_USE_PKCE = True
    OIDC_CREATE_USER = False  # people come from HR's import, never from a first sign-in
    OIDC_TIMEOUT = 10
    SSO_AUTHENTICATION_BACKENDS = ["lms.core.sso.EmailMatchBackend"]
