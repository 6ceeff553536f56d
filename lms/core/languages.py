"""Which language a person reads the product in: their profile's choice (saved by the language switcher),
else their browser's (Django's LocaleMiddleware), else the site's LANGUAGE_CODE.

The profile's choice is read once per sign-in and kept in the session, so a page costs no extra query
(a choice changed on another device applies from the next sign-in). Emails are written in the background,
away from any request, so they use ``in_language_of(recipient)``, which reads the profile.
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

SESSION_KEY = "lms_language"


def supported(code: str) -> str:
    """``code`` as one of settings.LANGUAGES (``es-mx`` falls back to ``es``), or "" when none fits."""
    if not code:
        return ""
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return ""


def chosen_by(user) -> str:
    """The language ``user`` chose on their profile, or "" (nobody signed in, no profile, no choice)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    from .models import Profile

    code = Profile.objects.filter(user=user).values_list("language", flat=True).first() or ""
    return supported(code)


def remember(request, user) -> str:
    """Keep ``user``'s chosen language ("" for none) in the session; returns it."""
    code = chosen_by(user)
    request.session[SESSION_KEY] = code
    return code


def of_request(request) -> str:
    """The signed-in person's chosen language, from the session (read from the profile once if a session
    older than this feature has none), or "" for anyone else."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    if SESSION_KEY not in request.session:
        return remember(request, user)
    return supported(request.session[SESSION_KEY])


def save_choice(*, request, language: str) -> bool:
    """Keep ``language`` as the signed-in person's choice, on their profile (made if they have none yet)
    and in this session. Returns False, changing nothing, for a language the site does not offer."""
    from .models import Profile

    code = supported(language)
    user = request.user
    if not code or not user.is_authenticated:
        return False
    Profile.objects.update_or_create(user=user, defaults={"language": code})
    request.session[SESSION_KEY] = code
    return True


@contextmanager
def in_language_of(user):
    """Write in ``user``'s chosen language, else the site's (an email has no browser to ask)."""
    with translation.override(chosen_by(user) or settings.LANGUAGE_CODE):
        yield
