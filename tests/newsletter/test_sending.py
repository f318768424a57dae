"""A campaign reaches every active subscriber of its language exactly once, or marks the
recipient unknown: never twice, never silently dropped."""

import datetime
import threading

import pytest
from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection as db_connection
from django.utils import timezone
from wagtail.models import Page

from newsletter import control, sending
from newsletter.emails import UNSUBSCRIBE_MARKER
from newsletter.models import Campaign, Subscriber, Suppression, email_hash

HE_SUBSCRIBERS = 25


def _subscribers():
    for n in range(HE_SUBSCRIBERS):
        Subscriber.objects.create(email=f"he{n}@example.org", language="he", status="active")
    for n in range(5):
        Subscriber.objects.create(email=f"en{n}@example.org", language="en", status="active")
    Subscriber.objects.create(email="pending@example.org", language="he", status="pending")
    Subscriber.objects.create(email="gone@example.org", language="he", status="unsubscribed")
    # Suppressed after a complaint, though still marked active:
    Subscriber.objects.create(email="complained@example.org", language="he", status="active")
    Suppression.objects.create(email_hash=email_hash("complained@example.org"), reason="complained")


def _campaign():
    campaign = Campaign.objects.create(
        issue=Page.get_first_root_node(),  # any page: these tests are about sending
        language="he",
        subject="גיליון בדיקה",
        html=f'<p dir="rtl">שלום</p><a href="{UNSUBSCRIBE_MARKER}">הסרה</a>',
        text=f"שלום\nלהסרה: {UNSUBSCRIBE_MARKER}",
    )
    sending.queue_deliveries(campaign)
    return campaign


class FailingAfter(EmailBackend):
    """A provider that takes `k` messages, then fails on every one."""

    def __init__(self, k, **kwargs):
        super().__init__(**kwargs)
        self.left = k

    def send_messages(self, messages):
        if self.left <= 0:
            raise ConnectionResetError("provider went away")
        self.left -= len(messages)
        return super().send_messages(messages)


def _recipients():
    return [message.to[0] for message in mail.outbox]


@pytest.mark.django_db
def test_each_active_subscriber_of_the_language_once():
    _subscribers()
    campaign = _campaign()
    sending.run_campaign(campaign, batch_size=7, per_minute=10**6)
    recipients = _recipients()
    assert sorted(recipients) == sorted(f"he{n}@example.org" for n in range(HE_SUBSCRIBERS))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE
    assert set(campaign.deliveries.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_every_message_carries_its_own_one_click_unsubscribe():
    _subscribers()
    sending.run_campaign(_campaign(), batch_size=50, per_minute=10**6)
    message = mail.outbox[0]
    token = Subscriber.objects.get(email=message.to[0]).token
    url = f"http://testserver/subscription/unsubscribe/{token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body and url in message.alternatives[0][0]


@pytest.mark.django_db
def test_queueing_twice_adds_no_second_delivery():
    _subscribers()
    campaign = _campaign()
    sending.queue_deliveries(campaign)
    assert campaign.deliveries.count() == HE_SUBSCRIBERS


@pytest.mark.django_db
@pytest.mark.parametrize("k", [0, 3, 7, 11])
def test_a_failing_provider_then_a_resume_mails_everyone_once_or_marks_unknown(k):
    _subscribers()
    campaign = _campaign()
    with pytest.raises(sending.ProviderError):
        sending.run_campaign(campaign, batch_size=5, per_minute=10**6, connection=FailingAfter(k))
    statuses = list(campaign.deliveries.values_list("status", flat=True))
    assert statuses.count("sent") == k
    assert statuses.count("unknown") == 1, "the message the provider failed on"
    assert statuses.count("claimed") == 0

    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)  # the provider is back
    recipients = _recipients()
    assert len(recipients) == len(set(recipients)) == HE_SUBSCRIBERS - 1
    unknown = campaign.deliveries.get(status="unknown").email
    assert unknown not in recipients
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE


@pytest.mark.django_db
def test_a_worker_killed_after_its_claim_loses_and_duplicates_nobody():
    _subscribers()
    campaign = _campaign()
    sending.claim_batch(campaign, 4)  # claimed, committed, then the worker died
    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING, "not done while claims are open"
    assert len(mail.outbox) == HE_SUBSCRIBERS - 4

    later = timezone.now() + sending.STALE_CLAIM + datetime.timedelta(minutes=1)
    assert sending.expire_stale_claims(campaign, now=later) == 0, "none was on the wire"
    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE
    recipients = _recipients()
    assert len(recipients) == len(set(recipients)) == HE_SUBSCRIBERS
    assert len(set(_recipients())) == len(_recipients())


@pytest.mark.django_db
def test_pause_stops_and_resume_continues():
    _subscribers()
    campaign = _campaign()
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.PAUSED)
    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)
    assert mail.outbox == []
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)
    assert len(mail.outbox) == HE_SUBSCRIBERS


# Outside a test transaction, so that the two threads see each other's commits.
@pytest.mark.skipif(db_connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_workers_never_send_one_delivery_twice(committed_db):
    _subscribers()
    campaign = _campaign()
    errors = []

    def worker():
        try:
            sending.run_campaign(
                Campaign.objects.get(pk=campaign.pk), batch_size=3, per_minute=10**6
            )
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            db_connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    recipients = _recipients()
    assert len(recipients) == len(set(recipients)) == HE_SUBSCRIBERS
    assert set(campaign.deliveries.values_list("status", flat=True)) == {"sent"}


class KilledAfter(EmailBackend):
    """A worker process killed while its batch is at the provider: `k` messages go out,
    then the process dies (nothing after that point runs, not even error handling)."""

    def __init__(self, k, **kwargs):
        super().__init__(**kwargs)
        self.left = k

    def send_messages(self, messages):
        if self.left <= 0:
            raise SystemExit("killed")
        self.left -= len(messages)
        return super().send_messages(messages)


@pytest.mark.django_db
def test_a_worker_killed_mid_batch_then_a_resume_and_the_admin_resend():
    _subscribers()
    campaign = _campaign()
    with pytest.raises(SystemExit):
        sending.run_campaign(campaign, batch_size=10, per_minute=10**6, connection=KilledAfter(4))
    assert campaign.deliveries.filter(status="sending").count() == 1, "the message on the wire"
    assert campaign.deliveries.filter(status="claimed").count() == 5, "not reached"
    sending.run_campaign(campaign, batch_size=10, per_minute=10**6)  # another worker
    later = timezone.now() + sending.STALE_CLAIM + datetime.timedelta(minutes=1)
    assert sending.expire_stale_claims(campaign, now=later) == 1
    sending.run_campaign(campaign, batch_size=10, per_minute=10**6)  # the five not reached
    unknown = set(campaign.deliveries.filter(status="unknown").values_list("email", flat=True))
    assert len(unknown) == 1
    recipients = _recipients()
    assert len(recipients) == len(set(recipients)) == HE_SUBSCRIBERS - 1
    assert not unknown & set(recipients), "nothing of unknown outcome was re-sent on its own"

    assert control.resend_unresolved(campaign) == 1  # the sender's explicit decision
    sending.run_campaign(campaign, batch_size=10, per_minute=10**6)
    assert _recipients()[-1:] == list(unknown)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE


ANYMAIL_TEST = "anymail.backends.test.EmailBackend"


class AnymailFailingAfter(AnymailTestBackend):
    """anymail's test provider that takes `calls` API calls, then fails."""

    def __init__(self, calls, **kwargs):
        super().__init__(**kwargs)
        self.left = calls

    def send_messages(self, messages):
        if self.left <= 0:
            raise AnymailAPIError("provider went away")
        self.left -= 1
        return super().send_messages(messages)


@pytest.mark.django_db
def test_a_batch_provider_gets_one_call_per_batch_with_each_recipients_own_fields(settings):
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    _subscribers()
    campaign = _campaign()
    sending.run_campaign(campaign, batch_size=10, per_minute=10**6)
    assert len(mail.outbox) == 3  # 25 recipients, 10 a call
    deliveries = {d.email: d for d in campaign.deliveries.all()}
    for message in mail.outbox:
        params = message.anymail_test_params
        assert params["is_batch_send"] is True
        assert "{{unsubscribe_url}}" in params["text_body"]
        assert params["extra_headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        for address in message.to:
            delivery = deliveries[address]
            url = f"http://testserver/subscription/unsubscribe/{delivery.unsubscribe_token}/"
            assert params["merge_data"][address] == {"unsubscribe_url": url}
            assert params["merge_headers"][address] == {"List-Unsubscribe": f"<{url}>"}
            assert params["merge_metadata"][address] == {"delivery_id": str(delivery.pk)}
            assert delivery.status == "sent"
            assert delivery.message_id == str(mail.outbox.index(message))
    assert sorted(_recipients_of_batches()) == sorted(deliveries)


def _recipients_of_batches():
    return [address for message in mail.outbox for address in message.to]


@pytest.mark.django_db
@pytest.mark.parametrize("batch", [{}, {"size": "10"}], ids=["batch-send", "one-by-one"])
def test_a_provider_gets_the_newsletters_name_as_text(settings, batch):
    """anymail hands the name to the provider's API, which encodes it itself: it must not
    arrive already RFC 2047 encoded."""
    settings.EMAIL_BACKEND, settings.NEWSLETTER_BATCH = ANYMAIL_TEST, batch
    _subscribers()
    sending.run_campaign(_campaign(), batch_size=10, per_minute=10**6)
    senders = {
        (sender.display_name, sender.addr_spec)
        for sender in (message.anymail_test_params["from"] for message in mail.outbox)
    }
    assert senders == {("התאגדות הקיבוצים השיתופיים", settings.DEFAULT_FROM_EMAIL)}


@pytest.mark.django_db
def test_a_batch_provider_failing_then_a_resume(settings):
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    _subscribers()
    campaign = _campaign()
    with pytest.raises(sending.ProviderError):
        sending.run_campaign(
            campaign, batch_size=10, per_minute=10**6, connection=AnymailFailingAfter(1)
        )
    statuses = list(campaign.deliveries.values_list("status", flat=True))
    assert (statuses.count("sent"), statuses.count("unknown"), statuses.count("queued")) == (
        10,
        10,
        5,
    )
    sending.run_campaign(campaign, batch_size=10, per_minute=10**6)
    recipients = _recipients_of_batches()
    assert len(recipients) == len(set(recipients)) == 15
    assert set(campaign.deliveries.values_list("status", flat=True)) == {"sent", "unknown"}


@pytest.mark.django_db
def test_cancel_leaves_the_queue_unsent():
    _subscribers()
    campaign = _campaign()
    assert control.cancel(campaign) == 1
    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)
    assert mail.outbox == []
    assert set(campaign.deliveries.values_list("status", flat=True)) == {"cancelled"}
    assert control.resume(campaign) == 0, "a cancelled campaign stays cancelled"


@pytest.mark.django_db
def test_the_scheduler_recovers_a_campaign_whose_worker_died(django_capture_on_commit_callbacks):
    _subscribers()
    campaign = _campaign()
    sending.claim_batch(campaign, 4)  # the worker claimed four, then was killed
    (on_the_wire,) = sending._mark_sending(sending.claim_batch(campaign, 1))
    later = timezone.now() + sending.STALE_CLAIM + datetime.timedelta(minutes=1)
    assert control.recover_stalled() == [], "a campaign that just started is left alone"

    with django_capture_on_commit_callbacks(execute=True):  # the inline task sends the rest
        assert control.recover_stalled(now=later) == [campaign]
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE
    assert set(campaign.deliveries.filter(status="unknown")) == {on_the_wire}
    recipients = _recipients()
    assert len(recipients) == len(set(recipients)) == HE_SUBSCRIBERS - 1
    assert control.recover_stalled(now=later) == []
