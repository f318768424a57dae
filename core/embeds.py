"""Video embeds that set no third-party cookie before the reader presses play.

Production asks the providers themselves (oEmbed) and rewrites the player address to the
providers' privacy modes. Development and the tests, which have no internet, build the same
player from the video's address alone (`OfflineVideoFinder`).
"""

import re

from django.utils.html import format_html
from wagtail.embeds.finders.base import EmbedFinder
from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.oembed_providers import vimeo, youtube

YOUTUBE_ID = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)"
    r"(?P<id>[\w-]{11})"
)
VIMEO_ID = re.compile(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d+)")
PLAYER = '<iframe src="{}" title="{}" width="560" height="315" allow="fullscreen; picture-in-picture" loading="lazy"></iframe>'  # noqa: E501


def privacy_player_url(url):
    """The privacy-mode player address for a YouTube or Vimeo video, or None."""
    if match := YOUTUBE_ID.match(url):
        return f"https://www.youtube-nocookie.com/embed/{match['id']}"
    if match := VIMEO_ID.match(url):
        return f"https://player.vimeo.com/video/{match['id']}?dnt=1"
    return None


def _privacy_html(url, title):
    return format_html(PLAYER, privacy_player_url(url), title or url)


class PrivacyOEmbedFinder(OEmbedFinder):
    """The providers' own oEmbed answer, with the player swapped for its privacy mode."""

    def __init__(self, providers=None, options=None):
        super().__init__(providers=providers or [youtube, vimeo], options=options)

    def find_embed(self, url, max_width=None, max_height=None):
        result = super().find_embed(url, max_width, max_height)
        if privacy_player_url(url):
            result["html"] = _privacy_html(url, result["title"])
        return result


class OfflineVideoFinder(EmbedFinder):
    """For machines without internet: the player is built from the address alone."""

    def accept(self, url):
        return privacy_player_url(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        provider = "YouTube" if YOUTUBE_ID.match(url) else "Vimeo"
        return {
            "title": "",
            "author_name": "",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": None,
            "width": 560,
            "height": 315,
            "html": _privacy_html(url, ""),
        }
