"""The API router: each app's endpoints under /api/v1/, plus sign-in tokens, the schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from attestation.urls import api_urlpatterns as attestation_api
from boosters.urls import api_urlpatterns as boosters_api
from certificates.urls import api_urlpatterns as certificates_api
from courses.urls import api_urlpatterns as courses_api
from evidence.urls import api_urlpatterns as evidence_api
from lms.site.views import notifications
from quizzes.urls import api_urlpatterns as quizzes_api

from . import dashboards, invitations
from .auth import ObtainTokenView

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api_token"),
    path("", include(courses_api)),
    path("", include(quizzes_api)),
    path("", include(certificates_api)),
    path("", include(evidence_api)),
    path("", include(attestation_api)),
    path("", include(boosters_api)),
    path("teams/", dashboards.TeamList.as_view(), name="api_teams"),
    path("teams/<id:pk>/progress/", dashboards.TeamProgress.as_view(), name="api_team_progress"),
    path("organisation/compliance/", dashboards.Compliance.as_view(), name="api_compliance"),
    path("organisation/cascade/", dashboards.Cascade.as_view(), name="api_cascade"),
    path("organisation/expiries/", dashboards.Expiries.as_view(), name="api_expiries"),
    path("nudges/", dashboards.Nudges.as_view(), name="api_nudges"),
    path("notifications/", notifications.NotificationList.as_view(), name="api_notifications"),
    path(
        "notifications/read-all/",
        notifications.NotificationsReadAll.as_view(),
        name="api_notifications_read_all",
    ),
    path(
        "notifications/<id:pk>/read/", notifications.NotificationRead.as_view(), name="api_notification_read"
    ),
    path(
        "notification-preferences/",
        notifications.NotificationPreferences.as_view(),
        name="api_notification_preferences",
    ),
    path("staff-imports/", dashboards.StaffImport.as_view(), name="api_staff_imports"),
    path("invitations/", invitations.Invitations.as_view(), name="api_invitations"),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="lms:api_schema"), name="api_docs"),
]
