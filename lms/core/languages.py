"""Which language a person reads the product in: their profile's choice (saved by the language switcher),
else their browser's (Django's LocaleMiddleware), else the site's LANGUAGE_CODE.

Emails are written in the background, away from any request, so they use ``in_language_of(recipient)``.
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


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
    # Read once per request object: the middleware and the templates may both ask.
    cached = getattr(user, "_lms_language", None)
    if cached is None:
        from .models import Profile

        code = Profile.objects.filter(user=user).values_list("language", flat=True).first() or ""
        cached = user._lms_language = supported(code)
    return cached


def save_choice(*, user, language: str) -> bool:
    """Keep ``language`` as ``user``'s choice on their profile (made if they have none yet). Returns False,
    changing nothing, for a language the site does not offer."""
    from .models import Profile

    code = supported(language)
    if not code or not getattr(user, "is_authenticated", False):
        return False
    Profile.objects.update_or_create(user=user, defaults={"language": code})
    user._lms_language = code
    return True


@contextmanager
def in_language_of(user):
    """Write in ``user``'s chosen language, else the site's (an email has no browser to ask)."""
    with translation.override(chosen_by(user) or settings.LANGUAGE_CODE):
        yield
