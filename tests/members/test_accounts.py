"""Members' accounts: invitation by HQ, login with lock-out after repeated failures (for a
while, not for good), password reset, the "my kibbutz" page."""

import datetime
import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from members.models import Invitation, Kibbutz, Membership

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-2026"


@pytest.fixture
def kibbutz():
    return Kibbutz.objects.create(name_he="קיבוץ א", name_en="Kibbutz A", region="north")


@pytest.fixture
def member(django_user_model, kibbutz):
    user = django_user_model.objects.create_user("ruth", "ruth@example.org", PASSWORD)
    Membership.objects.create(user=user, kibbutz=kibbutz, role="secretary")
    return user


def _login(client, password, username="ruth"):
    return client.post("/account/login/", {"username": username, "password": password})


def test_login_and_the_my_kibbutz_page(client, member):
    response = _login(client, PASSWORD)
    assert response.status_code == 302 and response.url == "/account/"
    page = client.get("/account/")
    assert "קיבוץ א" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(("prefix", "home"), [("", "/"), ("/en", "/en/")])
def test_logging_out_leads_to_the_home_page_in_the_readers_language(client, member, prefix, home):
    client.force_login(member)
    response = client.post(f"{prefix}/account/logout/")
    assert response.status_code == 302 and response.url == home


def test_repeated_failures_lock_the_login_for_a_while_not_for_good(client, member, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=2)
    statuses = [_login(client, "wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = _login(client, PASSWORD)
    assert locked.status_code == 429
    assert (
        "Too many failed attempts" in locked.content.decode()
        or "ניסיונות" in locked.content.decode()
    )
    assert "_auth_user_id" not in client.session
    time.sleep(2.1)
    assert _login(client, PASSWORD).status_code == 302, "the lock lifts after the cool-off"


def test_the_admin_login_is_protected_too(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "ruth", "password": "wrong"})
    assert (
        client.post("/admin/login/", {"username": "ruth", "password": PASSWORD}).status_code == 429
    )


def test_hq_invites_a_representative_who_sets_a_password(
    client, admin_user, kibbutz, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/invitations/new/",
            {"email": "dana@example.org", "kibbutz": kibbutz.pk, "role": "representative"},
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["dana@example.org"]
    link = re.search(r"http://testserver(/account/invitation/[^/\s]+/)", message.body)[1]
    invitation = Invitation.objects.get()
    assert link.split("/")[-2] not in invitation.token_digest, "only a digest is stored"

    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(
        link,
        {"first_name": "דנה", "last_name": "כהן", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.url == "/account/"
    user = Membership.objects.get(kibbutz=kibbutz).user
    assert (user.email, user.first_name) == ("dana@example.org", "דנה")
    assert user.groups.filter(name="Member kibbutzim").exists()
    assert client.get(link).status_code == 404, "the link works once"


def test_an_expired_invitation_is_refused(client, kibbutz):
    invitation = Invitation(email="old@example.org", kibbutz=kibbutz, role="secretary")
    token = invitation.issue_token()
    invitation.expires_at = invitation.created_at - datetime.timedelta(seconds=1)
    invitation.save()
    assert client.get(f"/account/invitation/{token}/").status_code == 404
    assert client.get("/account/invitation/forged/").status_code == 404


def test_editors_cannot_invite(client, django_user_model, kibbutz):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    client.post(
        "/admin/invitations/new/",
        {"email": "x@example.org", "kibbutz": kibbutz.pk, "role": "secretary"},
    )
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(("prefix", "expected"), [("", "סיסמה"), ("/en", "password")])
def test_password_reset_in_both_languages(client, member, prefix, expected):
    response = client.post(f"{prefix}/account/password-reset/", {"email": member.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert expected in message.subject + message.body
    link = re.search(r"http://testserver(\S+/password-reset/\S+/\S+/)", message.body)[1]
    assert link.startswith(f"{prefix}/account/")
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-long-pass-1", "new_password2": "another-long-pass-1"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("another-long-pass-1")
