"""Login lock-outs that stop guessing without letting a stranger lock a member out.

django-axes locks a (username, address) pair after AXES_FAILURE_LIMIT failures, so a
stranger who knows a member's username locks only their own connection out of it. That
alone would let one address try every account in turn, so an address is also locked, for
any username, after LOGIN_FAILURES_PER_ADDRESS failures within the cool-off. A password
reset lifts the lock-outs of that username (members.models.User.save), not an address's:
an address that tried many accounts waits out the cool-off, and the lock-out page says which.
Both login forms give axes the account's username whatever its case (members.forms).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        """The pair's failures; an address past its own limit counts as a locked pair."""
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.LOGIN_FAILURES_PER_ADDRESS:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def address_failures(self, request):
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,  # set by axes' proxy handler
            attempt_time__gte=get_cool_off_threshold(request),
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_response(request, original_response=None, credentials=None):
    """Axes' lock-out page (AXES_LOCKOUT_CALLABLE), told which lock it is, so that it
    advises a password reset only where a new password lifts the lock."""
    address_locked = (
        LockoutHandler().address_failures(request) >= settings.LOGIN_FAILURES_PER_ADDRESS
    )
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"address_locked": address_locked},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
