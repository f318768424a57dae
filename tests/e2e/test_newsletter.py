"""The newsletter end to end: a reader subscribes on the real page in Chromium, confirms
from the email a real SMTP server received, gets the issue HQ sends and leaves with the
one-click unsubscribe POST that mailbox providers make."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from core.antispam import MIN_SECONDS_TO_FILL
from members.models import User
from newsletter import control
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Subscriber
from tests.seeded import seeded_page

from .axe import assert_accessible

ADDRESS = "reader@example.org"


def test_subscribe_confirm_receive_and_unsubscribe(site_url, page, smtp_server, settings):
    settings.WAGTAILADMIN_BASE_URL = site_url  # the links in the emails lead here

    page.goto(f"{site_url}{seeded_page(NewsletterIndexPage).url}")
    assert_accessible(page)
    form = page.locator("main form")
    form.get_by_label(re.compile("כתובת")).fill(ADDRESS)
    form.get_by_role("checkbox").check()
    page.wait_for_timeout(MIN_SECONDS_TO_FILL * 1000 + 200)  # a person takes a moment
    form.get_by_role("button").click()
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page)

    confirmation = smtp_server.wait_for_message(1)
    assert confirmation["To"] == ADDRESS
    link = re.search(
        r"https?://\S+/subscription/confirm/\S+/", confirmation.get_body(("plain",)).get_content()
    )[0]
    page.goto(link)
    assert_accessible(page)
    assert Subscriber.objects.get(email=ADDRESS).status == "pending", "a GET changes nothing"
    page.locator("main form").get_by_role("button").click()
    expect(page.locator("main h1")).to_be_visible()
    assert Subscriber.objects.get(email=ADDRESS).status == "active"
    # The way to leave, offered at once, before the first issue.
    expect(page.get_by_role("link", name="ביטול ההרשמה לניוזלטר")).to_be_visible()
    assert_accessible(page)

    issue = seeded_page(NewsletterIssuePage)
    control.start(issue, User.objects.create_user("sender", "sender@example.org"))
    message = smtp_server.wait_for_message(2)
    assert message["Subject"] == issue.subject
    html = message.get_body(("html",)).get_content()
    assert '<html lang="he" dir="rtl">' in html
    web_version = re.search(r'href="([^"]+)"[^>]*>לקריאת הגיליון באתר', html)[1]
    page.goto(web_version)
    expect(page.locator("main h1")).to_have_text(issue.title)
    assert_accessible(page)

    url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"].strip())[1]
    assert urlsplit(url).netloc == urlsplit(site_url).netloc
    response = page.request.post(url, form={"List-Unsubscribe": "One-Click"}, max_redirects=0)
    assert response.status == 200
    assert Subscriber.objects.get(email=ADDRESS).status == "unsubscribed"
