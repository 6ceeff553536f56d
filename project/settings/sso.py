"""Single sign-on with OpenID Connect, read from the environment (README "Single sign-on").

Empty unless LMS_OIDC_* variables are set; base.py adds SSO_AUTHENTICATION_BACKENDS to its backends."""

SSO_AUTHENTICATION_BACKENDS: list[str] = []
