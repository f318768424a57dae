from django.conf import settings
from django.db import models
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import SlugInput

from . import page_cache, slugs
from .editors_guide import EditorsGuideView


class TransliteratingSlugInput(SlugInput):
    """Wagtail's slug field, transliterating Hebrew as the editor types the title."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or slugs.RULES, locale=locale)


register_form_field_override(models.SlugField, override={"widget": TransliteratingSlugInput})


@hooks.register("before_serve_page")
def pages_are_public(page, request, serve_args, serve_kwargs):
    """Every page may be kept in the page cache. Restricted pages are not: Wagtail answers
    a visitor who may not see one with a redirect or a password form, and one who may with
    never-cache headers, and neither is stored (core/page_cache.py)."""
    page_cache.allow(request)


@hooks.register("register_admin_urls")
def editors_guide_url():
    return [path("guide/", EditorsGuideView.as_view(), name="editors_guide")]


@hooks.register("construct_help_menu")
def our_guide_instead_of_wagtails(request, menu_items):
    """Wagtail's Help menu links to its English guide and release notes on its own site;
    ours links to the guide to this site's screens, in Hebrew."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.append(
        MenuItem(_("Editors' guide"), reverse("editors_guide"), icon_name="help", order=100)
    )


@hooks.register("construct_homepage_panels")
def no_wagtail_release_notes(request, panels):
    """The dashboard's "What's new in Wagtail" banner is for Wagtail's users at large, in
    English; HQ's editors learn of changes from the guide."""
    panels[:] = [p for p in panels if getattr(p, "name", "") != "whats_new_in_wagtail_version"]


@hooks.register("insert_global_admin_css")
def editor_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin/editor.css"))


@hooks.register("insert_global_admin_js")
def editor_script():
    """The admin's editors, mended (core/static/core/admin/editor.js): fields in the page's
    language and direction, names for controls Wagtail leaves unnamed, and the texts
    wagtail-localize writes in English."""
    return format_html(
        '<script src="{}" data-rtl-languages="{}"></script>',
        static("core/admin/editor.js"),
        " ".join(settings.LANGUAGES_BIDI),
    )
