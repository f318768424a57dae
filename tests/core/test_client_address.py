"""The visitor's address behind the site's own proxies (core/client_address.py): read from
X-Forwarded-For only when the peer is a trusted proxy, and then from the right."""

import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import RequestFactory

from core.client_address import client_address
from newsletter.models import ConsentEvent
from newsletter.views import RATE_LIMIT

NGINX = "127.0.0.1"


def _address(remote_addr, forwarded=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


@pytest.fixture
def behind_nginx(settings):
    settings.TRUSTED_PROXIES = [NGINX]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert _address("203.0.113.9", "198.51.100.1") == "203.0.113.9"


@pytest.mark.usefixtures("behind_nginx")
@pytest.mark.parametrize(
    ("remote_addr", "forwarded", "visitor"),
    [
        (NGINX, "198.51.100.1", "198.51.100.1"),
        # The visitor wrote the left part; nginx appended what it saw.
        (NGINX, "10.9.9.9, 198.51.100.1", "198.51.100.1"),
        (NGINX, "not-an-address, 198.51.100.1", "198.51.100.1"),
        (NGINX, "198.51.100.1, not-an-address", NGINX),
        (NGINX, "", NGINX),
        (NGINX, None, NGINX),
        # Straight to gunicorn, not through nginx: a forged header changes nothing.
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        (NGINX, "2001:db8::7", "2001:db8::7"),
    ],
)
def test_behind_a_trusted_proxy_the_right_most_untrusted_entry_is_the_visitor(
    remote_addr, forwarded, visitor
):
    assert _address(remote_addr, forwarded) == visitor


def test_a_chain_of_trusted_proxies_is_walked(settings):
    settings.TRUSTED_PROXIES = [NGINX, "10.0.0.0/8"]
    assert _address(NGINX, "198.51.100.1, 10.0.0.5") == "198.51.100.1"
    assert _address(NGINX, "10.0.0.4, 10.0.0.5") == "10.0.0.4"


def _signup(client, visitor, number):
    started = signing.dumps(time.time() - 10, salt="newsletter.form-started")
    return client.post(
        "/subscription/",
        {"email": f"p{number}@example.org", "language": "he", "consent": "on", "started": started},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=visitor,
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_nginx")
def test_visitors_behind_nginx_have_their_own_signup_limit_and_consent_record(client):
    cache.clear()
    statuses = [_signup(client, "198.51.100.1", n).status_code for n in range(RATE_LIMIT + 1)]
    assert statuses == [200] * RATE_LIMIT + [429]
    assert _signup(client, "198.51.100.2", 99).status_code == 200, "another visitor signs up"
    assert set(ConsentEvent.objects.values_list("ip", flat=True)) == {
        "198.51.100.1",
        "198.51.100.2",
    }
