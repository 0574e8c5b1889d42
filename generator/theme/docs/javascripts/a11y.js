// Material's search dialog has no accessible name; screen readers announce it as "dialog".
// Name it once the page (or an instant-navigation page) is ready.
(function () {
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }
  if (typeof document$ !== "undefined") document$.subscribe(nameSearchDialog);
  else document.addEventListener("DOMContentLoaded", nameSearchDialog);
})();
