from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from . import conf


def ensure_hr_group(sender, using="default", **kwargs):
    """Create the HR group with the permission that makes someone HR, after every migrate."""
    # Our handler may run before auth's, so make sure our permissions exist first.
    create_permissions(sender, verbosity=0, using=using)
    group, _ = Group.objects.using(using).get_or_create(name=conf.get("LMS_HR_GROUP"))
    perm = Permission.objects.using(using).filter(content_type__app_label="lms", codename="manage_training")
    group.permissions.add(*perm)


def remember_language(sender, request, user, **kwargs):
    """At each sign-in, keep the person's chosen language in their session for the middleware."""
    from . import languages

    if request is not None and hasattr(request, "session"):
        languages.remember(request, user)
