"""Serving a private file to someone already allowed to have it: always as a download,
never cached, never sniffed; behind nginx, nginx sends the bytes (X-Accel-Redirect)."""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.cache import add_never_cache_headers


def serve_attachment(attachment):
    if settings.PRIVATE_ACCEL_PREFIX:
        response = HttpResponse(content_type=attachment.content_type)
        response["X-Accel-Redirect"] = (
            settings.PRIVATE_ACCEL_PREFIX.rstrip("/") + "/" + quote(attachment.file.name)
        )
    else:
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
