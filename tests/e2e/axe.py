"""Accessibility checks with axe-core, run inside the page Playwright has open."""

from axe_playwright_python.sync_playwright import Axe

# The level the site commits to in its accessibility statement: WCAG 2.0 and 2.1, A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}
NODES_SHOWN = 5
# axe measures the page at rest: a message fading in, or a tooltip fading out (Wagtail's
# "saved" after an autosave), would be measured mid-way, at a contrast it never has at rest.
# So it runs once every transition and animation that ends has ended.
AT_REST_JS = """
() => document.getAnimations().every(
  (animation) => animation.playState !== "running"
    || animation.effect.getComputedTiming().endTime === Infinity
)
"""

_axe = Axe()


def axe_violations(page):
    """Runs axe on the page as it is now and returns its list of violations."""
    results = _axe.run(page, options=AXE_OPTIONS)
    return results.response["violations"]


def format_violations(violations, url=""):
    lines = [f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact'}): {violation['help']}"
            f" [{len(nodes)} node(s)] {violation.get('helpUrl', '')}"
        )
        for node in nodes[:NODES_SHOWN]:
            target = ", ".join(
                " ".join(part) if isinstance(part, list) else str(part) for part in node["target"]
            )
            html = " ".join(node.get("html", "").split())
            lines.append(f"    target: {target}")
            lines.append(f"      html: {html[:300]}")
            if node.get("failureSummary"):
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"      why:  {summary[:300]}")
        if len(nodes) > NODES_SHOWN:
            lines.append(f"    … and {len(nodes) - NODES_SHOWN} more node(s)")
    return "\n".join(lines)


def assert_accessible(page):
    """Fails the test, listing every violation, if axe finds WCAG 2.1 A/AA problems."""
    page.wait_for_function(AT_REST_JS)
    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)
