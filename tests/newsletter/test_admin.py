"""The newsletter in the admin: editors test an issue on themselves; only Newsletter
senders send it, once, and follow, pause, resume or cancel the campaign."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands import db_worker

from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import Campaign, Subscriber
from tests.html import soup
from tests.settings_probe import setting

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(home):
    return NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))


def _user(django_user_model, client, *groups):
    user = django_user_model.objects.create_user(
        username="-".join(groups).replace(" ", "_"), email="ruth@example.org", password="x"
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return user


@pytest.fixture
def editor(django_user_model, client):
    return _user(django_user_model, client, "Editors")


@pytest.fixture
def sender(django_user_model, client):
    return _user(django_user_model, client, "Editors", "Newsletter senders")


@pytest.fixture
def subscribers():
    for n in range(3):
        Subscriber.objects.create(email=f"he{n}@example.org", language="he", status="active")
    Subscriber.objects.create(email="en@example.org", language="en", status="active")
    Subscriber.objects.create(email="pending@example.org", language="he")


def test_an_editor_sends_a_test_of_the_draft_to_themselves(client, editor, issue):
    draft = issue.get_latest_revision_as_object()
    draft.subject = "טיוטה חדשה"
    draft.save_revision()
    url = f"/admin/newsletter/issue/{issue.pk}/test/"
    assert client.get(url).status_code == 200
    assert mail.outbox == [], "opening the page sends nothing"
    response = client.post(url)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["ruth@example.org"]
    assert message.subject.endswith("טיוטה חדשה")
    assert message.alternatives[0][1] == "text/html"
    assert message.from_email == f"התאגדות הקיבוצים השיתופיים <{settings.DEFAULT_FROM_EMAIL}>"


def test_an_editor_may_not_send_to_subscribers(client, editor, issue, subscribers):
    # Wagtail turns a refusal into a message and a redirect to the dashboard.
    for method, url in [
        (client.get, f"/admin/newsletter/issue/{issue.pk}/send/"),
        (client.post, f"/admin/newsletter/issue/{issue.pk}/send/"),
        (client.get, "/admin/newsletter/"),
    ]:
        assert method(url).url == "/admin/"
    assert not Campaign.objects.exists()
    edit_page = client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/newsletter/issue/{issue.pk}/test/" in edit_page
    assert f"/admin/newsletter/issue/{issue.pk}/send/" not in edit_page


def test_a_sender_sends_an_issue_once(
    client, sender, issue, subscribers, django_capture_on_commit_callbacks
):
    url = f"/admin/newsletter/issue/{issue.pk}/send/"
    assert url in client.get("/admin/newsletter/").content.decode(), "listed as not sent yet"
    confirm = client.get(url)
    assert confirm.context["recipients"] == 3
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    campaign = Campaign.objects.get()
    assert response.url == f"/admin/newsletter/campaign/{campaign.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == [f"he{n}@example.org" for n in range(3)]
    assert campaign.subject == issue.subject
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url)
    assert again.url == response.url
    assert Campaign.objects.count() == 1 and len(mail.outbox) == 3

    progress = client.get(response.url)
    assert progress.context["progress"]["sent"] == 3
    listing = client.get("/admin/newsletter/").content.decode()
    assert campaign.subject in listing
    assert url not in listing


def test_an_unpublished_issue_is_not_sent(client, sender, issue, subscribers):
    issue.unpublish()
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/send/")
    assert response.status_code == 302
    assert not Campaign.objects.exists()


def test_a_sender_pauses_resumes_and_cancels(
    client, sender, issue, subscribers, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/newsletter/issue/{issue.pk}/send/")
    campaign = Campaign.objects.get()
    url = f"/admin/newsletter/campaign/{campaign.pk}/"
    assert 'http-equiv="refresh"' in client.get(url).content.decode()
    for action, status in [("pause", "paused"), ("resume", "sending"), ("cancel", "cancelled")]:
        client.post(url, {"action": action})
        campaign.refresh_from_db()
        assert campaign.status == status
    assert campaign.progress()["cancelled"] == 3
    assert mail.outbox == []


def test_senders_look_up_subscribers_and_editors_cannot(client, django_user_model, subscribers):
    _user(django_user_model, client, "Editors")
    assert client.get("/admin/newsletter_subscribers/").url == "/admin/"
    sender = _user(django_user_model, client, "Newsletter senders")
    listing = client.get("/admin/newsletter_subscribers/?q=he1")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "he1@example.org" in page and "he2@example.org" not in page
    assert "/admin/newsletter_subscribers/new/" not in page, "nobody adds subscribers by hand"
    assert client.get("/admin/newsletter_subscribers/new/").url == "/admin/"
    assert sender.has_perm("newsletter.view_subscriber")


def test_the_sender_names_are_site_settings_under_newsletter(admin_client, site):
    url = reverse("wagtailsettings:edit", args=("core", "sitesettings", site.pk))
    page = soup(admin_client.get(url))
    names = {"he": "התאגדות הקיבוצים השיתופיים", "en": "Association of Cooperative Kibbutzim"}
    for language, name in names.items():
        field = page.select_one(f"input[name=newsletter_sender_{language}]")
        assert field["value"] == name
        panel = field.find_parent("section")
        assert panel.select_one(".w-panel__heading").get_text(strip=True) == "ניוזלטר"


def test_with_the_task_queue_a_send_waits_for_the_worker(
    client, sender, issue, subscribers, django_capture_on_commit_callbacks, settings, monkeypatch
):
    """TASKS_BACKEND=database in development, as production runs: Send returns at once, and
    `db_worker` (`make worker`) delivers."""
    settings.TASKS = setting(
        "TASKS", DJANGO_SETTINGS_MODULE="config.settings.dev", TASKS_BACKEND="database"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/newsletter/issue/{issue.pk}/send/")
    campaign = Campaign.objects.get()
    assert mail.outbox == []
    assert campaign.progress()["queued"] == 3

    # The worker closes connections between tasks, as after a request; here that would end
    # the test's transaction (Django's test client skips it for the same reason).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == [f"he{n}@example.org" for n in range(3)]
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE
