from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legal advice")
    default_auto_field = "django.db.models.BigAutoField"

    def seed(self, seeding):
        """The legal request page: this app's part of `manage.py seed`."""
        from .seed import seed_legal  # imports models, so not before the app registry is ready

        seed_legal(seeding.home, seeding.english)
