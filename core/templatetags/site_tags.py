"""Template tags of the site shell: the localized home, the main menu, language links."""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

register = template.Library()


def _localized_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the reader's language (the Hebrew one when no translation exists)."""
    request = context.get("request")
    return _localized_root(request) if request else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page and its live, public children marked "show in menus". The item of the
    page being read is marked aria-current="page"; an ancestor of it, aria-current="true"."""
    request = context["request"]
    root = _localized_root(request)
    if root is None:
        return {"items": []}
    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    items = [
        {
            "title": _("Home"),
            "url": root.get_url(request),
            "current": "page" if current_path == root.url_path else None,
        }
    ]
    for child in root.get_children().live().public().in_menu():
        if current_path == child.url_path:
            state = "page"
        elif current_path.startswith(child.url_path):
            state = "true"
        else:
            state = None
        items.append({"title": child.title, "url": child.get_url(request), "current": state})
    return {"items": items}


def _live_translations(page):
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in pages}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language. On a page: its published translation (`exact`), or else
    that language's home page. Off the page tree (404, forms): the same path translated."""
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        translations = _live_translations(page)
        homes = _live_translations(_localized_root(request))
    links = []
    for code, name in settings.LANGUAGES:
        if not isinstance(page, Page):
            url, exact = translate_url(request.get_full_path(), code), True
        elif code in translations:
            url, exact = translations[code].get_url(request), True
        else:
            url, exact = homes[code].get_url(request) if code in homes else "/", False
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == get_language(),
                "exact": exact,
            }
        )
    return links


@register.filter
def tel_href(number):
    """An Israeli phone number as a tel: link (03-6925418 → tel:+97236925418)."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("0"):
        digits = "972" + digits[1:]
    return f"tel:+{digits}" if digits else ""
