"""The site's Redis cache (core/cache.py) on this machine's Redis, for the tests that need
the real thing: each under a key prefix of its own, whose keys it removes afterwards."""

import redis

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_cache(prefix, location=REDIS_URL):
    """A CACHES entry, as production's (short timeouts: a test with Redis down stays fast)."""
    return {
        "BACKEND": "core.cache.DegradingRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


def remove_keys(prefix, location=REDIS_URL):
    server = redis.Redis.from_url(location)
    keys = list(server.scan_iter(f"{prefix}:*"))
    if keys:
        server.delete(*keys)
