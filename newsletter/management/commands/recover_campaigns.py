from django.core.management.base import BaseCommand

from newsletter.control import recover_stalled


class Command(BaseCommand):
    help = (
        "Hand campaigns whose worker died to the workers again, and mark what that worker "
        "had claimed as of unknown outcome (run every few minutes)."
    )

    def handle(self, *args, **options):
        handed = recover_stalled()
        self.stdout.write(f"{len(handed)} campaigns handed to the workers again.")
