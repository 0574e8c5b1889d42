// The language switch (overrides/main.html): a plain link to the same page in another language,
// which works without JavaScript. Here it also takes the search along: the finder keeps its
// choices in the page's address (zip=, avail=...), and a provider page opened from a result
// its marked tracks (fits=, #program-N), so the other language shows the same search.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-iop-lang]") : null;
    if (!link) return;
    var base = link.href.split(/[?#]/)[0];
    link.href = base + window.location.search + window.location.hash;
  }, true);
})();
