"""nginx's main configuration around the site's own (`manage.py nginx_config`), for a
throwaway nginx whose files all live in one folder: the deployed topology's tests and the
load benchmark (bench/load.py) run it."""

import os
import shutil

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_MAIN = """\
{user}
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    # Each request's time, and gunicorn's share of it: where a slow answer was slow.
    log_format timed '$request_time $upstream_response_time $status "$request"';
    access_log {workdir}/nginx-access.log timed;
    client_body_temp_path {workdir}/nginx-temp/body;
    proxy_temp_path {workdir}/nginx-temp/proxy;
    fastcgi_temp_path {workdir}/nginx-temp/fastcgi;
    uwsgi_temp_path {workdir}/nginx-temp/uwsgi;
    scgi_temp_path {workdir}/nginx-temp/scgi;
    include {workdir}/shitufi.conf;
}}
"""


def main_config(workdir):
    """The main configuration, which includes `workdir`/shitufi.conf; makes the folders
    nginx writes to."""
    (workdir / "nginx-temp").mkdir(exist_ok=True)
    # As root, nginx's workers would run as nobody, who may not read the private files.
    user = "user root;" if os.geteuid() == 0 else ""
    return _MAIN.format(user=user, workdir=workdir)
