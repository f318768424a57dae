"""S3 by configuration alone, against a real S3 stand-in (moto's server on loopback): the
settings module is given only environment variables, uploads land in the uploads bucket,
legal files in the private bucket, which answers no one without a signature, and the
permission-checked download hands the owner a short-lived signed link."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from legal.models import Attachment, AuditEntry
from tests.core.test_image_uploads import _png
from tests.ports import free_port

from .conftest import PDF

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REGION = "us-east-1"
PRINT_STORAGES = "import json, config.settings.base as s; print(json.dumps(s.STORAGES))"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "moto-test", "AWS_SECRET_ACCESS_KEY": "moto-test-secret"}


def storages_from_environment(**variables):
    """STORAGES as config/settings/base.py builds it from these environment variables."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("S3_")}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_STORAGES],
        cwd=ROOT,
        env=environment | variables,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def moto_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture(scope="session")
def s3_setup(moto_server):
    """Two fresh buckets, and the STORAGES the settings make of them."""
    suffix = uuid.uuid4().hex[:8]
    buckets = SimpleNamespace(uploads=f"uploads-{suffix}", private=f"private-{suffix}")
    client = boto3.client(
        "s3",
        endpoint_url=moto_server,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    for bucket in vars(buckets).values():
        client.create_bucket(Bucket=bucket)
    configured = storages_from_environment(
        S3_BUCKET=buckets.uploads,
        S3_PRIVATE_BUCKET=buckets.private,
        S3_ENDPOINT_URL=moto_server,
        S3_REGION=REGION,
    )
    return SimpleNamespace(
        client=client, endpoint=moto_server, buckets=buckets, STORAGES=configured
    )


@pytest.fixture
def s3(s3_setup, settings, monkeypatch):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = s3_setup.STORAGES
    # A FileField resolves its storage callable once, when the models load: in a process
    # started with these settings it would be this one.
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["private"])
    return s3_setup


@pytest.fixture
def stored(s3, submitted):
    """The request of kibbutz A with its PDF, submitted through the page while S3 is on."""
    return submitted.attachments.get()


def _get(url):
    """An HTTP GET from outside Django, as a browser would send it (no credentials)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_without_the_variables_everything_stays_on_the_local_disk():
    configured = storages_from_environment()
    assert configured["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert configured["private"]["BACKEND"] == "core.storage.PrivateStorage"


def test_the_private_bucket_signs_every_link_for_a_minute(s3):
    options = s3.STORAGES["private"]["OPTIONS"]
    assert s3.STORAGES["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == s3.buckets.private
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 60
    assert options["default_acl"] is None


def test_wagtail_uploads_go_to_the_uploads_bucket_under_plain_urls(s3, admin_client):
    for _ in range(2):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "field",
                "file": SimpleUploadedFile("field.png", _png(40, 30), "image/png"),
                "tags": "",
            },
        )
        assert response.status_code == 302
    first, second = get_image_model().objects.filter(title="field").order_by("pk")
    assert first.file.name != second.file.name, "a second field.png must not replace the first"
    keys = {o["Key"] for o in s3.client.list_objects_v2(Bucket=s3.buckets.uploads)["Contents"]}
    assert {first.file.name, second.file.name} <= keys
    rendition = first.get_rendition("fill-20x20")
    assert rendition.file.name in {
        o["Key"] for o in s3.client.list_objects_v2(Bucket=s3.buckets.uploads)["Contents"]
    }
    assert rendition.url.startswith(f"{s3.endpoint}/{s3.buckets.uploads}/")
    assert "Signature" not in rendition.url


def test_a_legal_file_lands_in_the_private_bucket_closed_to_anonymous_readers(s3, stored):
    head = s3.client.head_object(Bucket=s3.buckets.private, Key=stored.file.name)
    assert head["ContentLength"] == len(PDF)
    with pytest.raises(s3.client.exceptions.ClientError):
        s3.client.head_object(Bucket=s3.buckets.uploads, Key=stored.file.name)
    grants = s3.client.get_object_acl(Bucket=s3.buckets.private, Key=stored.file.name)["Grants"]
    assert not [g for g in grants if "AllUsers" in g["Grantee"].get("URI", "")]
    # The object's plain address, without a signature: S3 refuses it.
    status, _, body = _get(f"{s3.endpoint}/{s3.buckets.private}/{stored.file.name}")
    assert status == 403
    assert PDF not in body


def test_the_owner_is_sent_a_short_lived_signed_link_that_downloads(client, s3, stored, member_a):
    client.force_login(member_a)
    url = f"/account/requests/{stored.request.public_id}/files/{stored.public_id}/"
    response = client.get(url)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    link = response["Location"]
    assert link.startswith(f"{s3.endpoint}/{s3.buckets.private}/{stored.file.name}?")
    query = parse_qs(urlsplit(link).query)
    # moto does not enforce expiry; what S3 enforces is the lifetime signed into the link.
    assert query["X-Amz-Expires"] == ["60"]
    signed_at = time.mktime(time.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ"))
    assert abs(signed_at - time.mktime(time.gmtime())) < 60
    status, headers, body = _get(link)
    assert status == 200
    assert body == PDF
    assert headers["Content-Disposition"] == "attachment; filename*=UTF-8''contract.pdf"
    assert headers["Content-Type"] == "application/pdf"
    assert AuditEntry.objects.filter(
        request=stored.request, action=AuditEntry.Action.DOWNLOADED
    ).exists()


def test_counsel_gets_a_signed_link_from_the_admin(client, s3, stored, counsel):
    client.force_login(counsel)
    response = client.get(f"/admin/legal/{stored.request.public_id}/files/{stored.public_id}/")
    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]


@pytest.mark.parametrize("role", ["anonymous", "member_b", "editor"])
def test_no_one_else_gets_a_link(client, request, s3, stored, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(f"/account/requests/{stored.request.public_id}/files/{stored.public_id}/")
    assert response.status_code == 404
    assert "Location" not in response
