from django.core.management.base import BaseCommand
from django.db import transaction

from core.seed.groups import ensure_groups
from core.seed.pages import seed_pages


class Command(BaseCommand):
    help = ("Builds the starting site: the page tree in Hebrew with English translations, "
            "the vision, standing pages and the user groups. Safe to run again.")

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_groups()
        home = seed_pages()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Seed content is in place (home: {home})."))
