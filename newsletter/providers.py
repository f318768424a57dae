"""How each email provider takes a campaign's messages.

Providers whose batch API merges per-recipient fields into inline content get one API
call for many recipients (anymail's merge_data, merge_headers and merge_metadata); every
other backend, plain SMTP included, gets one message per recipient over one connection.
NEWSLETTER_BATCH in the settings overrides the table, e.g. for SendGrid with
ANYMAIL_SENDGRID_MERGE_FIELD_FORMAT set."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Provider:
    name: str
    batch_size: int  # recipients per call
    merge_field: str | None = None  # how the provider writes a merge field: "{}" is its name

    @property
    def batches(self):
        return self.merge_field is not None

    def field(self, name):
        return self.merge_field.format(name)


# anymail esp_name: (recipients per call, merge field syntax in inline content)
_BATCH_PROVIDERS = {
    "Mailgun": (1000, "%recipient.{}%"),
    "SparkPost": (1000, "{{{{{}}}}}"),
    "Test": (1000, "{{{{{}}}}}"),  # anymail's test backend: tests and the benchmark
}


def for_connection(connection):
    name = getattr(connection, "esp_name", type(connection).__name__)
    override = settings.NEWSLETTER_BATCH
    if override:
        return Provider(name, int(override["size"]), override.get("merge_field"))
    if name in _BATCH_PROVIDERS:
        return Provider(name, *_BATCH_PROVIDERS[name])
    return Provider(name, settings.NEWSLETTER_BATCH_SIZE)
