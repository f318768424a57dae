"""Two-step login as an editor meets it, in Chromium: the set-up page wears the admin's look
(not the public site's), its key can be typed into an app that cannot scan (the code here
is computed from the key as a screen reader reads it out, as such an app would), and later
the editor makes new recovery codes alone, after a current code (one of the first recovery
codes). axe checks every page."""

import base64
import re

from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import expect

from .admin import submit_password
from .axe import assert_accessible


def _code_from_typed_key(key):
    """What an authenticator app shows for a base32 key typed in by hand (RFC 6238)."""
    secret = base64.b32decode(key.replace(" ", "").upper())
    return f"{totp(secret, step=30, t0=0, digits=6, drift=0):06d}"


def test_an_editor_pairs_an_app_by_typing_the_key_and_renews_recovery_codes(
    site_url, editor, page, settings
):
    settings.TWO_FACTOR_REQUIRED = True
    submit_password(page, site_url, editor)

    page.wait_for_url(re.compile(r"/account/two-factor/setup/"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # The admin's sign-in look: none of the public site's menu or newsletter form.
    expect(page.locator("nav.main-menu")).to_have_count(0)
    expect(page.locator("form[action*=newsletter]")).to_have_count(0)
    expect(page.locator("link[href*='wagtailadmin/css']")).not_to_have_count(0)
    assert_accessible(page)

    key = page.locator("[data-two-factor-key]").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key), key
    # A screen reader finds the key by its label, as a list of blocks spelled out, with the
    # instructions as its description; typed as read out, it gives a working code.
    spelled = page.get_by_role("list", name="לא מצליחים לסרוק? הקלידו ביישומון את המפתח הזה:")
    expect(spelled).to_have_attribute("aria-describedby", "two-factor-key-help")
    expect(page.locator("#two-factor-key-help")).to_be_visible()
    read_out = spelled.get_by_role("listitem").all_inner_texts()
    assert all(re.fullmatch(r"[A-Z2-7]( [A-Z2-7]){0,3}", block) for block in read_out)
    assert "".join(read_out).replace(" ", "") == key.replace(" ", "")
    page.get_by_role("textbox").fill(_code_from_typed_key(" ".join(read_out)))
    page.get_by_role("button", name="אישור").click()

    codes = page.locator("[data-recovery-codes] li")
    expect(codes).to_have_count(10)
    first_codes = codes.all_inner_texts()
    assert_accessible(page)
    page.locator("main a.button").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # Later: new recovery codes from the account page, behind a current code.
    page.goto(f"{site_url}{reverse('wagtailadmin_account')}")
    page.get_by_role("tab", name="פעולות נוספות").click()
    page.get_by_role("link", name="קודי שחזור חדשים").click()
    current = page.locator("input[name=current_token]")
    expect(current).to_be_visible()  # axe must not run on a page being replaced
    assert_accessible(page)
    current.fill("000000")
    page.get_by_role("button", name="יצירת קודים חדשים").click()
    expect(page.locator("[data-recovery-codes]")).to_have_count(0)  # a wrong code: nothing new
    expect(current).to_be_focused()
    assert_accessible(page)

    page.wait_for_timeout(1500)  # django-otp refuses any code for 1 s after a wrong one
    current.fill(first_codes[0])  # a recovery code is a current code too
    page.get_by_role("button", name="יצירת קודים חדשים").click()
    new_codes = page.locator("[data-recovery-codes] li")
    expect(new_codes).to_have_count(10)
    assert set(new_codes.all_inner_texts()).isdisjoint(first_codes)
