"""The site as deployed: through nginx, with gunicorn, db_worker, PostgreSQL and Redis
(conftest.py starts them). Each test is a visitor, a member or HQ doing what they do, and
checks what only this topology can show."""

import collections
import re
import signal
import time

import pytest
from playwright.sync_api import sync_playwright

from newsletter.views import RATE_LIMIT
from tests.e2e.conftest import CHROMIUM_ARGS, find_chromium
from tests.html import soup
from tests.legal.conftest import PDF, form_data

from .conftest import BATCH_SIZE, SUBSCRIBERS
from .site_data import PASSWORD, RECOVERY_CODE

pytestmark = pytest.mark.deploy  # only in `make e2e-prod`
SECRETARY = "secretary@deploy.example"


def _signup(visitor, number, started, **headers):
    return visitor.post(
        "/subscription/",
        data={
            "email": f"visitor{number}@deploy.example",
            "language": "he",
            "consent": "on",
            "started": started,
        },
        headers=headers,
    )


def _form_started(visitor):
    """The signup form's time stamp, once the form has been open long enough."""
    page = visitor.get("/subscription/")
    started = re.search(r'name="started" value="([^"]+)"', page.text)[1]
    time.sleep(3.1)  # core.antispam.MIN_SECONDS_TO_FILL: faster is a bot
    return started


def test_each_visitor_has_their_own_signup_limit_and_forged_addresses_are_ignored(stack):
    first, second = stack.visitor("127.0.0.10"), stack.visitor("127.0.0.11")
    started = _form_started(first)
    statuses = [_signup(first, n, started).status_code for n in range(RATE_LIMIT + 1)]
    assert statuses == [200] * RATE_LIMIT + [429]
    assert _signup(second, 100, started).status_code == 200, "another visitor is not limited"
    # Through nginx, what the visitor writes in X-Forwarded-For is ignored...
    forged = _signup(first, 101, started, **{"X-Forwarded-For": "127.0.0.99"})
    assert forged.status_code == 429
    # ...and so it is when sent straight to gunicorn, whose peer is not the trusted proxy.
    direct = stack.visitor("127.0.0.12", direct=True)
    sent_direct = _signup(
        direct, 102, started, **{"X-Forwarded-For": "127.0.0.11", "X-Forwarded-Proto": "https"}
    )
    assert sent_direct.status_code == 200, "counted as 127.0.0.12, not as the limited visitor"

    addresses = stack.report()["consent_addresses"]
    assert addresses["visitor0@deploy.example"] == "127.0.0.10"
    assert addresses["visitor100@deploy.example"] == "127.0.0.11"
    assert addresses["visitor102@deploy.example"] == "127.0.0.12"
    assert "visitor101@deploy.example" not in addresses


def _log_in(visitor, password, username=SECRETARY):
    token = visitor.csrf_token("/account/login/")
    return visitor.post(
        "/account/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
    )


def test_a_stranger_cannot_lock_a_member_out(stack, settings):
    stranger = stack.visitor("127.0.0.20")
    statuses = [_log_in(stranger, "guess").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert _log_in(stranger, PASSWORD).status_code == 429, "the stranger is locked out"

    member = stack.visitor("127.0.0.21")
    logged_in = _log_in(member, PASSWORD)
    assert logged_in.status_code == 302, "the member, at their own address, is not"
    assert logged_in.headers["Location"] == "/account/"


def test_guessing_across_usernames_locks_the_address(stack, settings):
    sprayer = stack.visitor("127.0.0.22")
    limit = settings.LOGIN_FAILURES_PER_ADDRESS
    statuses = [
        _log_in(sprayer, "guess", username=f"user{n}@deploy.example").status_code
        for n in range(limit)
    ]
    assert statuses == [200] * (limit - 1) + [429]
    assert _log_in(sprayer, PASSWORD).status_code == 429
    assert _log_in(stack.visitor("127.0.0.23"), PASSWORD).status_code == 302


def test_static_files_and_uploads_are_served_by_nginx(stack):
    reader = stack.visitor("127.0.0.30")
    home = soup(reader.get("/"))
    stylesheet = home.select_one("link[rel=stylesheet]")["href"]
    image = next(img["src"] for img in home.select("img") if img["src"].startswith("/uploads/"))
    for path in (stylesheet, image):
        response = reader.get(path)
        assert response.status_code == 200, path
        assert response.headers["Server"].startswith("nginx")
        assert "max-age=" in response.headers["Cache-Control"], "nginx's expires"
        assert path not in stack.gunicorn_paths(), f"{path} reached gunicorn"


def test_the_page_cache_answers_the_second_anonymous_request(stack):
    reader = stack.visitor("127.0.0.31")
    first, second = reader.get("/en/"), reader.get("/en/")
    assert (first.status_code, second.status_code) == (200, 200)
    assert [first.headers["X-Page-Cache"], second.headers["X-Page-Cache"]] == ["miss", "hit"]
    assert second.text == first.text


def test_http_is_sent_to_https(stack):
    response = stack.visitor("127.0.0.32").get(f"http://127.0.0.1:{stack.http_port}/about/")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://127.0.0.1/about/"


def test_a_legal_attachment_is_sent_only_through_the_permission_checked_view(stack):
    member = stack.visitor("127.0.0.40")
    assert _log_in(member, PASSWORD).status_code == 302
    submitted = member.post(
        "/legal-advice/",
        data=form_data(csrfmiddlewaretoken=member.csrf_token("/legal-advice/")),
        files={"attachments": ("contract.pdf", PDF, "application/pdf")},
    )
    assert submitted.status_code == 302, submitted.text[-2000:]
    detail = soup(member.get(submitted.headers["Location"]))
    download_path = detail.select_one("a[href*='/files/']")["href"]

    download = member.get(download_path)
    assert download.status_code == 200
    assert download.content == PDF, "nginx sent the file the view named"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert "X-Accel-Redirect" not in download.headers
    assert stack.reached_gunicorn(download_path), "the permission check ran"

    (stored,) = stack.report()["attachments"]
    stranger = stack.visitor("127.0.0.41")
    assert stranger.get(f"/_private/{stored}").status_code == 404, "internal to nginx"
    for path in (f"/uploads/../private/{stored}", f"/private/{stored}", f"/{stored}"):
        response = stranger.get(path)
        assert response.status_code in (301, 404) and response.content != PDF, path
    refused = stranger.get(download_path)
    assert refused.status_code in (302, 404) and refused.content != PDF


@pytest.fixture
def admin_page(stack):
    """Chromium, trusting the site's self-signed certificate."""

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        context = browser.new_context(ignore_https_errors=True, locale="he-IL")
        yield context.new_page()
        browser.close()


def test_a_newsletter_sent_from_the_admin_survives_a_worker_killed_mid_send(stack, admin_page):
    page = admin_page
    page.goto(f"{stack.base_url}/admin/login/")
    page.fill("input[name=username]", "sender@deploy.example")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/account/two-factor/verify/"))
    page.locator("input[name=token]").fill(RECOVERY_CODE)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    issue = stack.data["issue"]
    # The editor's everyday screens answer through nginx, gunicorn and PostgreSQL too.
    for path in ("/admin/pages/", f"/admin/pages/{issue}/edit/", f"/admin/pages/{issue}/history/"):
        assert page.goto(f"{stack.base_url}{path}").status == 200, path

    page.goto(f"{stack.base_url}/admin/newsletter/issue/{issue}/send/")
    earlier_mail = len(stack.smtp.envelopes)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/newsletter/campaign/\d+/$"))

    # db_worker sends; it is killed once a third is out, in the middle of a claimed batch.
    def sent():
        return len(stack.smtp.envelopes) - earlier_mail

    deadline = time.monotonic() + 120
    while sent() < SUBSCRIBERS // 3 + BATCH_SIZE // 2:
        assert time.monotonic() < deadline, f"{sent()} sent in 2 minutes"
        time.sleep(0.01)
    stack.stop("worker", signal.SIGKILL)
    killed_at = sent()
    stack.start_worker()
    while (report := stack.report())["campaign"]["status"] != "done":
        assert time.monotonic() < deadline + 120, report["campaign"]
        stack.manage("recover_campaigns")  # as cron does, every few minutes
        time.sleep(1)

    deliveries = report["campaign"]["deliveries"]
    received = collections.Counter(
        address
        for envelope in stack.smtp.envelopes
        for address in envelope.rcpt_tos
        if address in deliveries  # not the other tests' confirmations and notices
    )
    statuses = collections.Counter(deliveries.values())
    print(  # noqa: T201 — the figures of the run, for the operator
        f"\n{SUBSCRIBERS} subscribers; worker killed after {killed_at} messages; "
        f"received {len(received)} distinct, {sum(received.values())} in all; {dict(statuses)}"
    )
    assert max(received.values()) == 1, "nobody got the issue twice"
    sent = {email for email, status in deliveries.items() if status == "sent"}
    assert set(received) - sent <= {e for e, s in deliveries.items() if s == "unknown"}
    assert sent <= set(received), "every delivery marked sent was received"
    assert set(deliveries.values()) <= {"sent", "unknown"}, "none left queued or lost"
    # SMTP takes one message per call: at most the one on the wire when the worker died is
    # of unknown outcome; the rest of its claimed batch went back to the queue.
    assert statuses["unknown"] <= 1
    assert len(deliveries) == SUBSCRIBERS
