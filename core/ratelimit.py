"""A small fixed-window rate limit on the shared cache (Redis in production), for forms
that anyone may post: N attempts per client address per window."""

from django.core.cache import cache

from core.client_address import client_address


def allow(scope, request, limit, window_seconds):
    """Count one attempt; False once `limit` attempts were made within the window."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the window expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
