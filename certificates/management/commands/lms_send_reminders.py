from django.core.management.base import BaseCommand

from certificates.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = (
        "Email holders and their leaders about certificates nearing expiry. Run daily (cron or a scheduler)."
    )

    def handle(self, *args, **options):
        sent = send_expiry_reminders()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} expiry reminder{'s' if sent != 1 else ''}."))
