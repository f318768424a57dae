from django.core.management.base import BaseCommand

from registrations import booking, reminders


class Command(BaseCommand):
    help = (
        "Run every few minutes: offers of a freed place not taken in time move on to the "
        "next person waiting, and the reminders due before events are sent (once each)."
    )

    def handle(self, *args, **options):
        expired = booking.expire_offers()
        sent = reminders.send_reminders()
        self.stdout.write(f"{expired} offers expired, {sent} reminders sent")
