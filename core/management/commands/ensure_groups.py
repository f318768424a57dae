from django.core.management.base import BaseCommand

from core.seed.groups import ensure_groups


class Command(BaseCommand):
    help = (
        "Creates the user groups and grants the permissions the code gives them (core's and "
        "each app's `group_permissions`); never removes a permission. Part of the release: "
        "a new version's permissions reach an existing site."
    )

    def handle(self, *args, **options):
        ensure_groups()
