"""The visitor's address, as the site sees it behind its own proxies.

gunicorn's REMOTE_ADDR is its peer: behind nginx, nginx itself, so every visitor would
share one address in the rate limits, the consent log and the login lock-outs. Only when
the peer is one of TRUSTED_PROXIES is X-Forwarded-For read, and then from the right: each
proxy appends the address it saw, so the right-most entry that is not itself a trusted
proxy is the visitor; entries further left were written by the visitor and may be forged.
"""

import functools
import ipaddress

from django.conf import settings


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",") if forwarded else []):
        if not _is_trusted(address):
            break
        entry = entry.strip()
        try:
            ipaddress.ip_address(entry)
        except ValueError:
            break  # garbage left of our proxies' entries: the last proxy's peer is the visitor
        address = entry
    return address
