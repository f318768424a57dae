"""Template tags of the site shell: the localized home, the main menu, language links, and
fragments kept until content changes."""

import re
from collections import defaultdict

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, Site

from core import shell_cache
from core.models import SiteSettings
from core.pages import localized as localize_pages
from core.pages import unrestricted

register = template.Library()


def _shell(context):
    """The site shell's links in the reader's language, or None off any site: the home
    page's address, the main menu's items, the footer's standing pages and every
    language's home page. Built in two queries, kept until content changes."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = ("shell", site.pk, get_language())
    return shell_cache.kept(request, key, lambda: _shell_links(request, site))


def _shell_links(request, site):
    contact = SiteSettings.for_request(request)
    standing = [p for p in (contact.accessibility_page, contact.privacy_page) if p is not None]
    translations = defaultdict(dict)
    keys = {site.root_page.translation_key, *(p.translation_key for p in standing)}
    for page in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        translations[page.translation_key][page.locale.language_code] = page

    def in_language(page):  # page.localized: its live translation, else itself
        return translations[page.translation_key].get(get_language(), page)

    root = in_language(site.root_page)
    menu = [(_("Home"), root.get_url(request), root.url_path)]
    for child in unrestricted(root.get_children().live().in_menu()):
        menu.append((child.title, child.get_url(request), child.url_path))
    footer = [(p.title, p.get_url(request)) for p in map(in_language, standing) if p.live]
    homes = translations[site.root_page.translation_key]
    return {
        "home": root.get_url(request),
        "menu": menu,
        "footer": footer,
        "homes": {code: page.get_url(request) for code, page in homes.items()},
    }


def _translation_urls(request, page):
    """The address of each live translation of `page` (itself included), by language
    code; kept until content changes."""

    def urls():
        translations = Page.objects.live().filter(translation_key=page.translation_key)
        return {
            p.locale.language_code: p.get_url(request)
            for p in translations.select_related("locale")
        }

    return shell_cache.kept(
        request, ("translations", request.get_host(), page.translation_key), urls
    )


@register.simple_tag(takes_context=True)
def home_url(context):
    """The address of the home page in the reader's language (the Hebrew one when no
    translation exists)."""
    shell = _shell(context) if context.get("request") else None
    return shell["home"] if shell else "/"


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """(title, address) of the footer's standing pages (site settings) in the reader's
    language, live ones."""
    shell = _shell(context)
    return shell["footer"] if shell else []


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page and its live, public children marked "show in menus". The item of the
    page being read is marked aria-current="page"; an ancestor of it, aria-current="true"."""
    shell = _shell(context)
    if shell is None:
        return {"items": []}
    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    home_path = shell["menu"][0][2]
    items = []
    for title, url, url_path in shell["menu"]:
        if current_path == url_path:
            state = "page"
        elif url_path != home_path and current_path.startswith(url_path):
            state = "true"
        else:
            state = None
        items.append({"title": title, "url": url, "current": state})
    return {"items": items}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language. On a page: its published translation (`exact`), or else
    that language's home page. Off the page tree (404, forms): the same path translated."""
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        translations = _translation_urls(request, page)
        shell = _shell(context)
        homes = shell["homes"] if shell else {}
    links = []
    for code, name in settings.LANGUAGES:
        if not isinstance(page, Page):
            url, exact = translate_url(request.get_full_path(), code), True
        elif code in translations:
            url, exact = translations[code], True
        else:
            url, exact = homes.get(code, "/"), False
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


class KeepNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):  # a draft's own markup
            return self.nodelist.render(context)
        parts = tuple(part.resolve(context) for part in self.parts)
        key = ("fragment", request.get_host(), get_language(), *parts)
        return shell_cache.kept(request, key, lambda: self.nodelist.render(context))


@register.tag
def keep(parser, token):
    """`{% keep "name" part… %}…{% endkeep %}`: the markup between, rendered once per host,
    language and parts and kept until content changes (core/shell_cache.py). Only for
    markup that is the same for every visitor: nothing personal, no CSRF token."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(nodelist, parts)


@register.simple_tag(takes_context=True)
def feed_links(context):
    """(title, MIME type, address) of the feeds the apps announce on every page
    (`register_feed_links` hooks, functions of the request), in the reader's language;
    looked up once per language until content changes."""
    request = context.get("request")
    if request is None:
        return []
    return shell_cache.kept(
        request,
        ("feed-links", get_language()),
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
