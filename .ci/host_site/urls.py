from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Frontline LMS: its pages and /api/v1/, before Wagtail's catch-all.
    path("", include("lms.urls")),
    path("", include(wagtail_urls)),
]

# API paths that match nothing answer in JSON like the rest of the API.
handler404 = "lms.site.views.errors.page_not_found"
