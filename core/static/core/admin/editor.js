// The admin's page and translation editors (core/wagtail_hooks.py loads this on every
// admin screen).
//
// 1. The fields of a page are written in the page's language: left to right for an English
//    page, right to left for a Hebrew one, whatever the admin's own language. The same in
//    wagtail-localize's translation editor: the source in the source language, the
//    translation in the target one.
// 2. Controls that Wagtail and its widgets leave without an accessible name (axe's "label"
//    and "aria-input-field-name") are named after their field's label; scrolling regions
//    are made reachable by keyboard.
// 3. wagtail-localize writes a few texts in English without gettext; they are said through
//    the admin's catalog.
// Fields appear as the editor works (StreamField blocks, Draftail, tag inputs, the
// translation editor's text boxes), so all of this runs again as they are added.
(() => {
  const script = document.currentScript;
  const rtlLanguages = script.dataset.rtlLanguages.split(" ");

  function mark(element, language) {
    if (element.lang !== language) {
      element.lang = language;
      element.dir = rtlLanguages.includes(language) ? "rtl" : "ltr";
    }
  }

  function watch(root, apply) {
    apply();
    new MutationObserver(apply).observe(root, { childList: true, subtree: true });
  }

  // 1. The page editor: the content locale is in Wagtail's own configuration.
  const TEXT_FIELDS =
    "input[type=text]:not([name=slug]), textarea, .Draftail-Editor, [contenteditable=true]";

  function pageFields(form) {
    const config = document.getElementById("wagtail-config");
    const language = config && JSON.parse(config.textContent).ACTIVE_CONTENT_LOCALE;
    if (language) form.querySelectorAll(TEXT_FIELDS).forEach((field) => mark(field, language));
  }

  // The translation editor: each segment is a list item with the field's name (h4), the
  // source (p) and the translation (a div holding the text or its text box).
  function translationProps(root) {
    try {
      const props = JSON.parse(root.dataset.props);
      return props.locale && props.sourceLocale ? props : null;
    } catch {
      return null;
    }
  }

  function translationSegments(root, props) {
    root.querySelectorAll("li > p + div").forEach((translation) => {
      mark(translation.previousElementSibling, props.sourceLocale.code);
      mark(translation, props.locale.code);
    });
  }

  // 2. Unnamed controls: a Draftail text box, a tag input, a file input behind its button.
  const CONTROLS =
    ".public-DraftEditor-content[role=textbox], input:not([type=hidden]):not([type=file]), " +
    "input[type=file]";

  function unnamed(control) {
    return (
      !control.hasAttribute("aria-label") &&
      !control.hasAttribute("aria-labelledby") &&
      !(control.labels && control.labels.length)
    );
  }

  function labelOf(control) {
    const field = control.closest(".w-field");
    const hidden = field?.querySelector("input[type=hidden][id]");
    return (
      control.closest("[data-field-wrapper]")?.querySelector("label.w-field__label") ||
      (hidden && document.querySelector(`label[for="${hidden.id}"]`)) ||
      control.closest(".w-panel")?.querySelector(".w-panel__heading[id]")
    );
  }

  let labelsMade = 0;

  function nameControls(scope) {
    scope.querySelectorAll(CONTROLS).forEach((control) => {
      if (!unnamed(control)) return;
      const label = labelOf(control);
      if (label) {
        if (!label.id) label.id = `shitufi-label-${(labelsMade += 1)}`;
        control.setAttribute("aria-labelledby", label.id);
      } else if (control.type === "file") {
        control.setAttribute("aria-label", window.gettext("Choose a file to upload"));
      }
    });
  }

  // A scrollable region must be reachable by keyboard (axe's scrollable-region-focusable):
  // the minimap of a long form scrolls, and its items are not focusable.
  function focusableScrollRegions(scope) {
    scope.querySelectorAll(".w-minimap__list:not([tabindex])").forEach((list) => {
      list.tabIndex = 0;
    });
  }

  // 3. Texts of the translation editor that wagtail-localize writes in English, with no
  // gettext: the heading of its segments and a button's name for screen readers.
  function translationTexts(root, props) {
    const names = { source: props.sourceLocale.displayName, target: props.locale.displayName };
    const said = new Map([
      [
        `${names.source} to ${names.target} translation`,
        () =>
          window.interpolate(window.gettext("%(source)s to %(target)s translation"), names, true),
      ],
      ["More actions", () => window.gettext("More actions")],
    ]);
    root.querySelectorAll("*").forEach((element) => {
      const node = element.firstChild;
      const text = node?.nodeType === Node.TEXT_NODE && said.get(node.textContent.trim());
      if (text) node.textContent = text();
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-edit-form]");
    const translation = document.querySelector("[data-props]");
    const props = translation && translationProps(translation);
    watch(document.body, () => {
      nameControls(document);
      focusableScrollRegions(document);
      if (form) pageFields(form);
      if (props) {
        translationSegments(translation, props);
        translationTexts(translation, props);
      }
    });
  });
})();
