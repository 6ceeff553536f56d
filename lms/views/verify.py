"""Public certificate verification: anyone holding a code or QR may check it."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from certificates.verification import lookup


@never_cache
def verify_page(request, code):
    result = lookup(code)
    return render(
        request,
        "lms_certificates/verify.html",
        {"result": result, "code": code},
        status=200 if result else 404,
    )
