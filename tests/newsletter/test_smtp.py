"""The bytes on the wire: an issue sent through a real SMTP server (aiosmtpd on loopback)."""

import email
import email.policy
import re
from email.header import decode_header, make_header
from email.utils import parseaddr
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from core.models import SiteSettings
from newsletter import control
from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import NewsletterIssuePage, Subscriber
from tests.newsletter.test_subscription import _form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(home):
    return NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))


def test_an_issue_on_the_wire(
    client, smtp_server, issue, admin_user, django_capture_on_commit_callbacks
):
    for n in range(3):
        Subscriber.objects.create(email=f"he{n}@example.org", language="he", status="active")
    with django_capture_on_commit_callbacks(execute=True):
        control.start(issue, admin_user)

    envelopes = smtp_server.envelopes
    assert sorted(e.rcpt_tos[0] for e in envelopes) == [f"he{n}@example.org" for n in range(3)]
    assert all(len(e.rcpt_tos) == 1 for e in envelopes), "each message to one recipient"
    for envelope, message in zip(envelopes, smtp_server.messages(), strict=True):
        assert message["To"] == envelope.rcpt_tos[0]
        assert message["Subject"] == issue.subject  # Hebrew, decoded from RFC 2047
        assert message.get_content_type() == "multipart/alternative"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert issue.title in text
        assert re.search(r'<html lang="he" dir="rtl">', html)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # A long header is folded; the folding whitespace is not part of the value.
        url = re.fullmatch(r"<(https?://[^>]+)>", message["List-Unsubscribe"].strip())[1]
        assert url in html and url in text
        assert message["Message-ID"]

    # The one-click POST the mailbox provider makes: no cookie, no CSRF token.
    message = smtp_server.messages()[0]
    url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"].strip())[1]
    client.cookies.clear()
    response = client.post(urlsplit(url).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber = Subscriber.objects.get(email=message["To"])
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_confirmation_email_on_the_wire(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/subscription/", _form_data(email="noa@example.org"))
    (message,) = smtp_server.messages()
    assert message["To"] == "noa@example.org"
    assert message["Subject"] == "נא לאשר את ההרשמה לניוזלטר"
    assert message.get_content_type() == "multipart/alternative"
    html = message.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html
    assert re.search(r"/subscription/confirm/[^/\s]+/", message.get_body(("plain",)).get_content())
    # A way to leave before the first issue: the same one-click unsubscribe as an issue's.
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(https?://[^>]+)>", message["List-Unsubscribe"].strip())[1]
    assert url in message.get_body(("plain",)).get_content()
    client.cookies.clear()
    assert client.post(urlsplit(url).path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Subscriber.objects.get(email="noa@example.org").status == Subscriber.Status.UNSUBSCRIBED


SENDER_NAMES = {"he": "התאגדות הקיבוצים השיתופיים", "en": "Association of Cooperative Kibbutzim"}


def _sender(envelope):
    """(name, address) of the From header as mail clients read it. RFC 2047 decoding of the
    raw header: Python's own address parser keeps the folding space between two encoded
    words, which RFC 2047 (6.2) drops, so it would split a long Hebrew name in two."""
    raw = email.message_from_bytes(envelope.content, policy=email.policy.compat32)["From"]
    name, address = parseaddr(raw)
    return str(make_header(decode_header(name))), address


@pytest.mark.parametrize("language", ["he", "en"])
def test_the_confirmation_is_from_the_newsletters_name_in_the_readers_language(
    client, smtp_server, django_capture_on_commit_callbacks, language
):
    prefix = "" if language == "he" else f"/{language}"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{prefix}/subscription/", _form_data(language=language))
    (envelope,) = smtp_server.envelopes
    assert _sender(envelope) == (SENDER_NAMES[language], settings.DEFAULT_FROM_EMAIL)
    assert envelope.mail_from == settings.DEFAULT_FROM_EMAIL


@pytest.mark.parametrize(
    ("language", "name"),
    [("he", "המטה השיתופי, הניוזלטר"), ("en", 'The "Cooperative HQ", newsletter')],
)
def test_an_issue_is_from_the_name_set_for_its_language(
    smtp_server, site, admin_user, django_capture_on_commit_callbacks, language, name
):
    site_settings = SiteSettings.for_site(site)
    setattr(site_settings, f"newsletter_sender_{language}", name)
    site_settings.save()
    issue = NewsletterIssuePage.objects.get(locale__language_code=language)
    Subscriber.objects.create(email="reader@example.org", language=language, status="active")
    with django_capture_on_commit_callbacks(execute=True):
        control.start(issue, admin_user)
    (envelope,) = smtp_server.envelopes
    assert _sender(envelope) == (name, settings.DEFAULT_FROM_EMAIL)
    assert envelope.mail_from == settings.DEFAULT_FROM_EMAIL
