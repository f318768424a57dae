"""Refused looks at legal requests. Whoever may not see a request, one of its files or
counsel's screens gets "not found", the same answer as for a request that does not exist, so
nothing is learned; but the attempt is written down (RefusedAccess) for HQ, and an account
refused LEGAL_PROBE_LIMIT times within LEGAL_PROBE_WINDOW_SECONDS is reported to HQ once,
as one that may be trying addresses. The anonymous are not recorded: they are asked to log
in before anything is looked up."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404

from core.client_address import client_address

from .records import LegalRequest, RefusedAccess
from .tasks import tell_hq_of_probing


def refuse(request, public_id=None):
    """Record the refusal of `request` (about the legal request `public_id`, if there is one)
    and answer it with a 404."""
    if request.user.is_authenticated:
        legal_request = public_id and LegalRequest.objects.filter(public_id=public_id).first()
        record(request, legal_request or None)
    raise Http404


@transaction.atomic
def record(request, legal_request=None):
    user = request.user
    # One refusal of an account at a time (a row lock on PostgreSQL), so that parallel
    # attempts cannot both reach the limit and email HQ twice.
    get_user_model().objects.select_for_update().get(pk=user.pk)
    refusal = RefusedAccess.objects.create(
        user=user,
        address=client_address(request)[:45],
        method=request.method[:10],
        path=request.path[:300],
        request=legal_request,
        reference=legal_request.reference if legal_request else "",
    )
    since = refusal.at - datetime.timedelta(seconds=settings.LEGAL_PROBE_WINDOW_SECONDS)
    recent = RefusedAccess.objects.filter(user=user, at__gt=since)
    count = recent.count()
    if count >= settings.LEGAL_PROBE_LIMIT and not recent.filter(hq_notified=True).exists():
        refusal.hq_notified = True
        refusal.save(update_fields=["hq_notified"])
        # After the commit, in the task worker: a mail server that is down or slow neither
        # undoes the record nor delays the answer.
        transaction.on_commit(lambda: tell_hq_of_probing.enqueue(user.pk, count), robust=True)
    return refusal
