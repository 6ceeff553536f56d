from django.core.management.base import BaseCommand

from certificates.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = (
        "Remind holders and their leaders about certificates nearing expiry (in the app, and by email for "
        "those who want it). Part of `manage.py lms_daily`, which the task worker also runs every day."
    )

    def handle(self, *args, **options):
        sent = send_expiry_reminders()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} expiry reminder{'s' if sent != 1 else ''}."))
