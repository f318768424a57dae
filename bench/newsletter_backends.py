"""The email backends of the newsletter benchmarks, importable by dotted path so that the
db_worker processes of newsletter_workers.py can be given them through EMAIL_BACKEND.
Import only once Django's settings are configured."""

import os
from pathlib import Path

from anymail.backends.test import EmailBackend
from django.core import mail

# The directory where RecordingBackend writes the addresses each process sent to.
RECIPIENTS_DIR = "NEWSLETTER_BENCH_RECIPIENTS"


class OutboxlessBackend(EmailBackend):
    """anymail's test backend, minus its memory.

    The stock backend appends every message it is given to django.core.mail.outbox, for the
    tests to look at, and nothing ever empties that list: it would grow with the subscriber
    count and be counted in the peak as if it were ours. This one lets the backend do all its
    work (payload, recipient statuses), then takes the message out of the outbox again, and
    only counts the calls and the recipients."""

    calls = recipients = 0

    def post_to_esp(self, payload, message):
        # The stock method appends the message and takes its id from its position in the
        # outbox, so it must still be there while it runs.
        response = super().post_to_esp(payload, message)
        mail.outbox.remove(message)
        self.calls += 1
        self.recipients += len(payload.recipient_emails)
        return response


class RecordingBackend(OutboxlessBackend):
    """The same, for worker processes: the counts of an instance die with its task, so every
    call also appends its addresses, one a line, to `<pid>.txt` in $NEWSLETTER_BENCH_RECIPIENTS,
    where the benchmark counts them across the workers (on disk, not in the worker's memory)."""

    def post_to_esp(self, payload, message):
        response = super().post_to_esp(payload, message)
        path = Path(os.environ[RECIPIENTS_DIR]) / f"{os.getpid()}.txt"
        with path.open("a") as sent:
            sent.writelines(f"{email}\n" for email in payload.recipient_emails)
        return response
