"""Prints the nginx site for this deployment, from config/nginx.conf.template, with the
folders of the settings in force (STATIC_ROOT, MEDIA_ROOT, PRIVATE_ROOT and
PRIVATE_ACCEL_PREFIX). One template for the documented configuration and the production
topology's end-to-end run (tests/deploy/), so the two cannot drift."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template import Context, Engine

TEMPLATE = settings.BASE_DIR / "config" / "nginx.conf.template"


class Command(BaseCommand):
    help = "Prints the nginx configuration of the site (docs/operations.md, 'nginx in front')."

    def add_arguments(self, parser):
        parser.add_argument("--server-name", required=True)
        parser.add_argument("--certificate", required=True, help="TLS certificate chain")
        parser.add_argument("--certificate-key", required=True)
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="gunicorn's address")
        parser.add_argument("--https-listen", default="443")
        parser.add_argument("--http-listen", default="80")

    def handle(self, *args, **options):
        if not settings.PRIVATE_ACCEL_PREFIX:
            raise CommandError(
                "Set PRIVATE_ACCEL_PREFIX (e.g. /_private/): behind nginx, the legal "
                "requests' files are sent by nginx."
            )
        values = {
            **options,
            "static_root": settings.STATIC_ROOT,
            "media_root": settings.MEDIA_ROOT,
            "private_root": settings.PRIVATE_ROOT,
            "accel_prefix": "/" + settings.PRIVATE_ACCEL_PREFIX.strip("/") + "/",
        }
        engine = Engine(autoescape=False)
        self.stdout.write(
            engine.from_string(TEMPLATE.read_text()).render(Context(values)), ending=""
        )
