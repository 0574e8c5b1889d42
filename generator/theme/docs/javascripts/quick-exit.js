// "Leave this site quickly" (overrides/main.html), for people who must hide what they read.
// The link works without JavaScript. With it, leaving hides the page at once, clears what the
// site kept in this browser, and uses location.replace, so this page is not in the history and
// Back does not return to it.
// Shortcut: Shift pressed on its own three times within five seconds, as in GOV.UK's "Exit this
// page" component. Material's own shortcuts use letters and Escape, and typing capitals (Shift
// held with a letter) does not count.
(function () {
  "use strict";
  var PRESSES = 3;
  var WITHIN_MS = 5000;
  var presses = 0;
  var timer = null;
  var lastKeyHadShift = false;

  // What this site keeps in the browser (the finder's "My list", javascripts/finder/shortlist.js)
  // goes too: every key starting "iopdir".
  function forget() {
    ["localStorage", "sessionStorage"].forEach(function (name) {
      try {
        var storage = window[name];  // reading it may throw when storage is blocked
        for (var i = storage.length - 1; i >= 0; i--) {
          var key = storage.key(i);
          if (key && key.indexOf("iopdir") === 0) storage.removeItem(key);
        }
      } catch (e) {
        // storage blocked: nothing was kept
      }
    });
  }

  function leave(link) {
    document.body.hidden = true;  // nothing stays on screen while the next page loads
    document.title = "";
    forget();
    window.location.replace(link.href);
  }

  function exitLink() {
    return document.querySelector("a[data-iop-exit]");
  }

  function reset() {
    presses = 0;
    clearTimeout(timer);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-iop-exit]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    leave(link);
  }, true);

  document.addEventListener("keyup", function (event) {
    var lone = event.key === "Shift" && !lastKeyHadShift;
    lastKeyHadShift = event.shiftKey;
    if (!lone) {
      reset();
      return;
    }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(reset, WITHIN_MS);
    var link = exitLink();
    if (presses >= PRESSES && link) {
      reset();
      leave(link);
    }
  });

  // The hint names the shortcut, so it shows only where the shortcut works: with a keyboard,
  // which a device with only a touch screen (no fine pointer) usually lacks.
  function showHint() {
    var hint = document.querySelector("[data-iop-exit-hint]");
    var fine = !window.matchMedia || window.matchMedia("(any-pointer: fine)").matches;
    if (!hint) return;
    hint.hidden = !fine;
    hint.setAttribute("data-iop-exit-hint", fine ? "shown" : "touch");  // decided
  }
  if (typeof document$ !== "undefined") document$.subscribe(showHint);
  else document.addEventListener("DOMContentLoaded", showHint);
})();
