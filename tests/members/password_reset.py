"""Completing a password reset the way its email leads a person through it."""

import re

from django.core import mail


def complete_password_reset(client, new_password):
    """Follows the link in the last email sent and sets `new_password`."""
    link = re.search(r"http://testserver(\S+/password-reset/\S+/\S+/)", mail.outbox[-1].body)[1]
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
