from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from certificates import api as certificates_api
from courses import api as courses_api
from quizzes import api as quizzes_api

from . import dashboards as dashboard_api
from .auth import ObtainTokenView

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api_token"),
    path("courses/", courses_api.CourseList.as_view(), name="api_courses"),
    path("courses/<id:pk>/", courses_api.CourseDetail.as_view(), name="api_course"),
    path("enrolments/", courses_api.EnrolmentList.as_view(), name="api_enrolments"),
    path("enrolments/<id:pk>/", courses_api.EnrolmentDetail.as_view(), name="api_enrolment"),
    path(
        "enrolments/<id:pk>/modules/<id:module_id>/complete/",
        courses_api.CompleteModule.as_view(),
        name="api_complete_module",
    ),
    path("assignments/", courses_api.AssignmentCreate.as_view(), name="api_assignments"),
    path("courses/<id:pk>/attempts/", quizzes_api.StartAttempt.as_view(), name="api_start_attempt"),
    path("attempts/<id:pk>/", quizzes_api.AttemptDetail.as_view(), name="api_attempt"),
    path("attempts/<id:pk>/submit/", quizzes_api.SubmitAttempt.as_view(), name="api_submit_attempt"),
    path("attempts/<id:pk>/result/", quizzes_api.AttemptResult.as_view(), name="api_attempt_result"),
    path("reviews/", quizzes_api.ReviewList.as_view(), name="api_reviews"),
    path("reviews/<id:pk>/", quizzes_api.ReviewDetail.as_view(), name="api_review"),
    path("reviews/<id:pk>/grade/", quizzes_api.GradeReview.as_view(), name="api_grade_review"),
    path("reviews/<id:pk>/sign-off/", quizzes_api.SignOffReview.as_view(), name="api_sign_off_review"),
    path(
        "assessments/<id:pk>/statistics/",
        quizzes_api.AssessmentStatistics.as_view(),
        name="api_assessment_statistics",
    ),
    path("certificates/", certificates_api.CertificateList.as_view(), name="api_certificates"),
    path("certificates/<id:pk>/", certificates_api.CertificateDetail.as_view(), name="api_certificate"),
    path("certificates/<id:pk>/pdf/", certificates_api.CertificatePdf.as_view(), name="api_certificate_pdf"),
    path("certificates/<id:pk>/revoke/", certificates_api.RevokeCertificate.as_view(), name="api_revoke"),
    path("certificates/<id:pk>/correct/", certificates_api.CorrectCertificate.as_view(), name="api_correct"),
    path("certificate-exports/", certificates_api.ExportList.as_view(), name="api_exports"),
    path("certificate-exports/<id:pk>/", certificates_api.ExportDetail.as_view(), name="api_export"),
    path(
        "certificate-exports/<id:pk>/download/",
        certificates_api.ExportDownload.as_view(),
        name="api_export_download",
    ),
    path("leaders-first-exceptions/", certificates_api.GrantException.as_view(), name="api_exceptions"),
    path("verify/<str:code>/", certificates_api.VerifyCertificate.as_view(), name="api_verify"),
    path("teams/", dashboard_api.TeamList.as_view(), name="api_teams"),
    path("teams/<id:pk>/progress/", dashboard_api.TeamProgress.as_view(), name="api_team_progress"),
    path("organisation/compliance/", dashboard_api.Compliance.as_view(), name="api_compliance"),
    path("organisation/cascade/", dashboard_api.Cascade.as_view(), name="api_cascade"),
    path("organisation/expiries/", dashboard_api.Expiries.as_view(), name="api_expiries"),
    path("nudges/", dashboard_api.Nudges.as_view(), name="api_nudges"),
    path("staff-imports/", dashboard_api.StaffImport.as_view(), name="api_staff_imports"),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="lms:api_schema"), name="api_docs"),
]
