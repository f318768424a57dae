"""The seeded site's pages, for the tests that need the seed (marked `seeded`): found by type
and language, never by their demo title or slug, so that the demo copy can change."""


def seeded_page(model, language="he"):
    """The first live page of this type in this language, in the tree's order."""
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the seed has no live {model.__name__} in {language}"
    return page
