"""Makes sure a local administrator exists and says how to log in. For development only:
`make run` calls it. The generated password is kept in var/ (git-ignored) so that it can be
printed again on the next run."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
CREDENTIALS_FILE = settings.VAR_DIR / "admin-password.txt"


class Command(BaseCommand):
    help = "Creates the local 'admin' superuser if missing and prints how to log in (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(USERNAME, "admin@localhost", password)
            CREDENTIALS_FILE.parent.mkdir(parents=True, exist_ok=True)
            CREDENTIALS_FILE.write_text(password)
            CREDENTIALS_FILE.chmod(0o600)
        elif CREDENTIALS_FILE.exists():
            password = CREDENTIALS_FILE.read_text().strip()
        else:
            password = None
        self.stdout.write(
            f"Admin: {url}  user: {USERNAME}  password: "
            + (
                password
                or "(unchanged; reset it with `.venv/bin/python manage.py changepassword admin`)"
            )
        )
