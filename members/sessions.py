"""Logins end after a while without a request: SESSION_IDLE_SECONDS_ADMIN for whoever can
enter the admin (their session reaches the legal requests), SESSION_IDLE_SECONDS_MEMBERS
for everyone else. The session's cookie already ends with the browser
(SESSION_EXPIRE_AT_BROWSER_CLOSE); this ends a session left open on a shared computer.

The time of the last request is written at most once a minute, not on every request (each
write is a database write), so a session may end up to a minute early."""

import time

from django.conf import settings
from django.contrib.auth import logout

from .two_factor import needs_two_factor

LAST_SEEN = "last_seen"
# Left in the new, anonymous session, for the login page to say why it is back.
IDLE_ENDED = "idle_session_ended"
REFRESH_SECONDS = 60


def _too_long(user, idle):
    # Most requests come well within both limits: no need to look up permissions for them.
    if idle <= min(settings.SESSION_IDLE_SECONDS_ADMIN, settings.SESSION_IDLE_SECONDS_MEMBERS):
        return False
    if needs_two_factor(user):  # superusers and whoever has wagtailadmin.access_admin
        return idle > settings.SESSION_IDLE_SECONDS_ADMIN
    return idle > settings.SESSION_IDLE_SECONDS_MEMBERS


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie there is no login to end; not touching the session then
        # keeps public responses free of "Vary: Cookie".
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, now)
            if _too_long(request.user, now - last_seen):
                logout(request)
                request.session[IDLE_ENDED] = True
            elif LAST_SEEN not in request.session or now - last_seen >= REFRESH_SECONDS:
                request.session[LAST_SEEN] = now
        response = self.get_response(request)
        # A login during this request (it changed the session): idle time counts from now,
        # even if no other request ever follows.
        if (
            request.session.modified
            and request.user.is_authenticated
            and LAST_SEEN not in request.session
        ):
            request.session[LAST_SEEN] = int(time.time())
        return response
