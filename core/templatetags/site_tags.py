"""Template tags of the site shell: the localized home, the main menu, language links."""

import re
from collections import defaultdict

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, Site

from core import page_cache
from core.models import SiteSettings
from core.pages import localized as localize_pages
from core.pages import unrestricted

register = template.Library()


def _translations(context):
    """The live translations, by translation key and then language code, of every page
    the site shell links to: the page being read, the home page and the footer's pages.
    One query per request, shared by the header, the language links and the footer."""
    request = context["request"]
    if not hasattr(request, "_shell_translations"):
        translations = defaultdict(dict)
        site = Site.find_for_request(request)
        if site is not None:
            contact = SiteSettings.for_request(request)
            page = context.get("page")
            linked = [site.root_page, contact.accessibility_page, contact.privacy_page]
            linked.append(page if isinstance(page, Page) else None)
            keys = {p.translation_key for p in linked if p is not None}
            pages = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
            for p in pages:
                translations[p.translation_key][p.locale.language_code] = p
        request._shell_translations = translations
    return request._shell_translations


def _localized(context, page):
    """`page.localized` (its live translation in the reader's language, else itself)."""
    return _translations(context)[page.translation_key].get(get_language(), page)


def _localized_root(context):
    site = Site.find_for_request(context["request"])
    return _localized(context, site.root_page) if site else None


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the reader's language (the Hebrew one when no translation exists)."""
    return _localized_root(context) if context.get("request") else None


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The footer's standing pages (site settings) in the reader's language, live ones."""
    contact = SiteSettings.for_request(context["request"])
    pages = (contact.accessibility_page, contact.privacy_page)
    localized = [_localized(context, page) for page in pages if page is not None]
    return [page for page in localized if page.live]


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page and its live, public children marked "show in menus". The item of the
    page being read is marked aria-current="page"; an ancestor of it, aria-current="true"."""
    request = context["request"]
    root = _localized_root(context)
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
    for child in unrestricted(root.get_children().live().in_menu()):
        if current_path == child.url_path:
            state = "page"
        elif current_path.startswith(child.url_path):
            state = "true"
        else:
            state = None
        items.append({"title": child.title, "url": child.get_url(request), "current": state})
    return {"items": items}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language. On a page: its published translation (`exact`), or else
    that language's home page. Off the page tree (404, forms): the same path translated."""
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        translations = _translations(context)[page.translation_key]
        homes = _translations(context)[Site.find_for_request(request).root_page.translation_key]
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


@register.simple_tag(takes_context=True)
def feed_links(context):
    """(title, MIME type, address) of the feeds the apps announce on every page
    (`register_feed_links` hooks, functions of the request), in the reader's language;
    looked up once per language until content changes."""
    request = context.get("request")
    if request is None:
        return []
    return page_cache.remembered(
        f"feed-links:{get_language()}",
        lambda: [link for hook in hooks.get_hooks("register_feed_links") for link in hook(request)],
    )


@register.filter
def localized(page):
    """`page.localized`, without Wagtail's separate query for the reader's locale."""
    return localize_pages([page])[0]


@register.filter
def tel_href(number):
    """An Israeli phone number as a tel: link (03-6925418 → tel:+97236925418)."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("0"):
        digits = "972" + digits[1:]
    return f"tel:+{digits}" if digits else ""


@register.filter
def isolate(text):
    """`text` between Unicode FSI and PDI marks, as <bdi> does in markup: a Hebrew name in
    an English sentence (or an email address in a Hebrew one) keeps its own direction and
    does not reorder the words around it."""
    return f"\u2068{text}\u2069" if text else text
