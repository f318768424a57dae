"""Every email the site sends is built here, so that a Hebrew subject reads right
everywhere (newsletter, notices, invitations, password resets, the contact form)."""

from email.header import Header
from email.message import Message

from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


class EmailMessage(EmailMultiAlternatives):
    """Django 5.2 encodes a non-ASCII subject without counting the "Subject: " before it,
    so the line is folded right after the colon, and strict readers (Python's own parser
    among them) decode the Hebrew subject with a leading space. This encodes the subject
    knowing the header's name, so the first encoded word fits on the first line."""

    def message(self, **kwargs):
        if "\n" in self.subject or "\r" in self.subject:
            raise BadHeaderError("A subject cannot contain line breaks.")
        message = super().message(**kwargs)
        del message["Subject"]
        # Message.__setitem__, not Django's: that would turn the Header back into text.
        Message.__setitem__(
            message, "Subject", Header(self.subject, "utf-8", header_name="Subject")
        )
        return message


def send_mail(subject, body, to, html=None, from_email=None, headers=None):
    """Django's send_mail, with our message class and an optional HTML part."""
    message = EmailMessage(
        subject=subject, body=body, to=to, from_email=from_email, headers=headers
    )
    if html is not None:
        message.attach_alternative(html, "text/html")
    return message.send()


def render_email(template, context, language):
    """Subject, plain text and HTML of an email written as three templates,
    `<template>_subject.txt`, `<template>.txt` and `<template>.html`, in `language` (the
    HTML's lang and dir follow it)."""
    with translation.override(language):
        context = {
            **context,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        return (
            subject,
            render_to_string(f"{template}.txt", context),
            render_to_string(f"{template}.html", context),
        )
