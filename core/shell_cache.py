"""What pages show and only a content change can change (the site shell's links, the footer,
a news card, the search's years and suggestions), kept in each process's memory until the
page cache's generation changes (core/page_cache.py), so that rendering does not rebuild it.

The generation is read once per request (core/page_cache.py: as this process knows it, or
from the shared cache), so every process sees a change at once. Entries are also dropped
after KEEP_SECONDS: the footer's signup form carries the time it was shown, which must not
grow older than a cached page's.
"""

import time

from core import page_cache

KEEP_SECONDS = 10 * 60
MAX_ENTRIES = 5000  # one per page for the language links; past it, start again

_kept = {"generation": None, "values": {}}


def generation(request):
    """The page cache's current generation, read once per request."""
    if not hasattr(request, "page_cache_generation"):
        request.page_cache_generation = page_cache.generation()
    return request.page_cache_generation


def get(request, key):
    """What is kept under `key`, or None."""
    found = _values(request).get(key)
    if found is not None and time.monotonic() - found[0] < KEEP_SECONDS:
        return found[1]
    return None


def put(request, key, value):
    """Keeps `value` (not None) under `key`. It is shared by every request: plain data or
    markup, never anything personal (a CSRF token, a user's name)."""
    _values(request)[key] = (time.monotonic(), value)


def kept(request, key, compute):
    """`compute()`, kept under `key` in this process until content changes."""
    value = get(request, key)
    if value is None:
        value = compute()
        put(request, key, value)
    return value


def _values(request):
    current = generation(request)
    if _kept["generation"] != current or len(_kept["values"]) >= MAX_ENTRIES:
        _kept["generation"], _kept["values"] = current, {}
    return _kept["values"]
