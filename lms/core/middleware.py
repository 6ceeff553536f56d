"""The signed-in person's own language choice, over the browser's.

List ``lms.core.middleware.ProfileLanguageMiddleware`` after ``LocaleMiddleware`` and
``AuthenticationMiddleware``: LocaleMiddleware picks the language from the switcher's cookie or the
browser, then this replaces it with the signed-in person's own choice (kept in their session at sign-in,
so no extra query), and saves the switcher's choice on the profile (Django's ``set_language`` view only
sets a cookie).
"""

from django.conf import settings
from django.utils import translation

from . import languages


class ProfileLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = languages.of_request(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        chosen = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
        if match and match.url_name == "set_language" and chosen is not None:
            languages.save_choice(request=request, language=chosen.value)
        return response
