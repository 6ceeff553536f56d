"""``manage.py lms_check_questions``: the authoring check over every assessment, for CI and for authors."""

from django.core.management.base import BaseCommand, CommandError

from quizzes.authoring import check_assessment
from quizzes.models import AssessmentPage


class Command(BaseCommand):
    help = (
        "Check every assessment's questions (the latest revision, pools included) for options that give "
        "the answer away by their length, and for repeated options. Exits with status 1 when anything "
        "is flagged."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--assessment", type=int, metavar="ID", help="Check only the assessment page with this id."
        )

    def handle(self, *args, assessment=None, **options):
        pages = AssessmentPage.objects.order_by("path")
        if assessment is not None:
            pages = pages.filter(pk=assessment)
            if not pages.exists():
                raise CommandError(f"No assessment has the id {assessment}.", returncode=2)
        questions = flagged = flagged_assessments = 0
        for page in pages:
            check = check_assessment(page.get_latest_revision_as_object())
            questions += check.questions
            if not check:
                continue
            flagged += check.flagged
            flagged_assessments += 1
            self.stdout.write(self.style.MIGRATE_HEADING(f"{page.title} (id {page.pk})"))
            current = None
            for finding in check.findings:
                if finding.question != current:
                    current = finding.question
                    self.stdout.write(f"  {finding.question}")
                self.stdout.write(f"    - {finding.advice}")
        if flagged:
            raise CommandError(
                f"{flagged} of {questions} question{'s' if questions != 1 else ''} need another look, in "
                f"{flagged_assessments} assessment{'s' if flagged_assessments != 1 else ''}.",
                returncode=1,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"All {questions} question{'s' if questions != 1 else ''} pass: no option gives the "
                "answer away by its length, and no option repeats another."
            )
        )
