"""Django's Redis cache, made to degrade: when Redis does not answer, every read is a miss and
every write is dropped, so the site serves (more slowly) instead of failing. After an error the
process leaves Redis alone for a few seconds, so that a down or unreachable server costs one
failed connection per process every few seconds rather than one per call."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

from core import cache_watch

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def _default_of_get(key, default=None, *args, **kwargs):
    return default


def _missing(*args, **kwargs):
    raise ValueError("The cache is unavailable.")  # what Django raises for a missing key


# What each method answers while Redis is down: a miss, or a write that did not happen.
# `add` answers True (as if stored), so that callers counting attempts in the cache (the
# rate limits) let requests through rather than refuse everyone.
FALLBACKS = {
    "get": _default_of_get,
    "get_many": lambda *a, **k: {},
    "has_key": lambda *a, **k: False,
    "set": lambda *a, **k: None,
    "set_many": lambda data, *a, **k: list(data),
    "add": lambda *a, **k: True,
    "touch": lambda *a, **k: False,
    "delete": lambda *a, **k: False,
    "delete_many": lambda *a, **k: None,
    "incr": _missing,  # decr goes through incr
    "clear": lambda *a, **k: False,
    "announce": lambda key, value, *a, **k: value,  # as if set
    "watched": lambda *a, **k: None,  # not vouched for: the caller asks, and gets a miss
}


def _degrading(method, fallback):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if time.monotonic() < self._unavailable_until:
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except RedisError:
            logger.warning(
                "The cache does not answer; serving without it for %s s",
                RETRY_AFTER_SECONDS,
                exc_info=True,
            )
            self._unavailable_until = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback(*args, **kwargs)

    return wrapper


class ReusedClients(RedisCacheClient):
    """Django builds a new `redis.Redis` for every call, and building one fills its table of
    reply parsers: about 150 µs, as long as the round trip itself (profiled on a page cache
    hit, bench/README.md). One client per connection pool serves every call and thread, as
    redis-py means it to."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]

    @functools.cached_property
    def _clients(self):
        return {}


class DegradingRedisCache(RedisCache):
    _unavailable_until = 0.0  # monotonic time before which Redis is not asked

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        self._watches = {}  # key: its cache_watch.Watch in this process

    def announce(self, key, value, only_if_absent=False):
        """Sets `key` forever (unless `only_if_absent` and it has a value) and announces it to
        every process's `watched` (core/cache_watch.py); returns the value it now holds."""
        return cache_watch.announce(self, key, value, only_if_absent)

    def watched(self, key):
        """The value of `key` known in this process with no round trip, or None."""
        return cache_watch.watched(self, key)


for _name, _fallback in FALLBACKS.items():
    setattr(DegradingRedisCache, _name, _degrading(getattr(DegradingRedisCache, _name), _fallback))


# `cache` below may be Django's proxy to the default cache, which only forwards attributes.


def announce(cache, key, value, only_if_absent=False):
    """Sets `key` forever (unless `only_if_absent` and it has a value); where the cache can
    (Redis), announced to every process. Returns the value it now holds."""
    if hasattr(cache, "announce"):
        return cache.announce(key, value, only_if_absent)
    if not only_if_absent:
        cache.set(key, value, timeout=None)
    elif not cache.add(key, value, timeout=None):
        return cache.get(key, value)
    return value


def watched(cache, key):
    """The value of `key` as this process knows it without asking the cache, or None (ask
    it): set with `announce`, on Redis."""
    return cache.watched(key) if hasattr(cache, "watched") else None
