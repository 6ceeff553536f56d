from django.core.management.base import BaseCommand, CommandError

from certificates.reminders import DailyJobsFailed, ensure_daily_jobs_planned, run_daily


class Command(BaseCommand):
    help = (
        "Run the daily jobs now: expiry reminders, due-soon and overdue notices, leaders' digests. Safe to "
        "run twice (nothing is sent twice), so cron may run it beside the task worker. With --schedule, "
        "run nothing here: start the task worker's own daily run instead (today's now if it has not "
        "happened, then every day at LMS_DAILY_RUN_TIME)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Only make sure the task worker runs the daily jobs (what `make run` does at start).",
        )

    def handle(self, *args, **options):
        if not options["schedule"]:
            try:
                results = run_daily()
            except DailyJobsFailed as error:
                raise CommandError(str(error)) from error
            for name, count in results.items():
                self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(ensure_daily_jobs_planned()))
