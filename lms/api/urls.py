from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from courses import api as courses_api

from .auth import ObtainTokenView

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api_token"),
    path("courses/", courses_api.CourseList.as_view(), name="api_courses"),
    path("courses/<int:pk>/", courses_api.CourseDetail.as_view(), name="api_course"),
    path("enrolments/", courses_api.EnrolmentList.as_view(), name="api_enrolments"),
    path("enrolments/<int:pk>/", courses_api.EnrolmentDetail.as_view(), name="api_enrolment"),
    path(
        "enrolments/<int:pk>/modules/<int:module_id>/complete/",
        courses_api.CompleteModule.as_view(),
        name="api_complete_module",
    ),
    path("assignments/", courses_api.AssignmentCreate.as_view(), name="api_assignments"),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="lms:api_schema"), name="api_docs"),
]
