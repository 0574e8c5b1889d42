/*
 * The entry point of the program finder's scripts, loaded on every page as an ES module
 * (mkdocs.yml: extra_javascript with type: module; no bundler). It imports the rest only where
 * it is needed, so most pages load this small file alone: the finder where the page has one,
 * and the marking of matching tracks on a provider page opened from a result.
 *
 * The modules, by concern: data.js (decoding finder/index.json), geo.js (ZIP codes, miles),
 * zones.js (time zones), avail.js (when a person is free, and the avail= format), query.js
 * (the search in the address), match.js (which programs a search finds), words.js and
 * messages.js (every word shown, in one replaceable object), status.js (the status line and
 * group titles), render.js and form.js (the page), shortlist.js (My list), page.js (the finder
 * itself), mark.js (provider pages).
 * Unit tests: tests/js/ (node --test).
 *
 * Material's instant navigation swaps the page without running this file again: its document$
 * observable announces every new page, so the scripts start on each one it lands on.
 */

function init() {
  const root = document.getElementById("iop-finder");
  if (root && !root.dataset.started) {
    root.dataset.started = "1";
    // The page's address now: a person may follow another link before page.js has loaded,
    // and the data files' relative addresses must resolve against the finder's page.
    const here = location.href;
    import("./page.js").then((finder) => {
      if (root.isConnected) finder.start(root, here);
    });
  }
  if (/[?&]fits=/.test(location.search) && /^#program-\d+$/.test(location.hash)) {
    import("./mark.js").then((page) => page.mark());
  }
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
