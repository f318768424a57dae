"""`manage.py restore ARCHIVE`: puts a `backup` archive back, after checking every file
against its manifest, into the configured database and folders or the ones given. Refuses
a database or folder that is not empty unless --force."""

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import backup

from .backup import folders


class Command(BaseCommand):
    help = "Restores a backup archive into an empty database, PRIVATE_ROOT and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database-url", help="default: the site's DATABASE_URL")
        parser.add_argument("--private-root", help="default: PRIVATE_ROOT")
        parser.add_argument("--media-root", help="default: MEDIA_ROOT")
        parser.add_argument(
            "--force", action="store_true", help="overwrite a database or folder in use"
        )

    def handle(self, *args, archive, database_url, private_root, media_root, force, **options):
        database = (
            environ.Env.db_url_config(database_url)
            if database_url
            else settings.DATABASES["default"]
        )
        targets = folders()
        targets["private"] = private_root or targets["private"]
        targets["uploads"] = media_root or targets["uploads"]
        try:
            manifest = backup.restore(archive, database, targets, force=force)
        except backup.BackupError as error:
            raise CommandError(error) from None
        self.stdout.write(
            f"Restored the backup of {manifest['created']} ({len(manifest['sha256'])} files) "
            f"into database {database['NAME']}, {targets['private']} and {targets['uploads']}."
        )
