"""Values announced through Redis (core/cache_watch.py), and the page cache answering hits
from each process's own copies with them: two cache backends on the real Redis of this
machine stand for two processes, and a change announced by one reaches the other."""

import socket
import time
import uuid

import pytest
from django.core.cache import cache

from core import page_cache
from core.cache import DegradingRedisCache, announce, watched
from tests.redis_cache import REDIS_URL, redis_cache, remove_keys

WAIT_SECONDS = 3  # far above a thread switch, far below a test's patience


def _backend(prefix, location=REDIS_URL):
    """The cache of one more process."""
    return DegradingRedisCache(location, redis_cache(prefix, location))


def _eventually(read, expected):
    """What `read()` gives once it gives `expected`, or its last answer after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while (value := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.01)
    return value


@pytest.fixture
def prefix():
    name = f"shitufi-test-watch-{uuid.uuid4().hex}"
    yield name
    remove_keys(name)


def test_another_process_learns_each_announced_value_without_asking(prefix):
    here, there = _backend(prefix), _backend(prefix)
    assert watched(here, "generation") is None  # not vouched for before it subscribes
    for value in (1, 2, 3):
        assert announce(there, "generation", value) == value
        assert _eventually(lambda: watched(here, "generation"), value) == value
    assert here.get("generation") == 3  # announced values are stored like any other


def test_a_watch_reads_what_was_set_before_it_subscribed(prefix):
    announce(_backend(prefix), "generation", 41)
    here = _backend(prefix)
    assert _eventually(lambda: watched(here, "generation"), 41) == 41


def test_only_if_absent_keeps_the_value_there_is(prefix):
    here = _backend(prefix)
    assert announce(here, "generation", 7, only_if_absent=True) == 7
    assert announce(here, "generation", 8, only_if_absent=True) == 7
    assert here.get("generation") == 7


def test_the_announcing_process_knows_its_value_at_once(prefix):
    here = _backend(prefix)
    announce(here, "generation", 1)
    _eventually(lambda: watched(here, "generation"), 1)
    announce(here, "generation", 2)
    assert watched(here, "generation") == 2  # no wait


def test_with_redis_unreachable_nothing_is_vouched_for():
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = _backend("shitufi-test-watch-down", f"redis://127.0.0.1:{port}/0")
    assert announce(down, "generation", 5) == 5  # dropped, as a degraded set is
    assert _eventually(lambda: watched(down, "generation"), 5) is None


@pytest.mark.django_db
def test_hits_come_from_this_process_and_another_process_s_change_ends_them(
    client, settings, prefix
):
    settings.CACHES = {"default": redis_cache(prefix)}
    generation = time.time_ns()
    announce(cache, page_cache.GENERATION_KEY, generation)
    assert _eventually(lambda: watched(cache, page_cache.GENERATION_KEY), generation) == generation
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    cache.delete(page_cache._key(first.wsgi_request))  # gone from Redis: the copy answers
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit" and hit.content == first.content

    elsewhere = _backend(prefix)  # another process publishes
    changed = time.time_ns()
    announce(elsewhere, page_cache.GENERATION_KEY, changed)
    assert _eventually(lambda: watched(cache, page_cache.GENERATION_KEY), changed) == changed
    assert client.get("/")["X-Page-Cache"] == "miss"
