"""Django's Redis cache, made to degrade: when Redis does not answer, every read is a miss and
every write is dropped, so the site serves (more slowly) instead of failing. After an error the
process leaves Redis alone for a few seconds, so that a down or unreachable server costs one
failed connection per process every few seconds rather than one per call."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

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
}


def _degrading(name, fallback):
    method = getattr(RedisCache, name)

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


class DegradingRedisCache(RedisCache):
    _unavailable_until = 0.0  # monotonic time before which Redis is not asked


for _name, _fallback in FALLBACKS.items():
    setattr(DegradingRedisCache, _name, _degrading(_name, _fallback))
