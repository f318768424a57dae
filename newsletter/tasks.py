"""Background work of the newsletter (inline in dev and tests, the database queue in
production)."""

from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.links import absolute_url
from core.mail import render_email, send_mail

from .confirmation import confirmation_code
from .headers import sender, unsubscribe_headers, unsubscribe_url
from .models import Campaign, Subscriber
from .sending import ProviderError, run_campaign


@task()
def send_confirmation(subscriber_id):
    """Mail the confirmation link, in the subscriber's language, with the way to leave
    that every issue has: one may change one's mind before the first one. A subscriber who
    is gone or no longer pending gets nothing."""
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber is None:
        return
    leave_url = unsubscribe_url(subscriber.token, subscriber.language)
    with translation.override(subscriber.language):
        confirm_path = reverse("newsletter:confirm", args=[confirmation_code(subscriber)])
    subject, body, html = render_email(
        "newsletter/email/confirm",
        {"confirm_url": absolute_url(confirm_path), "unsubscribe_url": leave_url},
        subscriber.language,
    )
    send_mail(
        subject,
        body,
        [subscriber.email],
        html=html,
        from_email=sender(subscriber.language),
        headers=unsubscribe_headers(leave_url),
    )


@task()
def send_campaign(campaign_id):
    """Run a campaign until it is done, paused or cancelled. A failing provider pauses it
    with the error on record, for a sender to resume."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return
    try:
        run_campaign(campaign)
    except ProviderError as error:
        Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.PAUSED, last_error=str(error)[:500]
        )
