"""The email message class of the newsletter."""

from email.header import Header
from email.message import Message

from django.core.mail import BadHeaderError, EmailMultiAlternatives


class NewsletterEmail(EmailMultiAlternatives):
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
