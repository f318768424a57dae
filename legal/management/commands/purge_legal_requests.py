from django.conf import settings
from django.core.management.base import BaseCommand

from legal.retention import purge


class Command(BaseCommand):
    help = (
        "Delete closed legal requests and their files once LEGAL_RETENTION_DAYS have passed "
        "since closing (run daily)."
    )

    def handle(self, *args, **options):
        purged = purge()
        days = settings.LEGAL_RETENTION_DAYS
        self.stdout.write(f"{len(purged)} requests closed over {days} days ago deleted.")
        for reference in purged:
            self.stdout.write(f"  {reference}")
