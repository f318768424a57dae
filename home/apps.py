from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and standing pages")

    def seed(self, seeding):
        """The home page, the vision and the standing pages: this app's part of `manage.py seed`."""
        from .seed import seed_home  # imports models, so not before the app registry is ready

        seed_home(seeding.english)
