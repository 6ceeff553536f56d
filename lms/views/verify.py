"""Public certificate verification: anyone holding a code or QR may check it."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from certificates.verification import lookup
from lms import throttle

VERIFY_LIMIT_PER_MINUTE = 30


@never_cache
def verify_page(request, code):
    if not throttle.allow(f"verify:{throttle.client_ip(request)}", limit=VERIFY_LIMIT_PER_MINUTE):
        return render(request, "lms_certificates/verify.html", {"throttled": True, "code": code}, status=429)
    result = lookup(code)
    return render(
        request,
        "lms_certificates/verify.html",
        {"result": result, "code": code},
        status=200 if result else 404,
    )
