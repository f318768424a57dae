"""The page cache: public pages are answered from the cache to visitors who are not logged in,
so that a newsletter sending thousands of readers to the site costs the database nothing.

Only what a view marks public is stored (`allow`, or the `cacheable` decorator): Wagtail
pages, through a `before_serve_page` hook (core/wagtail_hooks.py; a restricted page's
answers are redirects, forms or never-cache pages, none of them stored), and the search.
A marked response is still stored only when it is a 200 that sets no cookie and used no CSRF
token, and that its view did not mark private or uncacheable. It is served only to GET and
HEAD requests without a session or a messages cookie: a logged-in user, or one with a message
waiting, always gets a fresh page.

Every change to what public pages show makes a new cache generation. Each stored page
carries the generation it was rendered under and is served only while that is still the
current one: what was published shows at once, and older copies are overwritten or expire by
themselves. That works across processes and hosts only with a shared cache, so production
uses Redis (`REDIS_URL`). There each new generation is announced to every process
(core/cache_watch.py), which then knows it without asking and answers hits from its own
copies of the pages it last served: no round trip. Without a watch that can vouch for the
generation (no Redis, or its subscription down), the generation and the page are read in one
round trip.

In production `answer_hits` (config/wsgi.py) answers hits before Django's handler; the
middleware answers them elsewhere (the test client) and stores what was missed.

What makes a new generation (`connect_signals`): a page or snippet published, unpublished,
moved or deleted, or a page's address changed; and any save of what visitors see: a live
page or snippet, a setting, a site, a locale, an image, a document, a view restriction, or a
row of a model an app declared (below). Editors' work is not seen and empties nothing: a
draft, an autosave (Wagtail 8 posts one half a second after each change), a revision, a
workflow step or a lock writes Revision, WorkflowState, TaskState and log rows, and saves
the page or snippet only if it is not live, or else with `update_fields` among
`UNSEEN_FIELDS`. Unpublish with Wagtail's actions (`unpublish()`), whose signal this hears:
a live page saved as not live by hand would go unnoticed.

A feature app whose public pages show rows of other models declares them with a Wagtail hook
in its `wagtail_hooks.py`, returning the models (subclasses included):

    @hooks.register("register_page_cache_models")
    def page_cache_models():
        return [Event, Speaker]

Counters a page shows but need not show at once (views, sign-ups) are better updated with
`QuerySet.update`, which sends no signal, than by saving a registered model.
"""

import functools
import hashlib
import threading
import time
from collections import OrderedDict
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from wagtail import hooks
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    PageViewRestriction,
    RevisionMixin,
    Site,
)
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from core.cache import announce, watched

GENERATION_KEY = "page-cache:generation"
MAX_QUERY_LENGTH = 300  # longer query strings are not worth a cache entry
UNCACHEABLE = {"private", "no-cache", "no-store"}
# Cookies that mean the page may differ for this visitor.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
HEADER = "X-Page-Cache"  # hit or miss, for operators and the benchmark
# What the static-file middleware serves, never a page: not worth a cache lookup.
NOT_PAGES = (settings.STATIC_URL, settings.MEDIA_URL)


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
    """A new generation: every page stored before it is no longer served, in any process."""
    announce(cache, GENERATION_KEY, time.time_ns())


# Each process keeps copies of what it last read or stored, served while the generation it
# knows without asking (Redis announces each new one, core/cache_watch.py) is theirs: a hit
# then costs no round trip. A copy lives at most PAGE_CACHE_SECONDS here, whatever is left
# of the stored page's own time in the cache.
COPIES = 500  # pages of 10 to 25 KB: some 10 MB per process at most
_copies = OrderedDict()  # key: (monotonic time of expiry, what is stored)
_copies_lock = threading.Lock()  # for threaded servers (runserver)


def generation():
    """The current generation: as this process knows it, else read (and made if missing)."""
    current = watched(cache, GENERATION_KEY)
    if current is None:
        current = cache.get(GENERATION_KEY)
    if current is None:
        current = _first_generation()
    return current


def _first_generation():
    """On the first request, or once the cache was emptied."""
    return announce(cache, GENERATION_KEY, time.time_ns(), only_if_absent=True)


def _lookup(key):
    """The current generation and what is stored under `key`: from this process's copy
    when it is current, else in one round trip."""
    generation = watched(cache, GENERATION_KEY)
    if generation is None:  # copies could not be vouched for: none are kept
        found = cache.get_many([GENERATION_KEY, key])
        generation, stored = found.get(GENERATION_KEY), found.get(key)
        return (generation or _first_generation()), stored
    with _copies_lock:
        expiry, stored = _copies.get(key, (0, None))
        if stored is not None and stored[0] == generation and expiry > time.monotonic():
            _copies.move_to_end(key)
            return generation, stored
    stored = cache.get(key)
    if stored is not None and stored[0] == generation:
        _copy(key, stored)
    return generation, stored


def _store(key, stored, timeout):
    cache.set(key, stored, timeout)
    if stored[0] == watched(cache, GENERATION_KEY):
        _copy(key, stored)


def _copy(key, stored):
    with _copies_lock:
        _copies[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, stored)
        _copies.move_to_end(key)
        if len(_copies) > COPIES:
            _copies.popitem(last=False)


def _servable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not request.path_info.startswith(NOT_PAGES)
    )


def _storable(request, response):
    if not getattr(request, "page_cache_allowed", False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):  # a nonce serves once
        return False
    directives = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
        if d
    }
    return not directives & UNCACHEABLE


def _key(request):
    # The scheme too: a hit skips the security middleware, which redirects plain HTTP. The
    # host as sent, not validated (a third of a hit's own work): only a request whose host
    # Django validated is ever stored (CommonMiddleware asks get_host first), so a key made
    # of a host it refuses finds nothing.
    host = request._get_raw_host()
    address = f"{request.scheme}://{host}{request.get_full_path()}".encode()
    return f"page-cache:{hashlib.sha256(address).hexdigest()}"


# Where `answer_hits` leaves the generation it read for a request it could not answer, so
# that the middleware does not ask the cache again.
LOOKED_UP = "shitufi.page_cache_generation"


def _find(request):
    """(the current generation, the stored answer to `request` or None)."""
    generation, stored = _lookup(_key(request))
    request.META[LOOKED_UP] = generation
    request.page_cache_generation = generation  # read once per request (core/shell_cache.py)
    return generation, (stored[1:] if stored is not None and stored[0] == generation else None)


class PageCacheMiddleware:
    """Sits first, so that a page is stored with every header the middleware after it set
    (the security headers, CSP, Permissions-Policy, Vary, Content-Language…), and a hit
    sends them as they were. Its key holds the scheme, so plain HTTP still meets the HTTPS
    redirect. In production `answer_hits` answers hits before Django; this answers them
    where it does not run (the test client) and stores what it missed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _servable(request):
            return self.get_response(request)
        if LOOKED_UP in request.META:  # answer_hits looked, and missed
            generation = request.page_cache_generation = request.META[LOOKED_UP]
        else:
            generation, found = _find(request)
            if found is not None:
                status, headers, content = found
                return HttpResponse(content, status=status, headers={**headers, HEADER: "hit"})
        response = self.get_response(request)
        if _storable(request, response):
            # Stored with the generation read before rendering: if content changed meanwhile,
            # this copy is never served.
            stored = (generation, response.status_code, dict(response.items()), response.content)
            _store(_key(request), stored, settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response


def answer_hits(application):
    """The WSGI application, with stored pages answered before Django: a hit costs the
    request's parsing and a look at this process's copies (or one round trip), not Django's
    handler (its signals, the URL resolver, the middleware). Stored pages carry every
    header they were sent with."""

    def answer(environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            request = WSGIRequest(environ)
            if _servable(request) and (found := _find(request)[1]):
                status, headers, content = found
                start_response(
                    f"{status} {HTTPStatus(status).phrase}", [*headers.items(), (HEADER, "hit")]
                )
                return [b"" if request.method == "HEAD" else content]
        return application(environ, start_response)

    return answer


# Fields Wagtail saves alone for editors' work, which no visitor sees: a draft or autosave
# (`save_revision`), a lock (the lock views, a workflow task starting), and what an image or
# document records of its own unchanged file (`get_file_size`, which rendering may call).
UNSEEN_FIELDS = {
    RevisionMixin: {"latest_revision"},
    DraftStateMixin: {"has_unpublished_changes"},
    Page: {"draft_title", "latest_revision_created_at"},
    LockableMixin: {"locked", "locked_by", "locked_at"},
    AbstractImage: {"file_size", "file_hash"},
    AbstractDocument: {"file_size", "file_hash"},
}
MODELS_HOOK = "register_page_cache_models"


@functools.cache
def _public_models():
    """The models whose rows public pages show (asked once the snippets and the hooks of
    every app are registered)."""
    return (
        Page,
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
        *settings_registry,
        *(model for declare in hooks.get_hooks(MODELS_HOOK) for model in declare()),
    )


def _seen(instance):
    """Whether visitors see this row: not if it is a page or snippet that is not live."""
    if not isinstance(instance, _public_models()):
        return False
    return not isinstance(instance, DraftStateMixin) or instance.live


def _unseen_fields(instance):
    return set().union(*(f for model, f in UNSEEN_FIELDS.items() if isinstance(instance, model)))


def _invalidate_now_and_on_commit():
    """Drops the pages now, and again once the change commits: a page that another process
    renders from the old rows in between would otherwise be stored under the new generation."""
    invalidate()
    transaction.on_commit(invalidate)


def _on_save(sender, instance, update_fields=None, **kwargs):
    if _seen(instance) and not (update_fields and update_fields <= _unseen_fields(instance)):
        _invalidate_now_and_on_commit()


def _on_delete_or_m2m(sender, instance, **kwargs):
    if _seen(instance):
        _invalidate_now_and_on_commit()


def _on_public_event(sender, **kwargs):
    """Published, unpublished (the row is no longer live), moved, or a new address."""
    _invalidate_now_and_on_commit()


def connect_signals():
    """Called from CoreConfig.ready. Page subclasses send their signals as themselves, hence
    isinstance tests rather than one sender per model."""
    post_save.connect(_on_save, dispatch_uid="page_cache")
    for signal in (post_delete, m2m_changed):
        signal.connect(_on_delete_or_m2m, dispatch_uid="page_cache")
    events = (published, unpublished, page_published, page_unpublished, post_page_move)
    for signal in (*events, page_slug_changed):
        signal.connect(_on_public_event, dispatch_uid="page_cache")
