"""The bytes on the wire: an issue sent through a real SMTP server (aiosmtpd on loopback)."""

import re
from urllib.parse import urlsplit

import pytest

from newsletter import control
from newsletter.models import NewsletterIssuePage, Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(home):
    return NewsletterIssuePage.objects.descendant_of(home).get(locale__language_code="he")


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
    from tests.newsletter.test_subscription import _form_data

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/subscription/", _form_data(email="noa@example.org"))
    (message,) = smtp_server.messages()
    assert message["To"] == "noa@example.org"
    assert message["Subject"] == "נא לאשר את ההרשמה לניוזלטר"
    assert message.get_content_type() == "multipart/alternative"
    html = message.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html
    assert re.search(r"/subscription/confirm/[^/\s]+/", message.get_body(("plain",)).get_content())
