"""The nginx configuration in docs/operations.md is what `manage.py nginx_config` prints
for production's folders: one template (config/nginx.conf.template) for the documentation
and the production topology's run (tests/deploy/)."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

CERTIFICATES = "/etc/letsencrypt/live/shitufi.example"


def _nginx_config(**options):
    out = io.StringIO()
    call_command("nginx_config", stdout=out, **options)
    return out.getvalue()


def test_the_documented_configuration_is_the_generated_one(settings):
    settings.STATIC_ROOT = "/srv/shitufi/staticfiles"
    settings.MEDIA_ROOT = "/srv/shitufi/var/uploads"
    settings.PRIVATE_ROOT = "/srv/shitufi/var/private"
    settings.PRIVATE_ACCEL_PREFIX = "/_private/"
    generated = _nginx_config(
        server_name="shitufi.example",
        certificate=f"{CERTIFICATES}/fullchain.pem",
        certificate_key=f"{CERTIFICATES}/privkey.pem",
    )
    operations = (settings.BASE_DIR / "docs" / "operations.md").read_text()
    documented = re.findall(r"```nginx\n(.*?)```", operations, re.DOTALL)
    assert documented == [generated]
    assert "location /_private/ { internal; alias /srv/shitufi/var/private/; }" in generated


def test_without_an_accel_prefix_nginx_would_not_send_the_legal_files(settings):
    settings.PRIVATE_ACCEL_PREFIX = ""
    with pytest.raises(CommandError, match="PRIVATE_ACCEL_PREFIX"):
        _nginx_config(server_name="x", certificate="/c", certificate_key="/k")
