"""Structured logs (core/logging.py): one JSON object per line with the time, level,
logger, message, the request's id, method, path and status, and the exception; never the
request's body or query string."""

import datetime
import io
import json
import logging
import socket
import sys
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from gunicorn.config import Config

from core.logging import JsonFormatter, JsonGunicornLogger


def _record(message="Something broke", **extra):
    try:
        raise ValueError("the cause")
    except ValueError:
        record = logging.getLogger("shitufi.test").makeRecord(
            "shitufi.test", logging.ERROR, __file__, 1, message, (), sys.exc_info(), extra=extra
        )
    return json.loads(JsonFormatter().format(record))


def test_a_record_with_an_exception_and_extra_fields():
    entry = _record(request_id="r-1", path="/account/", status=500, duration_ms=12.5)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "shitufi.test"
    assert entry["message"] == "Something broke"
    assert datetime.datetime.fromisoformat(entry["time"]).tzinfo is not None
    assert entry["exception"].startswith("Traceback")
    assert "ValueError: the cause" in entry["exception"]
    assert entry | {"request_id": "r-1", "path": "/account/", "status": 500} == entry
    assert entry["duration_ms"] == 12.5


def test_djangos_request_records_give_id_method_path_and_status_but_no_secrets():
    request = RequestFactory().post(
        "/he/search/?token=query-secret",
        {"password": "body-secret"},
        headers={"X-Request-ID": "nginx-42", "Cookie": "sessionid=cookie-secret"},
    )
    line = json.dumps(_record("Not Found: /he/search/", request=request, status_code=404))
    entry = json.loads(line)
    assert entry["request_id"] == "nginx-42"
    assert (entry["method"], entry["path"], entry["status"]) == ("POST", "/he/search/", 404)
    for secret in ("query-secret", "body-secret", "cookie-secret"):
        assert secret not in line


def test_runserver_records_whose_request_is_a_socket():
    with socket.socket() as sock:
        entry = _record('"GET / HTTP/1.1" 200', request=sock, status_code=200)
    assert entry["status"] == 200
    assert "path" not in entry


@pytest.fixture
def gunicorn_logger():
    """gunicorn's logger as config/gunicorn.py sets it up, its two logs written to strings."""
    config = Config()
    config.set("accesslog", "-")
    logger = JsonGunicornLogger(config)
    access, error = (
        next(h for h in log.handlers if getattr(h, "_gunicorn", False))
        for log in (logger.access_log, logger.error_log)
    )
    access.setStream(io.StringIO())
    error.setStream(io.StringIO())
    yield SimpleNamespace(logger=logger, access=access.stream, error=error.stream)
    logger.access_log.removeHandler(access)
    logger.error_log.removeHandler(error)


def test_gunicorn_access_lines_are_json_without_the_query_string(gunicorn_logger):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/newsletter/confirm/",
        "QUERY_STRING": "token=query-secret",
        "RAW_URI": "/newsletter/confirm/?token=query-secret",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_X_REQUEST_ID": "nginx-7",
    }
    response = SimpleNamespace(status="404 Not Found", headers=[], sent=0)
    gunicorn_logger.logger.access(response, None, environ, datetime.timedelta(milliseconds=21))
    line = gunicorn_logger.access.getvalue().strip()
    entry = json.loads(line)
    assert entry["logger"] == "gunicorn.access"
    assert entry["request_id"] == "nginx-7"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/newsletter/confirm/", 404)
    assert entry["duration_ms"] == 21.0
    assert "query-secret" not in line


def test_gunicorn_errors_are_json(gunicorn_logger):
    gunicorn_logger.logger.error("Worker timeout (pid:%s)", 41)
    entry = json.loads(gunicorn_logger.error.getvalue().strip())
    assert (entry["logger"], entry["level"]) == ("gunicorn.error", "ERROR")
    assert entry["message"] == "Worker timeout (pid:41)"
