"""A campaign reaches every active subscriber of its language exactly once, or marks the
recipient unknown: never twice, never silently dropped."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection as db_connection
from django.utils import timezone
from wagtail.models import Page

from newsletter import sending
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
def test_a_worker_killed_after_its_claim_leaves_unknowns_not_duplicates():
    _subscribers()
    campaign = _campaign()
    lost = sending.claim_batch(campaign, 4)  # claimed, committed, then the worker died
    sending.run_campaign(campaign, batch_size=5, per_minute=10**6)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING, "not done while claims are open"
    assert len(mail.outbox) == HE_SUBSCRIBERS - 4

    later = timezone.now() + sending.STALE_CLAIM + datetime.timedelta(minutes=1)
    assert sending.expire_stale_claims(campaign, now=later) == 4
    sending.finish_if_done(campaign)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE
    assert sorted(campaign.deliveries.filter(status="unknown").values_list("pk", flat=True)) == (
        sorted(d.pk for d in lost)
    )
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


# Outside a test transaction, so the two threads see each other's commits; the serialized
# rollback brings back the tree's root after earlier live-server tests flushed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(db_connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_workers_never_send_one_delivery_twice():
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
