"""HQ's list keeps people no longer than the privacy notice says: an unconfirmed request
a month, an enrollment three years after its confirmation; the consent evidence stays."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.privacy import email_hash
from enrollment.factories import PersonFactory
from enrollment.models import ConsentEvent, Person

pytestmark = pytest.mark.django_db


def _ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_expired_enrollments_are_deleted_and_their_evidence_kept(settings, capsys):
    settings.ENROLLMENT_PENDING_DAYS, settings.ENROLLMENT_RETENTION_DAYS = 30, 1096
    pending = Person.Status.PENDING
    kept = [
        PersonFactory(status=pending, created_at=_ago(5), confirmed_at=None),
        PersonFactory(
            status=pending, created_at=_ago(90), confirmed_at=None, confirmation_sent_at=_ago(2)
        ),  # asked again lately
        PersonFactory(created_at=_ago(2000), confirmed_at=_ago(1000)),
    ]
    gone = [
        PersonFactory(status=pending, created_at=_ago(31), confirmed_at=None),
        PersonFactory(created_at=_ago(2000), confirmed_at=_ago(1100)),
    ]
    evidence = ConsentEvent.objects.create(
        person=gone[1], email_hash=email_hash(gone[1].email), kind=ConsentEvent.Kind.LIST_GIVEN
    )
    call_command("purge_enrollments")
    assert "1 unconfirmed and 1 expired enrollments deleted." in capsys.readouterr().out
    assert set(Person.objects.values_list("pk", flat=True)) >= {p.pk for p in kept}
    assert not Person.objects.filter(pk__in=[p.pk for p in gone]).exists()
    evidence.refresh_from_db()
    assert evidence.person is None and evidence.email_hash == email_hash(gone[1].email)
