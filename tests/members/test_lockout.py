"""Login lock-outs behind nginx (members/lockout.py): a (username, address) pair is locked
after a few failures, an address after many across usernames; a stranger cannot lock a
member out of their own connection, and a password reset lifts a lock-out."""

import pytest

from tests.html import soup
from tests.members.password_reset import complete_password_reset

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-2026"
NGINX = "127.0.0.1"
STRANGER = "198.51.100.66"
MEMBER = "203.0.113.5"


@pytest.fixture(autouse=True)
def behind_nginx(settings):
    settings.TRUSTED_PROXIES = [NGINX]


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("ruth@example.org", "ruth@example.org", PASSWORD)


def _login(client, address, password, username="ruth@example.org"):
    return client.post(
        "/account/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_a_stranger_cannot_lock_a_member_out_of_their_own_connection(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, STRANGER, "guess")
    assert _login(client, STRANGER, PASSWORD).status_code == 429, "the stranger is stopped"
    assert _login(client, MEMBER, PASSWORD).status_code == 302, "the member still logs in"


def test_guessing_across_many_usernames_locks_the_address(client, member, settings):
    statuses = [
        _login(client, STRANGER, "guess", username=f"user{n}@example.org").status_code
        for n in range(settings.LOGIN_FAILURES_PER_ADDRESS)
    ]
    assert statuses == [200] * (settings.LOGIN_FAILURES_PER_ADDRESS - 1) + [429]
    locked = _login(client, STRANGER, PASSWORD)
    assert locked.status_code == 429, "even the right password"
    # A new password would not lift this lock: the page does not advise one.
    assert not soup(locked, 429).select("main a[href*=password-reset]")
    assert _login(client, MEMBER, PASSWORD).status_code == 302, "other addresses are not"


def test_a_password_reset_lifts_the_lock_out(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, MEMBER, "forgotten")
    locked = _login(client, MEMBER, PASSWORD)
    assert locked.status_code == 429
    reset_link = soup(locked, 429).select_one("main a[href*=password-reset]")["href"]
    client.post(reset_link, {"email": member.email}, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=MEMBER)
    new_password = "another-long-pass-1"
    complete_password_reset(client, new_password)
    assert _login(client, MEMBER, new_password).status_code == 302
