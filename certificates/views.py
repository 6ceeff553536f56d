"""Certificates in the browser: a holder's PDF, HR's register with bulk exports, the public check."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from certificates import services
from certificates.models import Certificate, CertificateExport
from certificates.register import POLICY_UPDATE_LABELS, clean_filters, filtered, policy_update_states
from certificates.verification import lookup, policy_status, verify_url
from courses.models import CoursePage
from lms.core import roles, throttle
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.models import Team

logger = logging.getLogger(__name__)


@login_required
def certificate_pdf(request, certificate_id):
    from certificates.pdf import pdf_for

    try:
        certificate = services.visible_certificate(user=request.user, certificate_id=certificate_id)
    except LMSError as error:
        raise Http404(error.message) from None
    try:
        services.printable_certificate(user=request.user, certificate_id=certificate.pk)
    except LMSError as error:
        context = {"certificate": certificate, "message": error.message}
        return render(request, "lms_certificates/pdf_refused.html", context, status=error.status)
    try:
        pdf = pdf_for(certificate)
    except Exception:
        logger.exception("Rendering the PDF of certificate %s failed", certificate.pk)
        return render(
            request, "lms_certificates/pdf_unavailable.html", {"certificate": certificate}, status=503
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code[:8]}.pdf"'
    return response


@login_required
def register(request):
    roles.require_hr(request.user, _("The certificate register is for HR."))
    error = None
    try:
        filters = clean_filters(request.GET)
    except LMSError as exc:
        error, filters = exc.message, None
    page = None
    if filters is not None:
        page = Paginator(filtered(filters), 50).get_page(request.GET.get("page"))
        # One query for the page's policy updates (never one per row).
        page.object_list = list(page.object_list)
        updates = policy_update_states(c.pk for c in page.object_list)
        for certificate in page.object_list:
            certificate.policy_update = updates.get(certificate.pk)
            certificate.policy_update_label = POLICY_UPDATE_LABELS.get(certificate.policy_update, "")
    return render(
        request,
        "lms_certificates/register.html",
        {
            "page": page,
            "error": error,
            "filters": request.GET,
            "teams": Team.objects.order_by("name"),
            "courses": CoursePage.objects.live().order_by("title"),
            "statuses": [
                (s, Certificate.Status(s).label) for s in ("valid", "expiring", "expired", "revoked")
            ],
            "policy_updates": list(POLICY_UPDATE_LABELS.items()),
            "query": request.GET.urlencode(),
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def start_export(request):
    roles.require_hr(request.user, _("The certificate register is for HR."))
    params = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken" and v != ""}
    try:
        export = services.request_export(user=request.user, filters=params, origin=Origin.of(request))
    except LMSError as error:
        messages.error(request, error.message)
        return redirect("lms:register")
    return redirect("lms:export", export_id=export.pk)


def _own_export(request, export_id):
    roles.require_hr(request.user, _("The certificate register is for HR."))
    try:
        return services.own_export(user=request.user, export_id=export_id)
    except LMSError as error:
        raise Http404(error.message) from None


@login_required
def export_status(request, export_id):
    return render(request, "lms_certificates/export.html", {"export": _own_export(request, export_id)})


@login_required
@require_POST
def retry_export(request, export_id):
    try:
        services.retry_export(user=request.user, export_id=export_id)
    except LMSError as error:
        messages.error(request, error.message)
    return redirect("lms:export", export_id=export_id)


@login_required
def export_download(request, export_id):
    export = _own_export(request, export_id)
    if export.state != CertificateExport.State.DONE or not export.file:
        raise Http404(_("This export is not ready yet."))
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=f"certificates-{export.pk}.zip")


@login_required
def certificate_detail(request, certificate_id):
    """One certificate: the holder's moment when it is issued, anyone's record, HR's revoke and correct."""
    return _detail(request, _visible(request, certificate_id))


def _visible(request, certificate_id):
    """A certificate the caller may see; anyone else's is a plain 404."""
    try:
        return services.visible_certificate(user=request.user, certificate_id=certificate_id)
    except LMSError as error:
        raise Http404(error.message) from None


def _policy_updates_url() -> str:
    """Where a holder confirms a policy update (the attestation app's page), if that app is installed."""
    try:
        return reverse("lms:policy_updates")
    except NoReverseMatch:
        return ""


def _detail(request, certificate, *, errors=None, status=200):
    hr = roles.is_hr(request.user)
    context = {
        "certificate": certificate,
        # The same rule as the public check and HR's register: the lms_certificate_policy_status hook.
        "policies": policy_status(certificate),
        "policy_updates_url": _policy_updates_url(),
        "is_holder": certificate.holder_id == request.user.pk,
        "just_issued": request.GET.get("issued") == "1" and certificate.holder_id == request.user.pk,
        "can_manage": hr and certificate.is_current,
        "verify_url": verify_url(certificate),
        "errors": errors or {},
        "posted": request.POST if request.method == "POST" else {},
    }
    return render(request, "lms_certificates/certificate.html", context, status=status)


def _confirmed(request) -> bool:
    return request.POST.get("confirm") == "yes"


@login_required
@require_POST
def revoke(request, certificate_id):
    certificate = _visible(request, certificate_id)
    if not _confirmed(request):
        error = _("Tick the box to confirm: a revoked certificate cannot be restored.")
        return _detail(request, certificate, errors={"revoke": error}, status=400)
    try:
        services.revoke(
            certificate_id=certificate.pk,
            by=request.user,
            reason=request.POST.get("reason", ""),
            origin=Origin.of(request),
        )
    except LMSError as error:
        return _detail(request, certificate, errors={"revoke": error.message}, status=error.status)
    messages.success(request, _("Certificate revoked. It now verifies as revoked, and its reason is kept."))
    return redirect(request.POST.get("next") or "lms:register")


@login_required
@require_POST
def correct(request, certificate_id):
    certificate = _visible(request, certificate_id)
    if not _confirmed(request):
        error = _("Tick the box to confirm: the correction replaces this certificate.")
        return _detail(request, certificate, errors={"correct": error}, status=400)
    try:
        new = services.correct(
            certificate_id=certificate.pk,
            by=request.user,
            holder_name=request.POST.get("holder_name", "").strip() or None,
            reason=request.POST.get("reason", ""),
            origin=Origin.of(request),
        )
    except LMSError as error:
        return _detail(request, certificate, errors={"correct": error.message}, status=error.status)
    messages.success(request, _("Correction issued. The old certificate now verifies as replaced."))
    return redirect("lms:certificate", certificate_id=new.pk)


VERIFY_LIMIT_PER_MINUTE = 30


@never_cache
def verify_page(request, code):
    """Public: a certificate's check page, as printed and QR-encoded on it. Guessing is throttled; an
    unknown code answers 404 with the form to try another."""
    if not throttle.allow(f"verify:{throttle.client_key(request)}", limit=VERIFY_LIMIT_PER_MINUTE):
        return _verify_response(request, {"throttled": True, "code": code}, status=429)
    result = lookup(code)
    return _verify_response(request, {"result": result, "code": code}, status=200 if result else 404)


@never_cache
def verify_form(request):
    """Public: /verify/ asks for the code printed on a certificate; /verify/?code=… goes to its page.

    What was typed is forgiving of what people copy: "Code abc" as printed, or the whole check URL.
    """
    if "code" not in request.GET:
        return _verify_response(request, {"asking": True}, status=200)
    typed = request.GET["code"].strip()
    # The code is the last word, and of a URL the last part of its path (a code has no space or slash).
    code = typed.split()[-1].rstrip("/").rsplit("/", 1)[-1] if typed else ""
    if not code:
        error = _("Enter the certificate’s code first: it is printed under the QR code.")
        return _verify_response(request, {"asking": True, "form_error": error, "code": typed}, status=400)
    return redirect("lms:verify", code=code)


def _verify_response(request, context: dict, *, status: int):
    from lms.core import conf

    context = {"organisation": conf.organisation_name(), **context}
    return render(request, "lms_certificates/verify.html", context, status=status)
