"""An issue as an email: right-to-left HTML in a table layout with the CSS inlined and
every URL absolute, plus the plain-text part made from that same HTML."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import css_inline
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from core.links import absolute_url
from core.models import SiteSettings

# Stands for each recipient's own unsubscribe URL in a campaign's frozen rendering.
UNSUBSCRIBE_MARKER = "https://unsubscribe.invalid/token"

_INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)
_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str


def render_issue(issue, unsubscribe_url=UNSUBSCRIBE_MARKER):
    language = issue.locale.language_code
    site = issue.get_site() or Site.objects.get(is_default_site=True)
    with translation.override(language):
        html = render_to_string(
            "newsletter/email/issue.html",
            {
                "page": issue,
                "blocks": [_email_block(block, issue) for block in issue.body],
                "contact": SiteSettings.for_site(site),
                "base_url": absolute_url(),
                "issue_url": absolute_url(issue.relative_url(site)),
                "unsubscribe_url": unsubscribe_url,
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
        )
    html = _INLINER.inline(_RELATIVE_URL.sub(rf"\1{absolute_url()}/", html))
    return RenderedIssue(subject=issue.email_subject, html=html, text=html_to_text(html))


def _email_block(block, issue):
    updates = block.block.pages(block.value, issue) if block.block_type == "updates" else None
    return {"type": block.block_type, "value": block.value, "updates": updates}


class _TextMaker(HTMLParser):
    """Plain text from the email's HTML: blocks become lines, links keep their address,
    list items get a dash, and what is marked data-text="skip" (the preheader) is left out."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "tr", "table", "br", "li", "ul", "ol", "hr"}
    SKIPPED = {"head", "style", "title", "script"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links, self.skipping = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skipping or tag in self.SKIPPED or attrs.get("data-text") == "skip":
            self.skipping += tag not in {"br", "hr", "img", "meta", "link"}
            return
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")
        if tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
            return
        if tag == "a" and self.links:
            href = self.links.pop()
            if href.startswith(("http://", "https://", "mailto:")):
                self.parts.append(f" <{href.removeprefix('mailto:')}>")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        lines = (line.strip() for line in "".join(self.parts).splitlines())
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def html_to_text(html):
    maker = _TextMaker()
    maker.feed(html)
    maker.close()
    return maker.text()
