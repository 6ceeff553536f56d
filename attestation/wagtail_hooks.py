"""How the lower layers reach policy updates without importing them: courses announces each published
policy version, certificates asks for a certificate's policy status on the public check, and the daily
jobs include this app's reminders and question escalation."""

from wagtail import hooks

from . import selectors, services


@hooks.register("lms_policy_version_published")
def policy_version_published(version):
    services.on_policy_version(version)


@hooks.register("lms_certificate_policy_status")
def certificate_policy_status(certificate):
    return selectors.certificate_policy_status(certificate)


@hooks.register("lms_daily_jobs")
def daily_jobs():
    """``(name, fn(today) -> count)``: reminders before a policy update is due, and questions moved up."""
    return ("policy updates and questions", services.daily)
