"""Driving the Wagtail admin as HQ's people do: logging in as a member of a group (never a
superuser), in Hebrew, and reading what the screens show."""

import re

from playwright.sync_api import expect

from members.factories import PASSWORD


def submit_password(page, site_url, user, then="/admin/"):
    """The first step of the admin's login: the email and password, submitted."""
    page.goto(f"{site_url}/admin/login/?next={then}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()


def log_in(page, site_url, user, then="/admin/"):
    """Logs in through the admin's login page and waits for the dashboard (or `then`)."""
    submit_password(page, site_url, user, then)
    page.wait_for_url(re.compile(rf"{re.escape(site_url)}{re.escape(then)}(\?.*)?$"))
    expect(page.locator("html")).to_have_attribute("lang", "he")


# Text of the interface a Hebrew admin must not show in Latin letters. Content (titles,
# names, addresses, file names) is allowed, and so are a few words that are Latin in
# Hebrew too; `latin_interface_text` returns what is left.
LATIN_TEXT_JS = """
() => {
  const found = [];
  const hidden = (element) =>
    element.closest("script, style, noscript, template, code, kbd, [hidden], [aria-hidden=true]")
    || getComputedStyle(element).display === "none"
    || getComputedStyle(element).visibility === "hidden";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const element = walker.currentNode.parentElement;
    if (!text || !/\\p{L}/u.test(text) || !element || hidden(element)) continue;
    // Content the editor wrote or chose: form fields' values, the translation editor's
    // texts, the preview, rich text.
    if (element.closest("[contenteditable], textarea, iframe, [lang]:not(html)")) continue;
    total += 1;
    if (/[A-Za-z]{2,}/.test(text)) found.push(text.replace(/\\s+/g, " ").slice(0, 160));
  }
  for (const element of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
    if (hidden(element)) continue;
    for (const name of ["placeholder", "aria-label", "title"]) {
      const value = element.getAttribute(name);
      if (!value || !/\\p{L}/u.test(value)) continue;
      total += 1;
      if (/[A-Za-z]{2,}/.test(value)) found.push(`${name}=${value.slice(0, 160)}`);
    }
  }
  return { total, found };
}
"""

# Words that stay in Latin letters in a Hebrew interface: product, format and language names.
ALLOWED_WORDS = re.compile(
    r"\b(Wagtail|English|PO|PDF|GIF|JPG|JPEG|PNG|WEBP|DOCX|ODT|XLSX|PPTX|TXT|SVG|URL|HTML|"
    r"YouTube|Vimeo|RSS|Atom|Draftail|slug|Root|UTC|IP|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def latin_interface_text(page, content=()):
    """What the screen shows in Latin letters that is neither content nor an allowed word.

    `content`: strings the test knows to be content (titles, names, the user's email...).
    Returns (number of interface texts on the screen, the Latin ones)."""
    result = page.evaluate(LATIN_TEXT_JS)
    latin = []
    for text in result["found"]:
        rest = re.sub(r"^(placeholder|aria-label|title)=", "", text)
        for known in content:
            rest = rest.replace(known, "")
        rest = ALLOWED_WORDS.sub("", rest)
        rest = re.sub(r"\S+@\S+|https?://\S+|/\S*/|\S+\.(pdf|jpe?g|png|docx?)\b", "", rest)
        if re.search(r"[A-Za-z]{2,}", rest):
            latin.append(text)
    return result["total"], latin
