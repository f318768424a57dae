from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from .converters import IdConverter


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        # page_cache imports Wagtail's models, which need the app registry this method waits for.
        from . import page_cache

        page_cache.connect_signals()
        # Before any URL pattern is read: core is the first app, and the URL confs and
        # wagtail_hooks modules are imported only after the apps are ready.
        register_converter(IdConverter, "id")
