"""`manage.py backup`: the database, the legal files and the uploads in one timestamped
archive (core/backup.py), for cron. Prints the archive's path."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = "Writes the database, PRIVATE_ROOT and MEDIA_ROOT into one archive (owner-only)."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=settings.VAR_DIR / "backups")

    def handle(self, *args, output_dir, **options):
        for name in ("S3_PRIVATE_BUCKET", "S3_BUCKET"):
            if getattr(settings, name):
                self.stderr.write(
                    f"{name}: those files are in the bucket, not in this archive; "
                    "see docs/operations.md, Backups."
                )
        try:
            path = backup.create(output_dir, settings.DATABASES["default"], folders())
        except backup.BackupError as error:
            raise CommandError(error) from None
        self.stdout.write(str(path))


def folders():
    return {"private": settings.PRIVATE_ROOT, "uploads": settings.MEDIA_ROOT}
