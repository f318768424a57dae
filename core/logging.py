"""Logs as one JSON object per line, for production's log collector: Django's records
(settings LOG_FORMAT=json, always in production) and gunicorn's (config/gunicorn.py).

Only the fields named here are written: never a request's body, headers, cookies or query
string, which can carry passwords and tokens."""

import datetime
import json
import logging

from django.http import HttpRequest
from gunicorn.glogging import Logger as GunicornLogger

# Set on a record by `extra=`; Django's own request records carry `request` and `status_code`.
FIELDS = ("request_id", "method", "path", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        # runserver's records carry a socket under that name, not an HttpRequest.
        if isinstance(request, HttpRequest):
            entry["request_id"] = request.headers.get("X-Request-ID")
            entry["method"] = request.method
            entry["path"] = request.path
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        entry |= {name: getattr(record, name) for name in FIELDS if hasattr(record, name)}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(
            {k: v for k, v in entry.items() if v is not None}, ensure_ascii=False, default=str
        )


class JsonGunicornLogger(GunicornLogger):
    """gunicorn's error and access logs through JsonFormatter; an access line names the
    request (X-Request-ID, which nginx sets), not its query string or headers."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        fields = {
            "request_id": environ.get("HTTP_X_REQUEST_ID"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "status": int(status),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
        }
        self.access_log.info("%s %s %s", fields["method"], fields["path"], status, extra=fields)
