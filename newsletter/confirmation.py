"""The double opt-in's confirmation link: a signed code that expires, which the confirmation
email carries (newsletter.tasks) and the confirm page reads (newsletter.views)."""

import datetime

from django.core import signing

from .models import Subscriber

CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
_CONFIRM_SALT = "newsletter.confirm"


def confirmation_code(subscriber):
    """The signed, expiring code of a confirmation link."""
    return signing.TimestampSigner(salt=_CONFIRM_SALT).sign(subscriber.token)


def subscriber_for_confirmation(code):
    """The subscriber a confirmation code names, or None if it is forged or expired, or the
    signup was withdrawn since (the confirmation email's unsubscribe link): only a new
    request may bring an unsubscribed address back."""
    try:
        token = signing.TimestampSigner(salt=_CONFIRM_SALT).unsign(
            code, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature:
        return None
    withdrawn = Subscriber.Status.UNSUBSCRIBED
    return Subscriber.objects.filter(token=token).exclude(status=withdrawn).first()
