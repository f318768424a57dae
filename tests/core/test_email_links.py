"""Every link in the site's emails leads to the configured base URL: with `make run PORT=8123`,
the confirmation, unsubscribe, campaign, invitation, legal-notice, password-reset and
Wagtail's moderation emails all point at port 8123."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core import groups
from legal.models import LegalRequest, Notice
from legal.tasks import send_pending
from members.invitations import send_invitation
from members.models import Invitation, Kibbutz
from news.models import NewsIndexPage, NewsPage
from newsletter import control
from newsletter.models import NewsletterIssuePage, Subscriber
from newsletter.tasks import send_confirmation
from tests.news.forms import update_form

pytestmark = pytest.mark.django_db

BASE_URL = "http://127.0.0.1:8123"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def base_url(settings):
    """The site as `make run PORT=8123` has it: the base URL from the port, and the seed run
    under it."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    call_command("seed", verbosity=0)


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


def _user(django_user_model, name, *group_names):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pass-2026-long")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def test_newsletter_confirmation_and_campaign(
    django_user_model, django_capture_on_commit_callbacks
):
    pending = Subscriber.objects.create(email="new@example.org", language="he")
    send_confirmation.enqueue(pending.pk)
    Subscriber.objects.create(email="reader@example.org", language="he", status="active")
    issue = NewsletterIssuePage.objects.get(locale__language_code="he")
    sender = _user(django_user_model, "sender", groups.NEWSLETTER_SENDERS)
    with django_capture_on_commit_callbacks(execute=True):
        control.start(issue, sender)
    assert {m.to[0] for m in mail.outbox} == {"new@example.org", "reader@example.org"}
    _assert_every_link_leads_to_the_base_url()


def test_invitation_and_password_reset(
    client, django_user_model, django_capture_on_commit_callbacks
):
    kibbutz = Kibbutz.objects.create(name_he="קיבוץ", name_en="Kibbutz", region="north")
    invitation = Invitation(email="dana@example.org", kibbutz=kibbutz, role="secretary")
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(invitation, "he")
    member = _user(django_user_model, "ruth")
    client.post(reverse("account:password_reset"), {"email": member.email})
    assert len(mail.outbox) == 2
    _assert_every_link_leads_to_the_base_url()


def test_legal_notices(django_user_model):
    kibbutz = Kibbutz.objects.create(name_he="קיבוץ", name_en="Kibbutz", region="north")
    legal_request = LegalRequest.objects.create(
        reference="2026-0001",
        kibbutz=kibbutz,
        topic="bylaws",
        subject="תקנון",
        description="שאלה",
        phone="050-1234567",
        privacy_acknowledged_at=timezone.now(),
    )
    for kind in Notice.Kind.values:
        Notice.objects.create(request=legal_request, kind=kind, to=f"{kind}@example.org")
    assert send_pending(Notice.objects.all()) == 3
    _assert_every_link_leads_to_the_base_url()


def test_wagtail_moderation_notifications(
    client, django_user_model, home, django_capture_on_commit_callbacks
):
    """A moderator is told of a submitted update (an admin link), and its editor of its
    approval (a link to the page, Wagtail's page.full_url from the Site record)."""
    editor = _user(django_user_model, "editor", groups.EDITORS)
    moderator = _user(django_user_model, "moderator", groups.MODERATORS)
    index = NewsIndexPage.objects.child_of(home).get()
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
