from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("lms.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the course pages; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

# Errors in the product's layout for people, and JSON ({"detail", "code"}) under /api/ like the rest of
# the API. Django reads these names from the root URLconf only: a host site that installs the plugin
# points its own handler400/403/404/500 at the same views (and CSRF_FAILURE_VIEW at
# "lms.site.views.errors.csrf_failure").
handler400 = "lms.site.views.errors.bad_request"
handler403 = "lms.site.views.errors.permission_denied"
handler404 = "lms.site.views.errors.page_not_found"
handler500 = "lms.site.views.errors.server_error"
