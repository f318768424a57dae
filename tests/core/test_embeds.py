"""Video embeds: production's oEmbed path against a local stand-in for the provider, and
the privacy-mode player either way."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.embeds.exceptions import EmbedNotFoundException

from core.embeds import OfflineVideoFinder, PrivacyOEmbedFinder, privacy_player_url

WATCH = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


class FakeYouTube(BaseHTTPRequestHandler):
    """Answers oEmbed as YouTube does, with a tracking-mode player."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        asked = parse_qs(urlsplit(self.path).query)
        if asked.get("url") != [WATCH]:
            self.send_error(404)
            return
        body = json.dumps(
            {
                "type": "video",
                "title": "שיר השיתוף",
                "provider_name": "YouTube",
                "html": '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
                "width": 200,
                "height": 113,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeYouTube)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {
        "endpoint": f"http://127.0.0.1:{server.server_port}/oembed",
        "urls": [r"^https?://(?:www\.)?youtube\.com/watch.+$"],
    }
    server.shutdown()


def test_production_finder_asks_the_provider_and_swaps_in_the_privacy_player(provider):
    result = PrivacyOEmbedFinder(providers=[provider]).find_embed(WATCH)
    assert result["title"] == "שיר השיתוף"
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in result["html"]
    assert "www.youtube.com/embed" not in result["html"]
    assert 'title="שיר השיתוף"' in result["html"]


def test_production_finder_reports_a_provider_refusal(provider):
    with pytest.raises(EmbedNotFoundException):
        PrivacyOEmbedFinder(providers=[provider]).find_embed(
            "https://www.youtube.com/watch?v=aaaaaaaaaaa"
        )


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (WATCH, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
    ],
)
def test_privacy_player_addresses(url, player):
    assert privacy_player_url(url) == player


def test_offline_finder_needs_no_network():
    finder = OfflineVideoFinder()
    assert not finder.accept("https://evil.example/video")
    assert "youtube-nocookie.com" in finder.find_embed(WATCH)["html"]
