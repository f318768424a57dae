"""Two-step login for the admin: set up with an authenticator app, verify on each login,
recovery codes that work once. Counsel cannot reach a request without it."""

import base64
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from tests.html import soup

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


# The look of the two-step pages: the admin's, not the public site's.


def _assert_admin_look(html):
    assert 'id="wagtail"' in html and "wagtailadmin/css/core.css" in html
    assert 'class="login two-factor"' in html
    # None of the public site's furniture: menu, header, footer, newsletter form.
    for public in ("main-menu", "site-header", "site-footer", "/subscription/", "css/site.css"):
        assert public not in html


def test_set_up_verify_and_codes_wear_the_admin_look_in_the_page_language(client, counsel):
    html = client.get("/account/two-factor/setup/").content.decode()
    _assert_admin_look(html)
    assert '<html lang="he" dir="rtl"' in html
    assert "הגדרת כניסה בשני שלבים" in html
    assert '<label class="w-field__label" for="id_token"' in html
    # What the page loads from the admin is open before the second step.
    assert client.get("/admin/sprite/").status_code == 200
    english = client.get("/en/account/two-factor/setup/").content.decode()
    _assert_admin_look(english)
    assert '<html lang="en" dir="ltr"' in english

    device = TOTPDevice.objects.get(user=counsel)
    codes_page = client.post("/account/two-factor/setup/", {"token": _code(device)})
    _assert_admin_look(codes_page.content.decode())
    assert len(codes_page.context["codes"]) == 10
    client.logout()
    client.force_login(counsel)
    _assert_admin_look(client.get("/account/two-factor/verify/").content.decode())


def _shown_key(response):
    return re.search(r"data-two-factor-key>([^<]*)</code>", response.content.decode()).group(1)


def test_the_key_to_type_is_base32_in_blocks_of_four_and_works(client, counsel):
    response = client.get("/account/two-factor/setup/")
    html = response.content.decode()
    assert re.search(r'<code[^>]* dir="ltr"[^>]*data-two-factor-key>', html)
    shown = _shown_key(response)
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{4})*( [A-Z2-7]{1,3})?", shown), shown
    device = TOTPDevice.objects.get(user=counsel, confirmed=False)
    assert device.key not in html, "not the hex form"
    key = base64.b32decode(shown.replace(" ", "") + "=" * (-len(shown.replace(" ", "")) % 8))
    assert key == device.bin_key
    # What an app computes from the typed key, the server accepts.
    code = f"{totp(key, step=30, t0=0, digits=6):06d}"
    assert client.post("/account/two-factor/setup/", {"token": code}).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.parametrize(
    ("token", "error"),
    [
        ("000000", "The code is wrong or has expired"),
        ("", "This field is required"),
        ("1" * 17, "Ensure this value has at most 16 characters"),
    ],
)
def test_bad_codes_at_the_second_step_are_refused_clearly(client, counsel, token, error):
    device = TOTPDevice.objects.create(user=counsel, name="authenticator", confirmed=True)
    response = client.post("/en/account/two-factor/verify/", {"token": token})
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html and html.count("<title>Error: ") == 1
    # The field says it is in error, points at the message and takes the focus.
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_token-error"' in html
    assert 'id="id_token-error"' in html and "autofocus" in html
    assert client.get("/admin/").status_code == 302, "still not verified"
    device.refresh_from_db()
    assert device.confirmed


# Self-service in the admin: pair a new app, make new recovery codes.

REPAIR = "/admin/two-factor/authenticator/"
RECOVERY = "/admin/two-factor/recovery-codes/"


@pytest.fixture
def verified(client, counsel):
    """Counsel with an app and three recovery codes, past the second step (with spare001)."""
    app = TOTPDevice.objects.create(user=counsel, name="authenticator", confirmed=True)
    recovery = counsel.staticdevice_set.create(name="recovery")
    for code in ("spare001", "spare002", "spare003"):
        recovery.token_set.create(token=code)
    assert client.post("/account/two-factor/verify/", {"token": "spare001"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    return app


def _unthrottle(user):
    """A wrong code slows the next try on every device; the tests do not wait."""
    for device in [*TOTPDevice.objects.filter(user=user), *StaticDevice.objects.filter(user=user)]:
        device.throttle_reset()


def _tokens(user):
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def test_the_account_page_links_to_the_self_service_pages(client, verified):
    html = client.get("/admin/account/").content.decode()
    assert f'href="{REPAIR}"' in html and f'href="{RECOVERY}"' in html


def test_a_new_app_needs_a_current_code_and_replaces_the_old_one_once_confirmed(
    client, counsel, verified
):
    page = client.get(REPAIR)
    assert page.status_code == 200
    html = page.content.decode()
    assert "wagtail-sidebar" in html, "inside the admin, with its menu"
    pending = TOTPDevice.objects.get(user=counsel, confirmed=False)
    key = base64.b32decode(_shown_key(page).replace(" ", ""))
    assert key == pending.bin_key

    def new_code():
        pending.refresh_from_db()
        pending.last_t = -1
        pending.save()
        _unthrottle(counsel)
        return f"{totp(key):06d}"

    refused = [
        ({"new_token": new_code(), "current_token": "999999"}, "current_token"),
        ({"new_token": new_code(), "current_token": ""}, "current_token"),
        ({"new_token": new_code(), "current_token": "9" * 17}, "current_token"),
        ({"new_token": "000000", "current_token": "spare002"}, "new_token"),
        ({"new_token": "", "current_token": "spare002"}, "new_token"),
    ]
    for data, field in refused:
        response = client.post(REPAIR, data)
        assert response.status_code == 400, data
        assert response.context["form"].errors[field]
        assert f'aria-describedby="id_{field}-helptext id_{field}-error"' in (
            response.content.decode()
        )
        # Nothing changed: the old app still in place, the new one still waiting.
        assert TOTPDevice.objects.get(user=counsel, confirmed=True).pk == verified.pk
        assert TOTPDevice.objects.filter(pk=pending.pk, confirmed=False).exists()
    # A wrong code from the new app cost no recovery code.
    assert _tokens(counsel) == {"spare002", "spare003"}

    response = client.post(REPAIR, {"new_token": new_code(), "current_token": _code(verified)})
    assert response.status_code == 302 and response.url == "/admin/account/"
    assert not TOTPDevice.objects.filter(pk=verified.pk).exists()
    pending.refresh_from_db()
    assert pending.confirmed and pending.name == "authenticator"
    assert list(TOTPDevice.objects.filter(user=counsel)) == [pending]
    assert _tokens(counsel) == {"spare002", "spare003"}, "recovery codes stay"
    assert client.get("/admin/").status_code == 200, "this session stays verified"

    # The next login: the old app's code no longer works, the new app's does.
    client.logout()
    client.force_login(counsel)
    assert client.post("/account/two-factor/verify/", {"token": _code(verified)}).status_code == 400
    assert client.get("/admin/").status_code == 302
    assert client.post("/account/two-factor/verify/", {"token": new_code()}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_each_visit_shows_a_fresh_key_for_the_new_app(client, counsel, verified):
    first = _shown_key(client.get(REPAIR))
    second = _shown_key(client.get(REPAIR))
    assert first != second
    assert TOTPDevice.objects.filter(user=counsel, confirmed=False).count() == 1


def test_new_recovery_codes_need_a_current_code_and_end_the_old_ones(client, counsel, verified):
    page = client.get(RECOVERY)
    assert page.status_code == 200 and page.context["left"] == 2
    for bad in ("999999", "", "x" * 17, "spare001"):  # spare001 was used up
        response = client.post(RECOVERY, {"current_token": bad})
        assert response.status_code == 400, bad
        assert response.context["form"].errors["current_token"]
        assert "data-recovery-codes" not in response.content.decode()
        assert _tokens(counsel) == {"spare002", "spare003"}
        _unthrottle(counsel)

    response = client.post(RECOVERY, {"current_token": _code(verified)})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and _tokens(counsel) == set(codes)
    html = response.content.decode()
    assert all(code in html for code in codes)
    assert 'id="wagtail"' in html

    client.logout()
    client.force_login(counsel)
    assert client.post("/account/two-factor/verify/", {"token": "spare002"}).status_code == 400
    _unthrottle(counsel)
    assert client.post("/account/two-factor/verify/", {"token": codes[0]}).status_code == 302
    # A recovery code also unlocks new ones (and is used up by it).
    response = client.post(RECOVERY, {"current_token": codes[1].upper()})
    assert response.status_code == 200 and codes[1] not in _tokens(counsel)


def test_the_self_service_pages_are_for_verified_admin_users_only(
    client, django_user_model, counsel
):
    # Counsel, not yet past the second step: sent to it.
    TOTPDevice.objects.create(user=counsel, name="authenticator", confirmed=True)
    for path in (REPAIR, RECOVERY):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/account/two-factor/verify/")
        assert client.post(path, {"current_token": "000000"}).status_code == 302
    client.logout()
    for path in (REPAIR, RECOVERY):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/admin/login/")
    member = django_user_model.objects.create_user("m", "m@example.org", "x-long-pass-1")
    member.groups.add(Group.objects.get(name="Member kibbutzim"))
    client.force_login(member)
    for path in (REPAIR, RECOVERY):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/admin/login/")
        assert client.post(path, {"current_token": "000000"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticDevice.objects.filter(user=member).exists()


def test_the_second_step_speaks_the_admin_language_chosen(client, counsel):
    assert client.get("/admin/").url.startswith("/account/two-factor/verify/")
    profile = UserProfile.get_for_user(counsel)
    profile.preferred_language = "en"
    profile.save()
    assert client.get("/admin/").url.startswith("/en/account/two-factor/verify/")


@pytest.mark.parametrize("path", ["/account/two-factor/setup/", REPAIR])
def test_the_key_is_labelled_explained_and_read_out_character_by_character(
    client, counsel, path, request
):
    if path == REPAIR:
        request.getfixturevalue("verified")
    response = client.get(path)
    page = soup(response)
    shown = page.select_one("[data-two-factor-key]")
    assert shown.name == "code" and shown["aria-hidden"] == "true"
    # What a screen reader reads instead: the blocks as a list, their characters spaced, so
    # that it spells them, in English letter names.
    spelled = page.select_one("[data-two-factor-key-spelled]")
    assert spelled["role"] == "list" and spelled["lang"] == "en" and spelled["dir"] == "ltr"
    blocks = [item.text for item in spelled.select("li")]
    assert all(re.fullmatch(r"[A-Z2-7]( [A-Z2-7]){0,3}", block) for block in blocks), blocks
    assert "".join(blocks).replace(" ", "") == shown.text.replace(" ", "")
    with translation.override("he"):
        label = gettext("Cannot scan? Type this key into the app instead:")
        help_text = gettext(
            "Spaces do not matter. The key has only letters and the digits 2 to 7. If the app"
            " asks for the type of key, choose “time-based”."
        )
    assert page.find(id=spelled["aria-labelledby"]).text == label
    assert page.find(id=spelled["aria-describedby"]).text == help_text
    # The key as read out works in an app: its code is accepted.
    device = TOTPDevice.objects.get(user=counsel, confirmed=False)
    key = base64.b32decode("".join(blocks).replace(" ", ""))
    assert device.verify_token(f"{totp(key, step=30, t0=0, digits=6):06d}")
