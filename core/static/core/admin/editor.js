// The admin's page and translation editors.
//
// The fields of a page are written in the page's language: left to right for an English
// page, right to left for a Hebrew one, whatever the admin's own language. The same for the
// translation editor of wagtail-localize: its source in the source language, its
// translations in the target one. Fields appear as the editor works (StreamField blocks,
// Draftail, the translation editor's text boxes), so they are marked as they are added.
(() => {
  const script = document.currentScript;
  const rtlLanguages = script.dataset.rtlLanguages.split(" ");
  const direction = (language) => (rtlLanguages.includes(language) ? "rtl" : "ltr");

  function mark(element, language) {
    if (element.lang !== language) {
      element.lang = language;
      element.dir = direction(language);
    }
  }

  function watch(root, apply) {
    apply();
    new MutationObserver(apply).observe(root, { childList: true, subtree: true });
  }

  // Draftail's text box has no accessible name (axe: aria-input-field-name): name it by
  // its field's label, or in a StreamField by its block's heading ("פסקה").
  function nameRichTextBoxes(scope) {
    const boxes = scope.querySelectorAll(
      ".public-DraftEditor-content[role=textbox]:not([aria-labelledby]):not([aria-label])",
    );
    boxes.forEach((box) => {
      const input = box.closest(".w-field")?.querySelector("input[type=hidden][id]");
      const label =
        (input && document.querySelector(`label[for="${input.id}"]`)) ||
        box.closest(".w-panel")?.querySelector(".w-panel__heading[id]");
      if (!label) return;
      if (!label.id) label.id = `${input.id}-label`;
      box.setAttribute("aria-labelledby", label.id);
    });
  }

  // The page editor: the content locale is in Wagtail's own configuration.
  const FIELDS =
    "input[type=text]:not([name=slug]), textarea, .Draftail-Editor, [contenteditable=true]";
  function pageEditor() {
    const form = document.querySelector("form[data-edit-form]");
    const config = document.getElementById("wagtail-config");
    const language = config && JSON.parse(config.textContent).ACTIVE_CONTENT_LOCALE;
    if (!form) return;
    watch(form, () => {
      nameRichTextBoxes(form);
      if (language) form.querySelectorAll(FIELDS).forEach((field) => mark(field, language));
    });
  }

  // wagtail-localize's translation editor: each segment is a list item with the source
  // (p.title) followed by the translation (a div holding the text or its text box).
  function translationEditor() {
    const root = document.querySelector("[data-props]");
    if (!root) return;
    let props;
    try {
      props = JSON.parse(root.dataset.props);
    } catch {
      return;
    }
    if (!props.locale || !props.sourceLocale) return;
    watch(root, () => {
      translationHeading(root, props);
      nameFileInputs(root);
      root.querySelectorAll("li > p.title").forEach((source) => {
        mark(source, props.sourceLocale.code);
        if (source.nextElementSibling) mark(source.nextElementSibling, props.locale.code);
      });
    });
  }

  // wagtail-localize writes the heading of its segments in English without gettext
  // ("עברית to English translation"): say it through the admin's catalog.
  function translationHeading(root, props) {
    const english = `${props.sourceLocale.displayName} to ${props.locale.displayName} translation`;
    const text = window.interpolate(
      window.gettext("%(source)s to %(target)s translation"),
      { source: props.sourceLocale.displayName, target: props.locale.displayName },
      true,
    );
    root.querySelectorAll("*").forEach((element) => {
      const node = element.firstChild;
      if (node && node.nodeType === Node.TEXT_NODE && node.textContent.trim() === english) {
        node.textContent = text;
      }
    });
  }

  // The translation editor's PO upload has a visible button but an unlabelled file input.
  function nameFileInputs(root) {
    root.querySelectorAll("input[type=file]:not([aria-label])").forEach((input) => {
      input.setAttribute("aria-label", window.gettext("Upload PO file"));
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    pageEditor();
    translationEditor();
  });
})();
