"""Two-step login for the admin: set up with an authenticator app, verify on each login,
recovery codes that work once. Counsel cannot reach a request without it."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def counsel(django_user_model, client):
    user = django_user_model.objects.create_user("counsel", "counsel@example.org", "x-long-pass-1")
    user.groups.add(Group.objects.get(name="Legal counsel"))
    client.force_login(user)
    return user


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_admin_waits_for_the_second_step(client, counsel):
    for path in ("/admin/", "/admin/legal/", "/admin/pages/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/account/two-factor/verify/")
    # No device yet: the verify page sends to the set-up.
    assert client.get("/account/two-factor/verify/?next=/admin/legal/").url.startswith(
        "/account/two-factor/setup/"
    )


def test_set_up_then_verify_on_the_next_login(client, counsel):
    page = client.get("/account/two-factor/setup/?next=/admin/legal/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=counsel, confirmed=False)
    assert (
        client.post(
            "/account/two-factor/setup/?next=/admin/legal/", {"token": "000000"}
        ).status_code
        == 400
    )
    device.refresh_from_db()
    assert device.throttling_failure_count == 1, "wrong codes slow the next try down"
    device.throttle_reset()
    codes_page = client.post(
        "/account/two-factor/setup/?next=/admin/legal/", {"token": _code(device)}
    )
    codes = codes_page.context["codes"]
    assert len(codes) == 10
    assert client.get("/admin/legal/").status_code == 200

    client.logout()
    client.force_login(counsel)
    assert client.get("/admin/legal/").status_code == 302
    device.refresh_from_db()
    device.last_t = -1  # a fresh code for the new login (each code works once)
    device.save()
    response = client.post(
        "/account/two-factor/verify/?next=/admin/legal/", {"token": _code(device)}
    )
    assert response.url == "/admin/legal/"
    assert client.get("/admin/legal/").status_code == 200


def test_a_recovery_code_works_once(client, counsel):
    device = TOTPDevice.objects.create(user=counsel, name="app", confirmed=True)
    recovery = counsel.staticdevice_set.create(name="recovery")
    recovery.token_set.create(token="abcd1234")
    assert client.post("/account/two-factor/verify/", {"token": "abcd 1234"}).url == "/admin/"
    assert not StaticToken.objects.exists()
    client.logout()
    client.force_login(counsel)
    assert client.post("/account/two-factor/verify/", {"token": "abcd1234"}).status_code == 400
    assert device.confirmed


def test_next_cannot_lead_off_the_site(client, counsel):
    counsel.staticdevice_set.create(name="recovery").token_set.create(token="once1234")
    response = client.post(
        "/account/two-factor/verify/?next=https://evil.example/", {"token": "once1234"}
    )
    assert response.url == "/admin/"


def test_members_without_admin_access_are_not_asked(client, django_user_model):
    member = django_user_model.objects.create_user("m", "m@example.org", "x-long-pass-1")
    member.groups.add(Group.objects.get(name="Member kibbutzim"))
    client.force_login(member)
    assert client.get("/account/").status_code == 200
