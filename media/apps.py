from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Media and outreach")

    def ready(self):
        from . import signals  # imports models, so not before the app registry is ready

        signals.connect()

    def seed(self, seeding):
        """The media section: this app's part of `manage.py seed`."""
        from .seed import seed_media  # imports models, so not before the app registry is ready

        seed_media(seeding.home, seeding.english)
