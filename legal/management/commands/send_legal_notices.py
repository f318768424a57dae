from django.core.management.base import BaseCommand

from legal.records import Notice
from legal.tasks import send_pending


class Command(BaseCommand):
    help = "Mail the legal-request notices still in the outbox (run every few minutes)."

    def handle(self, *args, **options):
        pending = Notice.objects.filter(sent_at__isnull=True)
        waiting = pending.count()
        sent = send_pending(pending)
        self.stdout.write(f"{sent} of {waiting} notices sent.")
