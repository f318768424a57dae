"""Building blocks of every seed step: find a page by slug, or make and publish it."""


def publish(page):
    page.save_revision().publish()
    return page


def ensure_child(parent, slug, build):
    """The child of `parent` with this slug, and whether it was made now: if there is
    none, `build()` it and publish it. An existing page is returned as it is."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    return publish(parent.add_child(instance=build())), True
