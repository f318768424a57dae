"""The legal-advice request form, as a secretary fills it in."""


def submit_a_request(form, document):
    """Fills in `form` (the request page's form) about the bylaws, attaches `document` and
    sends it."""
    form.locator("select[name=topic]").select_option("bylaws")
    form.locator("input[name=subject]").fill("תיקון התקנון")
    form.locator("textarea[name=description]").fill("האם אפשר לתקן את התקנון באסיפה אחת?")
    form.locator("input[name=phone]").fill("050-1234567")
    form.locator("input[name=attachments]").set_input_files(str(document))
    form.locator("input[name=privacy]").check()
    form.locator("button[type=submit]").click()
