"""A legal request end to end in Chromium: a member logs in, submits a request with a
document and finds it under "my requests"; counsel logs in to the admin with the second
step (an authenticator code), opens the request and answers it. axe checks each page."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from core.groups import LEGAL_COUNSEL
from legal.models import LegalRequest, LegalRequestPage
from members.factories import PASSWORD, MembershipFactory, UserFactory

from .axe import assert_accessible
from .legal_form import submit_a_request


@pytest.fixture
def people(site_url):
    member = MembershipFactory().user
    counsel = UserFactory(groups=[LEGAL_COUNSEL])
    device = TOTPDevice.objects.create(user=counsel, name="app", confirmed=True)
    return {"member": member, "counsel": counsel, "device": device}


def _log_in(page, user):
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[method=post] button[type=submit]").first.click()


def test_member_submits_and_counsel_answers(site_url, browser, people, settings, tmp_path):
    settings.TWO_FACTOR_REQUIRED = True
    document = tmp_path / "bylaws.pdf"
    document.write_bytes(b"%PDF-1.4\n%%EOF\n")

    request_page = f"{site_url}{LegalRequestPage.objects.get(locale__language_code='he').url}"
    member = browser.new_context().new_page()
    member.goto(request_page)
    expect(member).to_have_url(re.compile(r"/account/login/\?next="))
    assert_accessible(member)
    _log_in(member, people["member"])
    expect(member).to_have_url(request_page)
    assert_accessible(member)
    submit_a_request(member.locator("main form"), document)
    legal_request = LegalRequest.objects.get()
    expect(member.locator("main h1")).to_contain_text(legal_request.reference)
    assert_accessible(member)
    member.goto(f"{site_url}/account/requests/")
    expect(member.locator("main table")).to_contain_text(legal_request.reference)
    assert_accessible(member)

    counsel = browser.new_context().new_page()
    counsel.goto(f"{site_url}/admin/")
    _log_in(counsel, people["counsel"])
    expect(counsel).to_have_url(re.compile(r"/account/two-factor/verify/"))
    assert_accessible(counsel)
    device = people["device"]
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    counsel.fill("input[name=token]", f"{code:06d}")
    counsel.locator("main form button[type=submit]").click()
    expect(counsel).to_have_url(f"{site_url}/admin/")
    counsel.goto(f"{site_url}/admin/legal/")
    counsel.get_by_role("link", name=legal_request.reference).click()
    expect(counsel.locator("body")).to_contain_text("bylaws.pdf")
    counsel.locator("select[name=status]").select_option("answered")
    counsel.locator("textarea[name=reply]").fill("כן, באסיפה אחת.")
    counsel.locator("form[method=post] button[type=submit]").last.click()
    expect(counsel.locator("body")).to_contain_text("כן, באסיפה אחת.")
    legal_request.refresh_from_db()
    assert legal_request.status == "answered"

    member.goto(f"{site_url}/account/requests/{legal_request.public_id}/")
    expect(member.locator("main")).to_contain_text("כן, באסיפה אחת.")
    assert_accessible(member)
