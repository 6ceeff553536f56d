from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from lms.core import conf
from project.demo.content.build_assessments import build_assessments
from project.demo.content.build_courses import build_curriculum
from project.demo.evidence import build_demo_evidence
from project.demo.one_message import build_one_message
from project.demo.organisation import (
    DEMO_PASSWORD,
    build_demo_activity,
    build_organisation,
    issue_demo_certificates,
)

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = (
        "Build the demo organisation and starter curriculum. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        if not conf.get("LMS_DEMO_ENABLED"):
            raise CommandError(
                "The demo creates accounts with a published password, so it only runs where "
                "LMS_DEMO_ENABLED = True (the dev and test settings)."
            )
        # Building pages enqueues a few hundred search and reference-index updates; run them here rather
        # than leave the task worker a backlog that would hold up the first real export on `make run`.
        with override_settings(TASKS=IMMEDIATE_TASKS):
            org = build_organisation()
            content = build_curriculum()
            assessments = build_assessments()
            issue_demo_certificates()
            build_demo_activity()
            build_demo_evidence()  # after the certificates: checks need a certified or HR checker
            build_one_message()  # policy updates, questions, boosters, feedback; courses in progress
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {len(org['users'])} people in {len(org['teams'])} teams, "
                f"{len(content['courses'])} courses, {len(assessments)} assessments. Sign in as hr, head, "
                f"leader, employee, leader2, employee2, author or admin with the password {DEMO_PASSWORD}."
            )
        )
