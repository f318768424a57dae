"""The production topology, started once for tests/deploy/ (`make e2e-prod`): Debian's
nginx with the configuration `manage.py nginx_config` prints (as docs/operations.md shows
it), gunicorn with config/gunicorn.py, `db_worker`, PostgreSQL and Redis on 127.0.0.1,
and a local SMTP server, with production's settings. The site is released as an operator
would (migrate, collectstatic, seed) into a database and a Redis database of its own.

Visitors connect from different loopback addresses (127.0.0.10, .11, ...), so nginx sees
each as its own client, as it would see people on the internet.
"""

import contextlib
import datetime
import ipaddress
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import redis
import requests
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from psycopg import sql
from requests.adapters import HTTPAdapter

from tests.conftest import CapturingSmtpHandler
from tests.deploy.nginx import NGINX, main_config
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get(
    "DEPLOY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/shitufi_deploy"
)
REDIS_URL = os.environ.get("DEPLOY_REDIS_URL", "redis://127.0.0.1:6379/15")
SUBSCRIBERS = 300
BATCH_SIZE = 20  # recipients a worker claims at a time
STALE_CLAIM_SECONDS = 4  # production: 15 minutes


def _fresh_database(url):
    parts = urlsplit(url)
    name = sql.Identifier(parts.path.lstrip("/"))
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _fresh_redis(url):
    redis.Redis.from_url(url).flushdb()


def _self_signed_certificate(workdir):
    """A certificate for 127.0.0.1, which the visitors are told to trust."""

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert, key_file = workdir / "cert.pem", workdir / "key.pem"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert, key_file


def _wait_for_port(port, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, f"stopped; see {log}"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        assert time.monotonic() < deadline, f"not listening on {port}; see {log}"
        time.sleep(0.2)


class SourceAddressAdapter(HTTPAdapter):
    """Connections from one loopback address: one visitor, as nginx sees them."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


class Visitor(requests.Session):
    """A browser-like client (cookies, the Origin of its form posts) at one address."""

    def __init__(self, address, base_url, certificate):
        super().__init__()
        self.base_url = base_url
        self.certificate = str(certificate)
        self.mount("http://", SourceAddressAdapter(address))
        self.mount("https://", SourceAddressAdapter(address))

    def request(self, method, path, **kwargs):
        kwargs["allow_redirects"] = False  # each test follows what it means to
        kwargs.setdefault("timeout", 30)
        kwargs.setdefault("verify", self.certificate)  # not a CA bundle from the environment
        headers = kwargs.setdefault("headers", {})
        if method.upper() == "POST":
            headers.setdefault("Origin", self.base_url)
        url = path if "://" in path else self.base_url + path
        return super().request(method, url, **kwargs)

    def csrf_token(self, path):
        """Opens a form's page; the token its form posts back."""
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]


class Stack:
    """The running site and the handles the tests need."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.https_port, self.http_port, self.gunicorn_port = free_port(), free_port(), free_port()
        self.base_url = f"https://127.0.0.1:{self.https_port}"
        self.smtp = CapturingSmtpHandler()
        self.processes = {}
        self.env = None
        self.data = None  # what site_data.setup made: the newsletter issue's id

    def manage(self, *arguments, module=None):
        command = [sys.executable, *(("-m", module) if module else ("manage.py",)), *arguments]
        result = subprocess.run(  # noqa: S603 — our own command line
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def report(self):
        return json.loads(self.manage("report", module="tests.deploy.site_data"))

    def start(self, name, command, **env):
        log = self.workdir / f"{name}.log"
        self.processes[name] = subprocess.Popen(  # noqa: S603 — our own command line
            command,
            cwd=ROOT,
            env={**self.env, **env},
            stdin=subprocess.DEVNULL,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: a master and its workers
        )
        return self.processes[name]

    def stop(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def start_worker(self):
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]
        return self.start("worker", command)

    def visitor(self, address, direct=False):
        """A visitor at `address`, through nginx, or `direct` to gunicorn's port."""
        base_url = f"http://127.0.0.1:{self.gunicorn_port}" if direct else self.base_url
        return Visitor(address, base_url, self.workdir / "cert.pem")

    def gunicorn_paths(self):
        """Paths of the requests that reached gunicorn (its JSON access log)."""
        paths = []
        for line in (self.workdir / "gunicorn.log").read_text().splitlines():
            with contextlib.suppress(ValueError):
                paths.append(json.loads(line).get("path"))
        return paths

    def reached_gunicorn(self, path, timeout=10):
        """Whether gunicorn logged a request for `path`. It writes the access line after the
        response has gone, so the line may come a moment after the client has the answer."""
        deadline = time.monotonic() + timeout
        while path not in self.gunicorn_paths():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    assert Path(NGINX).exists(), "Debian's nginx is needed: apt-get install nginx"
    workdir = tmp_path_factory.mktemp("deploy")
    site = Stack(workdir)

    smtp_port = free_port()
    smtp = Controller(site.smtp, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    site.env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_HASH_KEY": secrets.token_urlsafe(20),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(workdir / "uploads"),
        "PRIVATE_ROOT": str(workdir / "private"),
        "PRIVATE_ACCEL_PREFIX": "/_private/",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "WAGTAILADMIN_BASE_URL": site.base_url,
        "BIND": f"127.0.0.1:{site.gunicorn_port}",
        "WEB_CONCURRENCY": "2",
        "NEWSLETTER_BATCH_SIZE": str(BATCH_SIZE),
        "NEWSLETTER_STALE_CLAIM_SECONDS": str(STALE_CLAIM_SECONDS),
        # No internet here; the oEmbed path is tested against a stand-in (test_embeds.py).
        "VIDEO_EMBEDS_OFFLINE": "true",
    }
    # The release, as the Procfile's release step and an operator would run it.
    _fresh_database(DATABASE_URL)
    _fresh_redis(REDIS_URL)
    site.manage("migrate", "--noinput")
    site.manage("ensure_groups")
    site.manage("collectstatic", "--noinput")
    site.manage("seed")
    site.data = json.loads(site.manage("setup", str(SUBSCRIBERS), module="tests.deploy.site_data"))

    certificate, key = _self_signed_certificate(workdir)
    (workdir / "shitufi.conf").write_text(
        site.manage(
            "nginx_config",
            *("--server-name", "127.0.0.1", "--upstream", f"127.0.0.1:{site.gunicorn_port}"),
            *("--certificate", str(certificate), "--certificate-key", str(key)),
            *("--https-listen", f"127.0.0.1:{site.https_port}"),
            *("--http-listen", f"127.0.0.1:{site.http_port}"),
        )
    )
    (workdir / "nginx.conf").write_text(main_config(workdir))
    try:
        command = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"]
        gunicorn = site.start("gunicorn", command)
        _wait_for_port(site.gunicorn_port, gunicorn, workdir / "gunicorn.log")
        nginx = site.start(
            "nginx",
            [NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
        )
        _wait_for_port(site.https_port, nginx, workdir / "nginx-error.log")
        site.start_worker()
        yield site
    finally:
        for name in list(site.processes):
            site.stop(name)
        smtp.stop()
