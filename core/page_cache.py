"""The page cache: public pages are answered from the cache to visitors who are not logged in,
so that a newsletter sending thousands of readers to the site costs the database nothing.

Only what a view marks public is stored (`allow`, or the `cacheable` decorator): Wagtail
pages, through a `before_serve_page` hook (core/wagtail_hooks.py; a restricted page's
answers are redirects, forms or never-cache pages, none of them stored), and the search.
A marked response is still stored only when it is a 200 that sets no cookie and used no CSRF
token, and that its view did not mark private or uncacheable. It is served only to GET and
HEAD requests without a session or a messages cookie: a logged-in user, or one with a message
waiting, always gets a fresh page.

Every change to content (a page published, unpublished, moved or deleted, a snippet, a
setting, an image, a document, a view restriction) makes a new cache generation. Each stored
page carries the generation it was rendered under and is served only while that is still the
current one (both read in one round trip): what was published shows at once, and older copies
are overwritten or expire by themselves. That works across processes and hosts only with a
shared cache, so production uses Redis (`REDIS_URL`).
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "page-cache:generation"
MAX_QUERY_LENGTH = 300  # longer query strings are not worth a cache entry
UNCACHEABLE = {"private", "no-cache", "no-store"}
# Cookies that mean the page may differ for this visitor.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
HEADER = "X-Page-Cache"  # hit or miss, for operators and the benchmark


def allow(request):
    """Marks the response to this request as public: the same for every anonymous visitor."""
    request.page_cache_allowed = True


def cacheable(view):
    """Decorator form of `allow` for function views: their responses may be stored."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        allow(request)
        return view(request, *args, **kwargs)

    return wrapper


def invalidate():
    """A new generation: every page stored before it is no longer served."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _lookup(key):
    """The current generation and what is stored under `key`, in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
    return generation, found.get(key)


def remembered(key, compute):
    """`compute()`, kept until content next changes (a new generation): for what every
    page shows and only a content change can change, such as the feeds announced in
    every page's head."""
    generation, stored = _lookup(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = compute()
    cache.set(key, (generation, value), timeout=None)
    return value


def _servable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _storable(request, response):
    if not getattr(request, "page_cache_allowed", False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    directives = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
        if d
    }
    return not directives & UNCACHEABLE


def _key(request):
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"page-cache:{hashlib.sha256(address).hexdigest()}"


class PageCacheMiddleware:
    """Sits right after the security and static-file middleware, so that a hit skips the
    session, the user and the database. The headers set further in (CSP, Permissions-Policy,
    Content-Language…) are stored with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _servable(request):
            return self.get_response(request)
        key = _key(request)
        generation, stored = _lookup(key)
        if stored is not None and stored[0] == generation:
            _generation, status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            # Stored with the generation read before rendering: if content changed meanwhile,
            # this copy is never served.
            stored = (generation, response.status_code, dict(response.items()), response.content)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response


@functools.cache
def _content_models():
    """The models whose rows public pages show (asked once the snippets are registered)."""
    return (
        Page,
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
        *settings_registry,
    )


def _on_change(sender, instance=None, **kwargs):
    """Drops the pages now, and again once the change commits: a page that another process
    renders from the old rows in between would otherwise be stored under the new generation."""
    if isinstance(instance, _content_models()):
        invalidate()
        transaction.on_commit(invalidate)


def connect_signals():
    """Called from CoreConfig.ready. Page subclasses send their signals as themselves, hence
    the isinstance test rather than one sender per model."""
    signals = (post_save, post_delete, m2m_changed, page_published, page_unpublished)
    for signal in (*signals, post_page_move):
        signal.connect(_on_change, dispatch_uid="page_cache")
