"""URLs a host site gets with ``path("", include("lms.urls"))``: each app's pages and the API, all named
in the ``lms`` namespace (``lms:my_training``, ``lms:attempt``, ``lms:api_courses``…)."""

from django.urls import include, path

from lms.core import sso

app_name = "lms"

urlpatterns = [
    path("", include("lms.site.urls")),
    path("", include("courses.urls")),
    path("", include("quizzes.urls")),
    path("", include("certificates.urls")),
    path("", include("evidence.urls")),
    path("", include("attestation.urls")),
    path("", include("boosters.urls")),
    path("api/v1/", include("lms.site.api.urls")),
    # The language switcher in the page header posts to set_language (lms:set_language); for a signed-in
    # person lms.core.middleware.ProfileLanguageMiddleware also keeps the choice on their profile.
    path("i18n/", include("django.conf.urls.i18n")),
    # Single sign-on (sso/authenticate/, sso/callback/): present when mozilla-django-oidc is installed,
    # answering 404 until the settings configure a provider.
    *sso.urlpatterns(),
]
