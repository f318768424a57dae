"""Sending an invitation: the link is made and mailed once, after the row is committed."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url
from core.mail import send_mail


def send_invitation(invitation, language):
    token = invitation.issue_token()
    invitation.save()
    with translation.override(language):
        context = {
            "invitation": invitation,
            "url": absolute_url(reverse("account:invitation", args=[token])),
            # Where to come back later: the account home, which the site's header links to.
            "home_url": absolute_url(reverse("account:home")),
        }
        subject = render_to_string("account/email/invitation_subject.txt", context).strip()
        body = render_to_string("account/email/invitation.txt", context)
    # robust: a mail failure is logged; HQ sees the invitation unaccepted and sends it again.
    transaction.on_commit(lambda: send_mail(subject, body, [invitation.email]), robust=True)
