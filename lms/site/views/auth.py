"""Sign-in with a lockout that explains itself."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView

from lms.core import lockout, throttle


class LockoutAuthenticationForm(AuthenticationForm):
    def clean(self):
        username = self.data.get("username", "")
        ip = throttle.client_key(self.request)
        if lockout.is_locked(username, ip):
            raise forms.ValidationError(lockout.message(), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            lockout.record_failure(username, ip)
            if lockout.is_locked(username, ip):
                raise forms.ValidationError(lockout.message(), code="locked") from None
            raise
        lockout.clear(username, ip)
        return cleaned


class SignInView(LoginView):
    template_name = "lms_site/login.html"
    redirect_authenticated_user = True
    authentication_form = LockoutAuthenticationForm
