"""Other apps' mail sent the newsletter's way (newsletter.outbox): each address once, none
suppressed for a bounce or a complaint, each recipient's token in their links, and an
unsubscribe link and header only when the mail is not transactional."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from newsletter import outbox
from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import Campaign, Suppression, email_hash

pytestmark = pytest.mark.django_db

PATTERN = f"http://testserver/elsewhere/{outbox.TOKEN_MARKER}/stop/"
ANYMAIL_TEST = "anymail.backends.test.EmailBackend"


def _content(unsubscribe=True):
    link = f"http://testserver/mine/{outbox.TOKEN_MARKER}/"
    leave = f' <a href="{outbox.UNSUBSCRIBE_MARKER}">leave</a>' if unsubscribe else ""
    leave_text = f"\nleave: {outbox.UNSUBSCRIBE_MARKER}" if unsubscribe else ""
    return f'<p dir="rtl">שלום <a href="{link}">mine</a>{leave}</p>', f"שלום {link}{leave_text}"


def _send(recipients, pattern, django_capture_on_commit_callbacks):
    html, text = _content(unsubscribe=bool(pattern))
    with django_capture_on_commit_callbacks(execute=True):
        return outbox.send_to(recipients, "נושא", html, text, "he", pattern, None)


def _recipients(*addresses):
    return [outbox.Recipient(address, f"token-{n}") for n, address in enumerate(addresses)]


def test_each_address_once_and_none_that_bounced_or_complained(django_capture_on_commit_callbacks):
    for address, reason in [("b@example.org", "bounced"), ("c@example.org", "complained")]:
        Suppression.objects.create(email_hash=email_hash(address), reason=reason)
    # An erasure from the newsletter withdrew consent to the newsletter only.
    Suppression.objects.create(email_hash=email_hash("e@example.org"), reason="erased")
    recipients = _recipients("a@example.org", "A@Example.org", "b@example.org", "c@example.org")
    campaign = _send(
        [*recipients, *_recipients("e@example.org")], "", django_capture_on_commit_callbacks
    )
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "e@example.org"]
    campaign.refresh_from_db()
    assert campaign.issue is None and campaign.status == Campaign.Status.DONE


def test_transactional_mail_has_no_unsubscribe_link_or_header(django_capture_on_commit_callbacks):
    _send(_recipients("a@example.org"), "", django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert "List-Unsubscribe-Post" not in message.extra_headers
    assert "http://testserver/mine/token-0/" in message.body
    assert "http://testserver/mine/token-0/" in message.alternatives[0][0]
    assert outbox.TOKEN_MARKER not in message.body + message.alternatives[0][0]


def test_other_mail_unsubscribes_at_its_own_address(django_capture_on_commit_callbacks):
    _send(
        _recipients("a@example.org", "b@example.org"), PATTERN, django_capture_on_commit_callbacks
    )
    for n, message in enumerate(sorted(mail.outbox, key=lambda m: m.to)):
        url = f"http://testserver/elsewhere/token-{n}/stop/"
        assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert url in message.body and url in message.alternatives[0][0]
        assert f"http://testserver/mine/token-{n}/" in message.body


@pytest.mark.parametrize("pattern", ["", PATTERN], ids=["transactional", "unsubscribable"])
def test_a_batch_provider_gets_each_recipients_own_fields(
    settings, django_capture_on_commit_callbacks, pattern
):
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    _send(
        _recipients("a@example.org", "b@example.org"), pattern, django_capture_on_commit_callbacks
    )
    (message,) = mail.outbox
    params = message.anymail_test_params
    assert "{{token}}" in params["text_body"]
    merge_data = params["merge_data"]["b@example.org"]
    assert merge_data["token"] == "token-1"
    if pattern:
        url = "http://testserver/elsewhere/token-1/stop/"
        assert merge_data["unsubscribe_url"] == url
        assert params["merge_headers"]["b@example.org"] == {"List-Unsubscribe": f"<{url}>"}
        assert params["extra_headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    else:
        assert "unsubscribe_url" not in merge_data
        assert not params.get("merge_headers")
        assert "List-Unsubscribe-Post" not in params.get("extra_headers", {})


@pytest.mark.parametrize(
    "pattern",
    [
        "/relative/" + outbox.TOKEN_MARKER,
        "https://example.org/no-token/",
        "",  # transactional, yet with an unsubscribe link
    ],
)
def test_what_cannot_be_sent_is_refused_before_anything_is_queued(pattern):
    html, text = _content(unsubscribe=True)
    with pytest.raises(ValueError):
        outbox.send_to(_recipients("a@example.org"), "נושא", html, text, "he", pattern, None)
    with pytest.raises(ValueError):
        outbox.send_to(_recipients("a@example.org"), "a\nBcc: b", html, text, "he", PATTERN, None)
    assert not Campaign.objects.exists()


def test_the_newsletters_list_shows_other_mail_and_still_the_unsent_issues(
    client, django_user_model, home, django_capture_on_commit_callbacks
):
    issue = NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))
    _send(_recipients("a@example.org"), "", django_capture_on_commit_callbacks)
    user = django_user_model.objects.create_user(username="sender", password="x")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Newsletter senders"]))
    client.force_login(user)
    response = client.get("/admin/newsletter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "נושא" in html, "the other mail's campaign is listed"
    assert f"/admin/newsletter/issue/{issue.pk}/send/" in html, "the issue is still unsent"
