"""Provider events arrive through anymail's webhooks (here Postmark's, which authenticates
by the shared basic-auth secret, and Mailgun's, which also signs): each is recorded once,
moves its delivery on, and bounces and complaints suppress the address."""

import base64
import hashlib
import hmac
import json

import pytest
from wagtail.models import Page

from newsletter.models import (
    Campaign,
    ConsentEvent,
    Delivery,
    ProviderEvent,
    Subscriber,
    Suppression,
    email_hash,
)

pytestmark = pytest.mark.django_db
AUTH = "Basic " + base64.b64encode(b"webhook:test-secret").decode()
POSTMARK = "/anymail/postmark/tracking/"


@pytest.fixture
def delivery():
    subscriber = Subscriber.objects.create(email="dana@example.org", language="he", status="active")
    campaign = Campaign.objects.create(
        issue=Page.get_first_root_node(), language="he", subject="s", html="h", text="t"
    )
    return Delivery.objects.create(
        campaign=campaign,
        subscriber=subscriber,
        email=subscriber.email,
        unsubscribe_token=subscriber.token,
        status=Delivery.Status.SENT,
        message_id="pm-1",
    )


def _postmark(client, record, auth=AUTH):
    return client.post(
        POSTMARK, json.dumps(record), content_type="application/json", HTTP_AUTHORIZATION=auth
    )


def _delivered(delivery, **extra):
    return {
        "RecordType": "Delivery",
        "MessageID": delivery.message_id,
        "Recipient": delivery.email,
        "DeliveredAt": "2026-11-27T08:00:00Z",
        "Metadata": {"delivery_id": str(delivery.pk)},
    } | extra


def _bounce(delivery, kind="HardBounce", event_id=42):
    return {
        "RecordType": "Bounce",
        "ID": event_id,
        "Type": kind,
        "MessageID": delivery.message_id,
        "Email": delivery.email,
        "BouncedAt": "2026-11-27T08:05:00Z",
        "Metadata": {"delivery_id": str(delivery.pk)},
    }


def test_a_delivery_report_is_recorded_once_however_often_it_comes(client, delivery):
    for _ in range(3):
        assert _postmark(client, _delivered(delivery)).status_code == 200
    assert ProviderEvent.objects.count() == 1
    event = ProviderEvent.objects.get()
    assert (event.kind, event.delivery, event.provider) == ("delivered", delivery, "Postmark")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED


def test_a_webhook_without_the_secret_changes_nothing(client, delivery):
    wrong = "Basic " + base64.b64encode(b"webhook:guess").decode()
    assert _postmark(client, _delivered(delivery), auth=wrong).status_code == 400
    assert _postmark(client, _delivered(delivery), auth="").status_code == 400
    assert not ProviderEvent.objects.exists()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT


def test_a_hard_bounce_suppresses_the_address(client, delivery):
    assert _postmark(client, _bounce(delivery)).status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED
    assert Suppression.objects.get(email_hash=email_hash(delivery.email)).reason == "bounced"


def test_a_complaint_unsubscribes_and_suppresses(client, delivery):
    assert _postmark(client, _bounce(delivery, kind="SpamComplaint")).status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.COMPLAINED
    assert Suppression.objects.get(email_hash=email_hash(delivery.email)).reason == "complained"
    subscriber = Subscriber.objects.get(email=delivery.email)
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    logged = ConsentEvent.objects.get(subscriber=subscriber, kind="unsubscribed")
    assert logged.source == "Postmark complained" and logged.ip is None


def test_an_event_reconciles_a_delivery_of_unknown_outcome(client, delivery):
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.UNKNOWN, message_id="")
    delivery.refresh_from_db()
    assert _postmark(client, _delivered(delivery, MessageID="not-recorded")).status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED


def test_an_event_for_someone_else_does_not_touch_the_delivery(client, delivery):
    record = _delivered(delivery, Recipient="other@example.org")
    assert _postmark(client, record).status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert ProviderEvent.objects.get().delivery is None


def _mailgun(client, delivery, key="test-signing-key", event="failed"):
    token, timestamp = "a" * 50, "1764230400"
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256)
    body = {
        "signature": {"token": token, "timestamp": timestamp, "signature": signature.hexdigest()},
        "event-data": {
            "event": event,
            "severity": "permanent",
            "recipient": delivery.email,
            "timestamp": 1764230400.5,
            "user-variables": {"delivery_id": str(delivery.pk)},
            "message": {"headers": {"message-id": "mg-1"}},
        },
    }
    return client.post(
        "/anymail/mailgun/tracking/",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=AUTH,
    )


def test_a_signed_mailgun_bounce_suppresses_and_a_forged_one_is_refused(client, delivery):
    assert _mailgun(client, delivery, key="forged").status_code == 400
    assert not Suppression.objects.exists()
    assert _mailgun(client, delivery).status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED
    assert Suppression.objects.filter(email_hash=email_hash(delivery.email)).exists()
