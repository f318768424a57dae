from django.core.management.base import BaseCommand

from enrollment.retention import purge


class Command(BaseCommand):
    help = (
        "Delete enrollments never confirmed after ENROLLMENT_PENDING_DAYS and confirmed ones "
        "after ENROLLMENT_RETENTION_DAYS since their confirmation (run daily)."
    )

    def handle(self, *args, **options):
        counts = purge()
        pending, confirmed = counts["pending"], counts["confirmed"]
        self.stdout.write(f"{pending} unconfirmed and {confirmed} expired enrollments deleted.")
