from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("HQ updates")

    def seed(self, seeding):
        """The HQ updates: this app's part of `manage.py seed`."""
        from .seed import seed_news  # imports models, so not before the app registry is ready

        seed_news(seeding.home, seeding.english)
