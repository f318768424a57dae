"""Building blocks of every seed step: find a page by slug, or make and publish it."""

from django.core.management.base import CommandError


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


def link_pages(body, parent):
    """StreamField data `body` with each call to action's page, written as a slug, replaced
    by the existing child of `parent` with that slug."""
    linked = []
    for kind, value in body:
        if kind == "call_to_action":
            page = parent.get_children().filter(slug=value["page"]).first()
            if page is None:
                raise CommandError(f"A call to action leads to “{value['page']}”: no such page.")
            value = {"label": value["label"], "page": page, "url": ""}
        linked.append((kind, value))
    return linked


def index_page(model, text):
    """An app's index page, shown in the menu: `model` with the title and introduction of
    `text` (core/seed/data.py), its slug the text's name."""
    return model(
        slug=text.name, show_in_menus=True, title=text["title"], introduction=text["introduction"]
    )
