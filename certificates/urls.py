"""Certificate URLs, included by ``lms.urls`` inside the ``lms`` namespace."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("training/certificates/<id:certificate_id>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("training/certificates/<id:certificate_id>/", views.certificate_detail, name="certificate"),
    path("training/certificates/<id:certificate_id>/revoke/", views.revoke, name="revoke"),
    path("training/certificates/<id:certificate_id>/correct/", views.correct, name="correct"),
    path("training/register/", views.register, name="register"),
    path("training/register/export/", views.start_export, name="start_export"),
    path("training/exports/<id:export_id>/", views.export_status, name="export"),
    path("training/exports/<id:export_id>/retry/", views.retry_export, name="retry_export"),
    path("training/exports/<id:export_id>/download/", views.export_download, name="export_download"),
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify_page, name="verify"),
]

# Under /api/v1/.
api_urlpatterns = [
    path("certificates/", api.CertificateList.as_view(), name="api_certificates"),
    path("certificates/<id:pk>/", api.CertificateDetail.as_view(), name="api_certificate"),
    path("certificates/<id:pk>/pdf/", api.CertificatePdf.as_view(), name="api_certificate_pdf"),
    path("certificates/<id:pk>/revoke/", api.RevokeCertificate.as_view(), name="api_revoke"),
    path("certificates/<id:pk>/correct/", api.CorrectCertificate.as_view(), name="api_correct"),
    path("certificate-exports/", api.ExportList.as_view(), name="api_exports"),
    path("certificate-exports/<id:pk>/", api.ExportDetail.as_view(), name="api_export"),
    path("certificate-exports/<id:pk>/download/", api.ExportDownload.as_view(), name="api_export_download"),
    path("leaders-first-exceptions/", api.GrantException.as_view(), name="api_exceptions"),
    path("verify/<str:code>/", api.VerifyCertificate.as_view(), name="api_verify"),
]
