/*
 * The entry point of the program finder's scripts, loaded on every page as an ES module
 * (mkdocs.yml: extra_javascript with type: module; no bundler). It starts the finder where the
 * page has one, importing the rest only then, so other pages load this small file alone.
 *
 * The modules, by concern: data.js (decoding finder/index.json), geo.js (ZIP codes, miles),
 * zones.js (time zones), query.js (the search in the address), match.js (which tracks fit),
 * words.js (times and counts in words), render.js and form.js (the page), page.js (the finder
 * itself). Unit tests: tests/js/ (node --test).
 *
 * Material's instant navigation swaps the page without running this file again: its document$
 * observable announces every new page, so the finder starts on each one it lands on.
 */

function init() {
  const root = document.getElementById("iop-finder");
  if (!root || root.dataset.started) return;
  root.dataset.started = "1";
  import("./page.js").then((finder) => finder.start(root));
}

if (!window.__iopFinderMain) {
  window.__iopFinderMain = true;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
