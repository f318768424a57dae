"""Every link in the site's emails leads to the configured base URL: with `make run PORT=8123`,
the confirmation, unsubscribe, campaign, invitation, legal-notice, password-reset and
Wagtail's moderation emails all point at port 8123."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core import groups
from core.seed.site_address import point_default_site_at_base_url
from legal.factories import LegalRequestFactory
from legal.models import Notice
from legal.tasks import send_pending
from members.factories import KibbutzFactory, UserFactory
from members.invitations import send_invitation
from members.models import Invitation
from news.factories import NewsIndexPageFactory
from news.models import NewsPage
from newsletter import control
from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriberFactory,
)
from newsletter.models import Subscriber
from newsletter.tasks import send_confirmation
from tests.news.forms import update_form

pytestmark = pytest.mark.django_db

BASE_URL = "http://127.0.0.1:8123"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def base_url(settings):
    """The site as `make run PORT=8123` has it: the base URL from the port, and the default
    site pointed at it, as the seed does at every `make run`."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    point_default_site_at_base_url()


def _links(message):
    parts = [message.body, *message.extra_headers.values()]
    parts += [content for content, _ in getattr(message, "alternatives", [])]
    return LINK.findall("\n".join(parts))


def _assert_every_link_leads_to_the_base_url():
    assert mail.outbox
    for message in mail.outbox:
        links = _links(message)
        assert links, message.subject
        elsewhere = [link for link in links if not link.startswith(f"{BASE_URL}/")]
        assert elsewhere == [], message.subject


def test_newsletter_confirmation_and_campaign(home, django_capture_on_commit_callbacks):
    pending = SubscriberFactory(status=Subscriber.Status.PENDING)
    send_confirmation.enqueue(pending.pk)
    reader = SubscriberFactory()
    issue = NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))
    sender = UserFactory(groups=[groups.NEWSLETTER_SENDERS])
    with django_capture_on_commit_callbacks(execute=True):
        control.start(issue, sender)
    assert {m.to[0] for m in mail.outbox} == {pending.email, reader.email}
    _assert_every_link_leads_to_the_base_url()


def test_invitation_and_password_reset(client, django_capture_on_commit_callbacks):
    invitation = Invitation(email="dana@example.org", kibbutz=KibbutzFactory(), role="secretary")
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(invitation, "he")
    member = UserFactory()
    client.post(reverse("account:password_reset"), {"email": member.email})
    assert len(mail.outbox) == 2
    _assert_every_link_leads_to_the_base_url()


def test_legal_notices():
    legal_request = LegalRequestFactory(kibbutz=KibbutzFactory())
    for kind in Notice.Kind.values:
        Notice.objects.create(request=legal_request, kind=kind, to=f"{kind}@example.org")
    assert send_pending(Notice.objects.all()) == 3
    _assert_every_link_leads_to_the_base_url()


def test_wagtail_moderation_notifications(client, home, django_capture_on_commit_callbacks):
    """A moderator is told of a submitted update (an admin link), and its editor of its
    approval (a link to the page, Wagtail's page.full_url from the Site record)."""
    editor = UserFactory(groups=[groups.EDITORS])
    moderator = UserFactory(groups=[groups.MODERATORS])
    index = NewsIndexPageFactory(parent=home)
    data = update_form("עדכון לאישור", "for-approval") | {"action-submit": "1"}
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk)), data)
    update = NewsPage.objects.get(slug="for-approval")
    task_state = update.current_workflow_state.current_task_state
    client.force_login(moderator)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(update.pk, "approve", task_state.pk)
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve, {"comment": ""})
    assert {m.to[0] for m in mail.outbox} >= {editor.email, moderator.email}
    _assert_every_link_leads_to_the_base_url()
