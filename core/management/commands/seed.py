from django.core.management.base import BaseCommand

from core.seed.groups import ensure_groups, name_the_approval_workflow
from core.seed.seeding import seed_every_app
from core.seed.site_address import point_default_site_at_base_url


class Command(BaseCommand):
    help = (
        "Builds the starting site: the user groups, then each app's demo content (the page "
        "tree in Hebrew with English translations), and points the default site at "
        "WAGTAILADMIN_BASE_URL. Safe to run again."
    )

    # Not one transaction: wagtail-localize publishes a translation on commit, from the page
    # as it was then; deferred to the end of one big transaction, that stale copy would
    # overwrite the English home's child count and hide its subpages. Each step is
    # idempotent instead, so an interrupted seed is completed by running it again.
    def handle(self, *args, **options):
        ensure_groups()
        name_the_approval_workflow()
        home = seed_every_app()
        point_default_site_at_base_url()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Seed content is in place (home: {home})."))
