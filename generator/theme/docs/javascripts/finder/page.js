/*
 * The finder on /finder/: the form, the results and the page address. Nothing typed is sent
 * anywhere: the index and the ZIP table are fetched whole and searched here.
 */
import { decodeIndex, load } from "./data.js";
import { readForm, writeForm } from "./form.js";
import { decodeZips, nearestZip, zipPlace } from "./geo.js";
import { haystacks, search } from "./match.js";
import { SELECTS, emptyState, fromQuery, isEmpty, toQuery } from "./query.js";
import { el, fillOptions, resultItem } from "./render.js";
import { plural } from "./words.js";
import { localise, userZone } from "./zones.js";

const PAGE = 50; // results drawn at once; the count always says how many match
const TYPING_DELAY = 150;

export class Finder {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("form");
    this.status = root.querySelector("#iop-finder-status");
    this.list = root.querySelector("#iop-finder-list");
    this.empty = root.querySelector("#iop-finder-empty");
    this.more = root.querySelector("#iop-finder-more");
    this.zipNote = root.querySelector("#iop-finder-zip-note");
    this.zipHint = this.zipNote.textContent;
    this.show = root.querySelector("#iop-finder-show");
    this.path = location.pathname;
    this.db = null;
    this.zips = null;
    this.place = null;
    this.result = null;
    this.shown = 0;
    this.timer = 0;
    this.typing = false;
  }

  start() {
    this.root.hidden = false;
    this.listen();
    const base = new URL(this.form.dataset.index, location.href).href;
    this.zipsUrl = new URL(this.form.dataset.zips, location.href).href;
    const started = performance.now();
    load(base, decodeIndex).then((db) => {
      if (!this.root.isConnected) return;
      this.db = db;
      localise(db, userZone());
      fillOptions(this.form, db);
      this.loadMs = performance.now() - started; // fetch, decode, time zones, options
      this.restore(location.search);
      this.root.dataset.loaded = "1";
    }).catch((error) => this.failed(error));
  }

  failed(error) {
    this.status.textContent = "The list of programs could not be loaded. Check your connection " +
      "and reload the page, or ";
    const browse = this.status.appendChild(el("a", "", "browse the programs"));
    browse.href = "../browse/";
    this.status.append(".");
    this.root.dataset.loaded = "error";
    console.warn("iop finder:", error); // eslint-disable-line no-console
  }

  listen() {
    const form = this.form;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.flush();
      this.root.querySelector("#iop-finder-results-title").focus();
    });
    form.addEventListener("input", (e) => {
      if (e.target.matches("input[type=text], input[type=time]")) this.typed();
    });
    form.addEventListener("change", (e) => {
      if (e.target.matches("input[type=checkbox], select")) this.changed();
    });
    form.elements.q.addEventListener("focus", () => this.db && haystacks(this.db), { once: true });
    form.addEventListener("focusout", (e) => {
      if (e.target.matches("input[type=text], input[type=time]")) this.typing = false;
    });
    for (const button of this.root.querySelectorAll("[data-finder-clear]")) {
      button.addEventListener("click", () => this.clear());
    }
    this.more.addEventListener("click", () => this.showMore());
    const locate = this.root.querySelector("#iop-finder-locate");
    if ("geolocation" in navigator) {
      locate.hidden = false;
      locate.addEventListener("click", () => this.locate());
    }
  }

  /** Typing: results follow after a short pause; one history entry per burst of typing. */
  typed() {
    this.root.dataset.pending = "1";
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), TYPING_DELAY);
  }

  flush() {
    clearTimeout(this.timer);
    if (!this.db) return;
    this.record(!this.typing);
    this.typing = document.activeElement && document.activeElement.matches &&
      document.activeElement.matches("#iop-finder-form input[type=text], #iop-finder-form input[type=time]");
    this.update();
  }

  changed() {
    clearTimeout(this.timer);
    if (!this.db) return;
    this.typing = false;
    this.record(true);
    this.update();
  }

  record(push) {
    const url = location.pathname + toQuery(readForm(this.form)) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
  }

  clear() {
    writeForm(this.form, emptyState());
    this.changed();
    this.form.querySelector("input").focus();
  }

  restore(search) {
    if (!this.db) return;
    clearTimeout(this.timer);
    this.typing = false;
    writeForm(this.form, fromQuery(search));
    this.update();
  }

  popstate() {
    if (this.root.isConnected && location.pathname === this.path) this.restore(location.search);
  }

  /** Read the form, then search and draw, loading ZIP centroids first when they are needed. */
  update() {
    const state = readForm(this.form);
    if (/^\d{5}$/.test(state.zip) && !this.zips) {
      this.root.dataset.pending = "1";
      this.zipNote.textContent = "Looking up the ZIP code…";
      load(this.zipsUrl, decodeZips).then((zips) => {
        this.zips = zips;
        if (this.root.isConnected) this.update();
      }).catch(() => {
        this.zipNote.textContent = "ZIP codes could not be loaded, so distance is not used.";
        this.zips = { zip: new Int32Array(0) };
        this.update();
      });
      return;
    }
    this.apply(state);
  }

  apply(state = readForm(this.form)) {
    if (!this.db) return 0;
    this.place = this.placeFor(state);
    this.result = search(this.db, state, this.place);
    this.state = state;
    this.list.replaceChildren();
    this.shown = 0;
    this.draw();
    this.say();
    delete this.root.dataset.pending;
    return this.result.tracks.length;
  }

  placeFor(state) {
    if (this.located && this.located.zip === state.zip) return this.located;
    if (!/^\d{5}$/.test(state.zip) || !this.zips) {
      this.zipNote.textContent = state.zip && !/^\d{5}$/.test(state.zip)
        ? "Type all five digits of the ZIP code." : this.zipHint;
      return null;
    }
    const place = zipPlace(this.zips, state.zip);
    this.zipNote.textContent = place
      ? `Distances are from the middle of ZIP code ${place.zip} (${place.state}). ${this.zipHint}`
      : `ZIP code ${state.zip} was not found. Check it, or leave it empty.`;
    return place;
  }

  draw() {
    const tracks = this.result.tracks;
    const end = Math.min(this.shown + PAGE, tracks.length);
    const items = document.createDocumentFragment();
    for (const t of tracks.slice(this.shown, end)) items.appendChild(resultItem(this.db, t, this.result.where));
    this.list.appendChild(items);
    const first = this.shown;
    this.shown = end;
    this.more.hidden = end >= tracks.length;
    this.more.textContent = `Show more results (${(tracks.length - end).toLocaleString("en-US")} more)`;
    return first;
  }

  showMore() {
    const first = this.draw();
    this.say();
    const link = this.list.children[first] && this.list.children[first].querySelector("a");
    if (link) link.focus();
  }

  say() {
    const n = this.result.tracks.length;
    this.show.textContent = n ? `Show ${plural(n, "result")}` : "Show results";
    this.empty.hidden = n > 0;
    if (!n) {
      this.status.textContent = "No program schedules match your search.";
      this.explainEmpty();
      return;
    }
    const shown = this.shown < n ? ` Showing the first ${this.shown.toLocaleString("en-US")}.` : "";
    const { programs, unknown } = this.result;
    let found = `${plural(n - unknown, "schedule")} at ${plural(programs, "program")}`;
    if (unknown) {
      const unlisted = `${plural(unknown, "program")} whose schedule is not listed`;
      found = n > unknown ? `${found}, and ${unlisted}` : unlisted;
    }
    this.status.textContent = isEmpty(this.state) ? `All ${found}.${shown}`
      : `${found} ${n === 1 ? "matches" : "match"} your search.${shown}`;
  }

  explainEmpty() {
    const s = this.state, f = this.form.elements;
    const tips = [];
    if (s.days.length && s.days.length < 7) tips.push("Choose more days you can attend.");
    if (s.from || s.to) tips.push("Set an earlier start or a later end, or clear the times.");
    if (s.eve || s.wknd) tips.push("Uncheck Evening or Weekend.");
    if (s.listed) tips.push("Uncheck \u201cOnly programs that list their schedule\u201d.");
    if (this.place && s.miles) tips.push("Choose a larger distance, or Any distance.");
    for (const key of SELECTS) {
      if (s[key]) tips.push(`Set ${this.form.querySelector(`label[for="${f[key].id}"]`).textContent} back to Any.`);
    }
    if (s.q) tips.push("Check the spelling in Name or city, or clear it.");
    if (s.zip && !this.place) tips.push("Check the ZIP code.");
    const intro = tips.length ? "Nothing matches every choice you made. To widen the search:"
      : "The directory has no program schedules yet.";
    this.empty.replaceChildren(el("p", "", intro));
    if (tips.length) {
      const list = this.empty.appendChild(el("ul"));
      for (const tip of tips) list.appendChild(el("li", "", tip));
      const button = this.empty.appendChild(el("button", "md-button", "Clear all filters"));
      button.type = "button";
      button.addEventListener("click", () => this.clear());
    }
  }

  locate() {
    this.zipNote.textContent = "Asking your browser for your location…";
    navigator.geolocation.getCurrentPosition((position) => {
      load(this.zipsUrl, decodeZips).then((zips) => {
        this.zips = zips;
        const place = nearestZip(zips, position.coords.latitude, position.coords.longitude);
        if (!place || !this.root.isConnected) return;
        this.located = { ...place, lat: position.coords.latitude, lon: position.coords.longitude };
        this.form.elements.zip.value = place.zip;
        this.changed();
        this.zipNote.textContent = `Using your location (near ZIP code ${place.zip}). It stays in your browser.`;
      }).catch(() => {
        this.zipNote.textContent = "ZIP codes could not be loaded. Type a ZIP code instead.";
      });
    }, () => {
      this.zipNote.textContent = "Your browser did not share a location. Type a ZIP code instead.";
    }, { maximumAge: 600000, timeout: 15000 });
  }
}

let current = null; // the finder on the page now

/** Start the finder in `root` (main.js calls this once per page that has one). */
export function start(root) {
  current = new Finder(root);
  current.start();
}

window.addEventListener("popstate", () => current && current.popstate());

/**
 * For the benchmark and tests (not for other scripts): fill the form from a query string
 * without searching, apply the form now (returns the number of matching tracks), and sizes.
 */
window.__iopFinder = {
  fill: (query) => current && writeForm(current.form, fromQuery(query)),
  apply: () => (current ? current.apply() : 0),
  stats: () => (current && current.db
    ? { programs: current.db.G, tracks: current.db.T, loadMs: current.loadMs } : null),
};
