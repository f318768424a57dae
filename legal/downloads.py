"""Serving a private file to someone already allowed to have it: always as a download,
never cached, never sniffed. The web process sends the bytes only when nothing else can:
behind nginx, nginx sends them (X-Accel-Redirect); on S3, the browser is redirected to a
link signed for this one file that expires after S3_SIGNED_URL_SECONDS, so a sync worker
is never held by a slow download and the bucket itself stays closed to everyone."""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from storages.backends.s3 import S3Storage


def serve_attachment(attachment):
    disposition = "attachment; filename*=UTF-8''" + quote(attachment.name)
    storage = attachment.file.storage
    if isinstance(storage, S3Storage):
        # S3 answers the signed link with the headers it names.
        url = storage.url(
            attachment.file.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": attachment.content_type,
                "ResponseCacheControl": "private, no-store",
            },
        )
        response = HttpResponseRedirect(url)
    else:
        response = _local_file(attachment)
        response["Content-Disposition"] = disposition
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    add_never_cache_headers(response)
    return response


def _local_file(attachment):
    if settings.PRIVATE_ACCEL_PREFIX:
        response = HttpResponse(content_type=attachment.content_type)
        response["X-Accel-Redirect"] = (
            settings.PRIVATE_ACCEL_PREFIX.rstrip("/") + "/" + quote(attachment.file.name)
        )
        return response
    return FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
