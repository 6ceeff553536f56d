"""Issue a certificate the moment the last requirement is met."""

from django.db import transaction


def on_attempt_graded(sender, attempt, **kwargs):
    from .services import issue_if_eligible

    issue_if_eligible(user=attempt.learner, course=attempt.course)


def on_modules_completed(sender, enrolment, **kwargs):
    from .services import issue_if_eligible

    transaction.on_commit(lambda: issue_if_eligible(user=enrolment.user, course=enrolment.course))
