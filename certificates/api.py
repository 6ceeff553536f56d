"""API for certificates, verification, leaders-first exceptions and bulk exports."""

import logging

from django.contrib.auth import get_user_model
from django.http import FileResponse, HttpResponse
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response

from courses.services import get_course
from lms.core import roles
from lms.core.api.fields import IdField
from lms.core.api.query import FilterParameters, QueryChoice, QueryCount, QueryId, QueryText
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin
from lms.core.exceptions import LMSError, NotFound
from lms.core.throttle import ClientRateThrottle

from . import services
from .models import Certificate, CertificateExport
from .register import MAX_DAYS, POLICY_UPDATES, STATUSES, clean_filters, filtered
from .verification import lookup, verify_url

logger = logging.getLogger(__name__)
ERRORS = dict.fromkeys((400, 401, 403, 404, 409), ErrorSerializer)


class CertificateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    course = serializers.CharField(help_text="The course title as printed.")
    course_id = serializers.IntegerField(allow_null=True)
    holder = serializers.CharField(help_text="The holder's name as printed.")
    status = serializers.ChoiceField(choices=Certificate.Status.choices)
    issued_on = serializers.DateField()
    expires_on = serializers.DateField(allow_null=True)
    awareness_score = serializers.IntegerField(allow_null=True)
    skill_score = serializers.IntegerField(allow_null=True)
    policy_versions = serializers.ListField(child=serializers.DictField())
    renewal_of = serializers.IntegerField(allow_null=True)
    replaces = serializers.IntegerField(allow_null=True)
    verify_url = serializers.CharField()
    pdf_url = serializers.CharField()
    has_pdf = serializers.BooleanField(
        help_text="False for a revoked or replaced certificate: its PDF is refused."
    )


def certificate_data(c: Certificate, request) -> dict:
    return {
        "id": c.pk,
        "code": c.code,
        "course": c.course_title,
        "course_id": c.course_id,
        "holder": c.holder_name,
        "status": c.status,
        "issued_on": c.issued_on,
        "expires_on": c.expires_on,
        "awareness_score": c.awareness_score,
        "skill_score": c.skill_score,
        "policy_versions": c.policy_versions,
        "renewal_of": c.renewal_of_id,
        "replaces": c.replaces_id,
        "verify_url": verify_url(c),
        "pdf_url": request.build_absolute_uri(reverse("lms:api_certificate_pdf", kwargs={"pk": c.pk})),
        "has_pdf": c.has_pdf,
    }


# The register searches the first 100 characters; the API refuses more rather than cut them silently.
MAX_SEARCH_LENGTH = 100


class CertificateQuery(FilterParameters):
    """The register's filters as the API takes them (the register checks them again, with the page's
    and the exports' own, and looks the team up)."""

    team = QueryId(help_text="HR: holders in this team or any team below it.")
    course = QueryId(help_text="HR: certificates for this course id.")
    status = QueryChoice(STATUSES, help_text="HR: certificates in this state (a replaced one is revoked).")
    expires_within = QueryCount(
        max_value=MAX_DAYS, help_text="HR: current certificates expiring within this many days."
    )
    q = QueryText(max_length=MAX_SEARCH_LENGTH, help_text="HR: search holder name or course title.")
    policy_update = QueryChoice(
        POLICY_UPDATES,
        help_text="HR: certificates whose holder owes a policy update: any, update_due or overdue.",
    )


class CertificateList(SignedInAPIView):
    @extend_schema(
        operation_id="certificates_list",
        parameters=[CertificateQuery],
        responses={
            200: CertificateSerializer(many=True),
            **ERRORS,
            400: OpenApiResponse(
                ErrorSerializer, description="`invalid_filter`: a filter value out of bounds, naming it."
            ),
        },
    )
    def get(self, request):
        """Your certificates; for HR, everyone's, filterable (a bad filter value is a 400 naming it)."""
        CertificateQuery.read(request)
        filters = clean_filters(request.query_params)
        qs = filtered(filters)
        if not roles.is_hr(request.user):
            qs = qs.filter(holder=request.user)
        return Response([certificate_data(c, request) for c in qs[:1000]])


class CertificateDetail(SignedInAPIView):
    @extend_schema(operation_id="certificates_retrieve", responses={200: CertificateSerializer, **ERRORS})
    def get(self, request, pk):
        return Response(
            certificate_data(services.visible_certificate(user=request.user, certificate_id=pk), request)
        )


class CertificatePdf(SignedInAPIView):
    @extend_schema(
        operation_id="certificates_pdf",
        responses={(200, "application/pdf"): bytes, 410: ErrorSerializer, 503: ErrorSerializer, **ERRORS},
    )
    def get(self, request, pk):
        """The certificate as a PDF (rendered once, then served from storage)."""
        from .pdf import pdf_for

        certificate = services.printable_certificate(user=request.user, certificate_id=pk)
        try:
            pdf = pdf_for(certificate)
        except Exception:
            # The certificate stands whatever happens to its PDF; say so and let the caller retry.
            logger.exception("Rendering the PDF of certificate %s failed", certificate.pk)
            raise LMSError(
                "The PDF could not be made just now. The certificate itself is valid; try again shortly.",
                code="pdf_unavailable",
                status=503,
            ) from None
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code[:8]}.pdf"'
        return response


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class RevokeCertificate(SignedInAPIView):
    @extend_schema(
        operation_id="certificates_revoke",
        request=ReasonSerializer,
        responses={200: CertificateSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """HR: revoke with a reason. The record stays and verifies as revoked."""
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        certificate = services.revoke(
            certificate_id=pk,
            by=request.user,
            reason=data.validated_data["reason"],
            origin=Origin.of(request),
        )
        return Response(certificate_data(certificate, request))


class CorrectionSerializer(ReasonSerializer):
    holder_name = serializers.CharField(max_length=200, required=False)


class CorrectCertificate(SignedInAPIView):
    @extend_schema(
        operation_id="certificates_correct",
        request=CorrectionSerializer,
        responses={201: CertificateSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """HR: issue a corrected certificate that replaces this one."""
        data = CorrectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        new = services.correct(
            certificate_id=pk,
            by=request.user,
            holder_name=data.validated_data.get("holder_name"),
            reason=data.validated_data["reason"],
            origin=Origin.of(request),
        )
        return Response(certificate_data(new, request), status=status.HTTP_201_CREATED)


class VerifyThrottle(ClientRateThrottle):
    # Keyed on the client's address as lms.core.client reads it (trusted proxies only): DRF's own key
    # believes any X-Forwarded-For, so a guesser could take a fresh bucket for every request.
    scope = "lms_verify"
    rate = "30/min"


class PolicyStatusSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    version = serializers.IntegerField(help_text="The version covered now: as issued or later, confirmed.")
    current_version = serializers.IntegerField(allow_null=True, help_text="The policy's version today.")
    attested = serializers.BooleanField(help_text="The holder confirmed a newer version than issued.")
    status = serializers.ChoiceField(
        choices=["current", "update_due", "overdue"],
        help_text="A policy update is due, or past its due date (the certificate is not revoked for it).",
    )


class VerificationSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.ChoiceField(choices=["valid", "expiring", "expired", "revoked"])
    holder = serializers.CharField()
    course = serializers.CharField()
    issued_on = serializers.DateField()
    expires_on = serializers.DateField(allow_null=True)
    organisation = serializers.CharField(
        allow_blank=True, help_text="Who awards the certificate (LMS_ORGANISATION_NAME)."
    )
    policies = PolicyStatusSerializer(many=True)


class VerifyCertificate(SignedInAPIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [VerifyThrottle]

    @extend_schema(
        operation_id="verify_retrieve",
        auth=[],
        responses={200: VerificationSerializer, 404: ErrorSerializer, 429: ErrorSerializer},
    )
    def get(self, request, code):
        """Public: check a certificate by its code. Guessing is throttled."""
        result = lookup(code)
        if result is None:
            raise NotFound("No certificate has this code.", code="not_found")
        return Response({"code": code, **{k: v for k, v in result.items() if k != "replaced"}})


class ExceptionSerializer(serializers.Serializer):
    person = IdField()
    course = IdField()
    reason = serializers.CharField(max_length=2000)


class GrantException(SignedInAPIView):
    @extend_schema(
        operation_id="leaders_first_exceptions_create",
        request=ExceptionSerializer,
        responses={201: ExceptionSerializer, **ERRORS},
    )
    def post(self, request):
        """HR: let one person start a leaders-first course before their leader is certified (logged)."""
        data = ExceptionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        person = get_user_model().objects.filter(pk=data.validated_data["person"]).first()
        if person is None:
            raise NotFound(
                f"There is no person with id {data.validated_data['person']}.", code="user_not_found"
            )
        services.grant_exception(
            person=person,
            course=get_course(data.validated_data["course"]),
            by=request.user,
            reason=data.validated_data["reason"],
            origin=Origin.of(request),
        )
        return Response(data.validated_data, status=status.HTTP_201_CREATED)


class ExportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=CertificateExport.State.choices)
    filters = serializers.DictField()
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    percent = serializers.IntegerField()
    error = serializers.CharField(allow_blank=True)
    download_url = serializers.CharField(allow_null=True)


def export_data(export: CertificateExport, request) -> dict:
    ready = export.state == CertificateExport.State.DONE and bool(export.file)
    return {
        "id": export.pk,
        "state": export.state,
        "filters": export.filters,
        "total": export.total,
        "done": export.done,
        "percent": export.percent,
        "error": export.error,
        "download_url": request.build_absolute_uri(
            reverse("lms:api_export_download", kwargs={"pk": export.pk})
        )
        if ready
        else None,
    }


class ExportFiltersSerializer(serializers.Serializer):
    filters = serializers.DictField(required=False, default=dict, help_text="The register filters to export.")


class ExportList(SignedInAPIView):
    @extend_schema(
        operation_id="certificate_exports_list", responses={200: ExportSerializer(many=True), **ERRORS}
    )
    def get(self, request):
        return Response(
            [
                export_data(e, request)
                for e in CertificateExport.objects.filter(requested_by=request.user)[:50]
            ]
        )

    @extend_schema(
        operation_id="certificate_exports_create",
        request=ExportFiltersSerializer,
        responses={202: ExportSerializer, **ERRORS},
    )
    def post(self, request):
        """HR: build a ZIP of every PDF matching the filters, plus a CSV register, in the background."""
        data = ExportFiltersSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        CertificateQuery.check(data.validated_data["filters"])  # the register checks them again, by name
        export = services.request_export(
            user=request.user, filters=data.validated_data["filters"], origin=Origin.of(request)
        )
        return Response(export_data(export, request), status=status.HTTP_202_ACCEPTED)


class ExportDetail(SignedInAPIView):
    @extend_schema(operation_id="certificate_exports_retrieve", responses={200: ExportSerializer, **ERRORS})
    def get(self, request, pk):
        """Progress of an export, and its download link once ready."""
        return Response(export_data(services.own_export(user=request.user, export_id=pk), request))


class ExportDownload(SignedInAPIView):
    @extend_schema(
        operation_id="certificate_exports_download", responses={(200, "application/zip"): bytes, **ERRORS}
    )
    def get(self, request, pk):
        export = services.own_export(user=request.user, export_id=pk)
        if export.state != CertificateExport.State.DONE or not export.file:
            raise LMSError("This export is not ready yet.", code="export_not_ready", status=409)
        return FileResponse(
            export.file.open("rb"), as_attachment=True, filename=f"certificates-{export.pk}.zip"
        )
