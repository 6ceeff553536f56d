from django.core.management.base import BaseCommand

from boosters.jobs import send_booster_reminders


class Command(BaseCommand):
    help = (
        "Tell everyone with a booster set waiting (at most once a day; safe to run twice). Also registered "
        "as a daily job through the `lms_daily_jobs` hook for sites whose daily run asks it."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"boosters waiting: {send_booster_reminders()}")
