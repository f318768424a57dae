"""A Redis key's value known in every process without asking Redis: whoever changes it
publishes the new value in the same step (`announce`, a Lua script), and each process keeps
it current from a subscription, in a thread of its own (`Watch`).

This is what lets the page cache answer a hit with no round trip at all (core/page_cache.py):
the pages' generation is known here, and a process keeps its own copies of the pages.

A watch that cannot vouch for its value says None, and its callers ask Redis as before:
while it subscribes, after any error, and when it has not heard from Redis for
SILENCE_SECONDS (it pings every PING_SECONDS). Each time it (re)subscribes it reads the value
anew, since it may have missed announcements meanwhile. An announcement reaches the other
processes within a thread switch (milliseconds); the announcing process knows it at once.
"""

import logging
import os
import threading
import time

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PING_SECONDS = 2
SILENCE_SECONDS = 2 * PING_SECONDS + 1
RETRY_SECONDS = 1
_starting = threading.Lock()


def channel(key):
    return f"announce:{key}"


# Sets the key (unless ARGV[3] is "absent" and it exists) and publishes its value, atomically,
# so that every watch receives the announcements in the order the values were set; answers
# the value the key holds afterwards.
ANNOUNCE = """
if ARGV[3] == "absent" and redis.call("EXISTS", KEYS[1]) == 1 then
  return redis.call("GET", KEYS[1])
end
redis.call("SET", KEYS[1], ARGV[1])
redis.call("PUBLISH", ARGV[2], ARGV[1])
return ARGV[1]
"""


def announce(backend, key, value, only_if_absent=False):
    """Sets `key` (a Django cache key) to `value` with no expiry, or leaves the value it has
    with `only_if_absent`, and tells every watch; returns the value it now holds."""
    redis_key = backend.make_and_validate_key(key)
    client = backend._cache.get_client(redis_key, write=True)
    serializer = backend._cache._serializer
    condition = "absent" if only_if_absent else "always"
    data = client.eval(
        ANNOUNCE, 1, redis_key, serializer.dumps(value), channel(redis_key), condition
    )
    value = serializer.loads(data)
    known(backend, key, value)
    return value


class Watch(threading.Thread):
    """The value of one key of `backend`, kept current in this process."""

    def __init__(self, backend, key):
        super().__init__(daemon=True, name=f"cache watch {key}")
        self.backend, self.redis_key = backend, backend.make_and_validate_key(key)
        self.value = None  # None: not vouched for
        self.complained = False
        self.pid = os.getpid()  # a forked process has no such thread: it starts its own

    def run(self):
        while True:
            try:
                self._follow()
            except (RedisError, OSError, ValueError):
                if not self.complained:  # once per outage: it retries every RETRY_SECONDS
                    logger.warning("The watch of %s lost Redis", self.redis_key, exc_info=True)
                self.complained = True
            self.value = None
            time.sleep(RETRY_SECONDS)

    def _follow(self):
        client = self.backend._cache.get_client(self.redis_key)
        pubsub = client.pubsub()
        try:
            pubsub.subscribe(channel(self.redis_key))
            heard = pinged = time.monotonic()
            while True:
                message = pubsub.get_message(timeout=1.0)
                now = time.monotonic()
                if message is not None:
                    heard = now
                    self._take(message, client)
                if now - heard > SILENCE_SECONDS:
                    raise ValueError("Redis went silent")
                if now - pinged > PING_SECONDS:
                    pubsub.ping()
                    pinged = now
        finally:
            self.value = None
            pubsub.close()

    def _take(self, message, client):
        if message["type"] == "subscribe":  # (re)subscribed: what was missed, read anew
            self.complained = False
            data = client.get(self.redis_key)
            self.value = None if data is None else self.backend._cache._serializer.loads(data)
        elif message["type"] == "message":
            self.value = self.backend._cache._serializer.loads(message["data"])


def watched(backend, key):
    """The value of `key` as this process knows it, or None when that cannot be vouched for
    (then ask Redis). Starts this process's watch of `key` on first use."""
    watch = backend._watches.get(key)
    if watch is None or watch.pid != os.getpid():
        with _starting:  # one watch per key, whatever the threads of a threaded server
            watch = backend._watches.get(key)
            if watch is None or watch.pid != os.getpid():
                watch = backend._watches[key] = Watch(backend, key)
                watch.start()
    return watch.value


def known(backend, key, value):
    """What this process itself just announced: its watch knows it before the announcement
    comes back."""
    watch = backend._watches.get(key)
    if watch is not None and watch.value is not None:
        watch.value = value
