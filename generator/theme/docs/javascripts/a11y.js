// Small accessibility repairs of Material's own markup, made once the page (or an
// instant-navigation page) is ready.
(function () {
  // Material's search dialog has no accessible name; screen readers announce it as "dialog".
  // It takes the name of its own search options, which Material writes in the page's language.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var options = dialog && dialog.querySelector(".md-search__options[aria-label]");
    if (dialog && options && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", options.getAttribute("aria-label"));
    }
  }

  // A table or a code block wider than a phone scrolls sideways (a table in Material's
  // wrapper, code in itself); keyboard users can scroll it only if it takes focus (WCAG 2.1.1).
  function focusableScrolling() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
      }
    }
  }

  function repair() {
    nameSearchDialog();
    focusableScrolling();
  }
  if (typeof document$ !== "undefined") document$.subscribe(repair);
  else document.addEventListener("DOMContentLoaded", repair);
})();
