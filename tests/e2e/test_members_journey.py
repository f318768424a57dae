"""A kibbutz secretary and legal counsel, from the first invitation to the answer, in Hebrew
in Chromium, by clicking only where a person would click:

- HQ invites the secretary; the secretary follows the emailed link, sets a password, finds
  the legal-advice form from the home page, submits a request with a document and logs out;
- counsel logs in to the admin, pairs an authenticator app by typing the key shown on the
  page (the code is computed from that text, as an app that cannot scan would), finds the
  request by searching its reference and answers it;
- the secretary logs in with the email address in other letter case and reads the answer.

axe checks every page on the way."""

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from core.groups import LEGAL_COUNSEL
from legal.models import LegalRequest, LegalRequestPage
from members.factories import PASSWORD, KibbutzFactory, UserFactory
from members.invitations import send_invitation
from members.models import Invitation

from .axe import assert_accessible
from .legal_form import submit_a_request

SECRETARY = "Dana.Secretary@Example.org"
NEW_PASSWORD = "gate-orchard-2026-tractor"
ANSWER = "כן, אפשר לתקן את התקנון באסיפה אחת, ברוב של שני שלישים."


def _code_from_typed_key(key):
    """What an authenticator app shows for a base32 key typed in by hand (RFC 6238)."""
    secret = base64.b32decode(key.replace(" ", "").upper())
    return f"{totp(secret, step=30, t0=0, digits=6, drift=0):06d}"


def _log_in(page, email, password):
    form = page.locator("main form")
    form.get_by_label("דואר אלקטרוני").fill(email)
    form.get_by_label(re.compile(r"^\s*סיסמה")).fill(password)
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()


@pytest.fixture
def kibbutz(site_url):
    return KibbutzFactory()


def test_a_secretary_asks_and_counsel_answers(site_url, browser, kibbutz, settings, tmp_path):
    settings.TWO_FACTOR_REQUIRED = True
    document = tmp_path / "bylaws.pdf"
    document.write_bytes(b"%PDF-1.4\n%%EOF\n")
    form_page = LegalRequestPage.objects.get(locale__language_code="he")

    # HQ's invitation arrives by email.
    send_invitation(Invitation(email=SECRETARY.lower(), kibbutz=kibbutz, role="secretary"), "he")
    (invitation,) = mail.outbox
    link = re.search(r"https?://\S+/invitation/\S+/", invitation.body).group(0)

    secretary = browser.new_context().new_page()
    secretary.goto(link.replace("http://testserver", site_url))
    expect(secretary.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(secretary)
    secretary.get_by_label("שם פרטי").fill("דנה")
    secretary.get_by_label("שם משפחה").fill("כהן")
    secretary.get_by_label(re.compile(r"^\s*סיסמה")).fill(NEW_PASSWORD)
    secretary.get_by_label("הסיסמה שוב").fill(NEW_PASSWORD)
    secretary.locator("main form button[type=submit]").click()
    expect(secretary.locator("main h1")).to_have_text("הקיבוץ שלי")

    # From the home page to the form, by clicking.
    secretary.goto(f"{site_url}/")
    assert_accessible(secretary)
    secretary.locator("header").get_by_role("link", name="הקיבוץ שלי").click()
    assert_accessible(secretary)
    secretary.locator("main").get_by_role("link", name=form_page.title).click()
    expect(secretary).to_have_url(f"{site_url}{form_page.url}")
    assert_accessible(secretary)
    submit_a_request(secretary.locator("main form"), document)
    legal_request = LegalRequest.objects.get()
    expect(secretary.locator("main h1")).to_contain_text(legal_request.reference)
    assert_accessible(secretary)
    secretary.locator("header").get_by_role("button", name="יציאה").click()
    expect(secretary.locator("header").get_by_role("link", name="כניסת חברים")).to_be_visible()
    assert_accessible(secretary)

    # Counsel: the admin's login, then pairing an app by typing the key.
    counsel = browser.new_context().new_page()
    counsel_user = UserFactory(groups=[LEGAL_COUNSEL])
    counsel.goto(f"{site_url}/admin/")
    _log_in(counsel, counsel_user.email, PASSWORD)
    counsel.wait_for_url(re.compile(r"/account/two-factor/setup/"))
    assert_accessible(counsel)
    key = counsel.locator("[data-two-factor-key]").inner_text()
    counsel.get_by_role("textbox").fill(_code_from_typed_key(key))
    counsel.get_by_role("button", name="אישור").click()
    expect(counsel.locator("[data-recovery-codes] li")).to_have_count(10)
    assert_accessible(counsel)
    counsel.locator("main a.button").click()
    counsel.wait_for_url(re.compile(r"/admin/$"))
    assert_accessible(counsel)

    # The request, found by its reference, answered.
    counsel.get_by_role("link", name="בקשות לייעוץ משפטי").click()
    assert_accessible(counsel)
    filters = counsel.locator("form[role=search].legal-filters")
    filters.get_by_role("searchbox").fill(legal_request.reference)
    filters.get_by_role("button", name="סינון").click()
    expect(counsel.locator("main table").first.locator("tbody tr")).to_have_count(1)
    counsel.get_by_role("link", name=legal_request.reference).click()
    expect(counsel.locator("main")).to_contain_text("bylaws.pdf")
    assert_accessible(counsel)
    counsel.locator("select[name=status]").select_option("answered")
    counsel.locator("textarea[name=reply]").fill(ANSWER)
    counsel.locator("form[method=post] button[type=submit]").last.click()
    expect(counsel.locator("main")).to_contain_text(ANSWER)
    assert_accessible(counsel)

    # The secretary logs in again, with the address in capitals, and reads the answer.
    secretary.locator("header").get_by_role("link", name="כניסת חברים").click()
    _log_in(secretary, SECRETARY.upper(), NEW_PASSWORD)
    expect(secretary.locator("main h1")).to_have_text("הקיבוץ שלי")
    secretary.locator("main").get_by_role("link", name="הבקשות של הקיבוץ שלי").click()
    assert_accessible(secretary)
    secretary.get_by_role("link", name=legal_request.reference).click()
    expect(secretary.locator("main")).to_contain_text(ANSWER)
    assert_accessible(secretary)
