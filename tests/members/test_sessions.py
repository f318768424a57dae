"""Logins end when the browser closes, and after a while without a request: half an hour
for whoever can enter the admin, two hours for members (members/sessions.py). The idle
time is moved back in the session instead of waiting it out."""

import time

import pytest
from django.contrib.auth.models import Group

from members.sessions import LAST_SEEN

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-2026"


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("ruth@example.org", "ruth@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Member kibbutzim"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("dana@example.org", "dana@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _idle_for(client, seconds):
    session = client.session
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()


def _session_cookie(response, settings):
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    return cookie


def test_the_site_login_lasts_until_the_browser_closes(client, member, settings):
    response = client.post("/account/login/", {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302
    cookie = _session_cookie(response, settings)
    assert not cookie["expires"] and not cookie["max-age"], "a cookie of the browser session"


def test_the_admin_login_lasts_until_the_browser_closes_even_if_asked_to_remember(
    client, editor, settings
):
    # Wagtail's "remember me" would give the session a two-week cookie.
    response = client.post(
        "/admin/login/",
        {"username": editor.email, "password": PASSWORD, "remember": "on"},
    )
    assert response.status_code == 302
    cookie = _session_cookie(response, settings)
    assert not cookie["expires"] and not cookie["max-age"]


def test_a_login_counts_idle_time_from_the_login_itself(client, member):
    client.post("/account/login/", {"username": member.email, "password": PASSWORD})
    assert abs(client.session[LAST_SEEN] - time.time()) < 5


def test_a_member_is_logged_out_after_two_hours_without_a_request(client, member, settings):
    client.force_login(member)
    assert client.get("/account/").status_code == 200
    _idle_for(client, settings.SESSION_IDLE_SECONDS_ADMIN + 60)  # longer than an editor's
    assert client.get("/account/").status_code == 200, "a member's limit is longer"
    _idle_for(client, settings.SESSION_IDLE_SECONDS_MEMBERS + 1)
    response = client.get("/account/")
    assert response.status_code == 302 and response.url.startswith("/account/login/")
    assert "_auth_user_id" not in client.session
    # The login page says why, once.
    said = "You were logged out because there was no activity for a while."
    assert said in client.get("/en/account/login/").content.decode()
    assert said not in client.get("/en/account/login/").content.decode()


def test_an_editor_is_logged_out_after_half_an_hour_without_a_request(client, editor, settings):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    _idle_for(client, settings.SESSION_IDLE_SECONDS_ADMIN - 60)
    assert client.get("/admin/").status_code == 200
    _idle_for(client, settings.SESSION_IDLE_SECONDS_ADMIN + 1)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_requests_keep_a_login_alive_writing_the_session_at_most_once_a_minute(
    client, member, settings
):
    client.force_login(member)
    client.get("/account/")
    first = client.session[LAST_SEEN]
    response = client.get("/account/")
    assert settings.SESSION_COOKIE_NAME not in response.cookies, "not saved again"
    assert client.session[LAST_SEEN] == first
    # A request a few minutes later slides the limit on.
    _idle_for(client, 5 * 60)
    response = client.get("/account/")
    assert settings.SESSION_COOKIE_NAME in response.cookies
    assert abs(client.session[LAST_SEEN] - time.time()) < 5
