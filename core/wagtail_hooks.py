from django.db import models
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from . import page_cache, slugs


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
