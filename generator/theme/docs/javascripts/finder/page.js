/*
 * The finder on /finder/: the form, the results, the page address and the shortlist. Nothing
 * typed is sent anywhere: the index and the ZIP table are fetched whole and searched here.
 * Every change of the search replaces the page's history entry (never adds one), so Back leaves
 * the finder and "Leave this site quickly" leaves no trail of searches behind it.
 */
import { decodeIndex, load } from "./data.js";
import { checkDayOf, fillPreset, readForm, writeForm } from "./form.js";
import { decodeZips, nearestZip, zipPlace } from "./geo.js";
import { GROUPS, haystacks, search } from "./match.js";
import { say, translateLabels } from "./messages.js";
import { SELECTS, emptyState, fromQuery, isEmpty, readLink, toQuery } from "./query.js";
import { addLanguage, el, fillOptions, resultCard, setKept } from "./render.js";
import { drawSheet, entryOf, has, loadList, saveList, toggle } from "./shortlist.js";
import { emptyTips, groupTitle, linkNoteText, statusText } from "./status.js";
import { weekText } from "./words.js";
import { localise, userZone } from "./zones.js";

const PAGE = 20; // result cards drawn at once (a phone screen shows two); the counts say how many match
const TYPING_DELAY = 150;
const ZIP = /^\d{5}$/;

function pause() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

class Finder {
  constructor(root, here) {
    this.root = root;
    this.here = here;
    this.form = root.querySelector("form");
    this.status = root.querySelector("#iop-finder-status");
    this.groupsBox = root.querySelector("#iop-finder-groups");
    this.empty = root.querySelector("#iop-finder-empty");
    this.more = root.querySelector("#iop-finder-more");
    this.zipNote = root.querySelector("#iop-finder-zip-note");
    this.zipHint = this.zipNote.textContent;
    this.show = root.querySelector("#iop-finder-show");
    this.listLink = root.querySelector("#iop-finder-list-link");
    this.weekSummary = root.querySelector("#iop-finder-week-summary");
    this.linked = root.querySelector("#iop-finder-linked");
    this.sheet = document.getElementById("iop-shortlist");
    this.db = null;
    this.zips = null;
    this.located = null;
    this.result = null;
    this.list = loadList();
    this.timer = 0;
  }

  start() {
    this.root.hidden = false;
    this.listen();
    const base = new URL(this.form.dataset.index, this.here).href;
    this.zipsUrl = new URL(this.form.dataset.zips, this.here).href;
    const started = performance.now();
    load(base, decodeIndex).then(async (db) => {
      db.labels = translateLabels(db.labels); // the index's words are English
      db.schema = translateLabels(db.schema);
      // Short tasks with pauses between them, so a slow phone stays responsive while the
      // national index is prepared.
      await pause();
      if (!this.root.isConnected) return;
      localise(db, userZone());
      fillOptions(this.form, db);
      await pause();
      if (!this.root.isConnected) return;
      this.db = db;
      this.loadMs = performance.now() - started; // fetch, decode, time zones, options
      this.openLink(readLink(location.search));
      this.record(); // an older link's address is rewritten in the current format
      this.update();
      this.drawList();
      this.root.dataset.loaded = "1";
    }).catch((error) => this.failed(error));
  }

  /**
   * The search of the page's address in the form. When there is one, the top of the page says
   * how many programs it finds, with a button to the results (a phone shows the form first),
   * and which parts of the link could not be used as written.
   */
  openLink({ state, notes }) {
    const f = this.form.elements;
    if (state.lang) addLanguage(f.lang, state.lang);
    writeForm(this.form, state);
    if (state.listed && !f.listed.checked) notes.push({ key: "listed", value: "1", used: "", none: true });
    for (const key of SELECTS) {
      if (state[key] && f[key].value !== state[key]) notes.push({ key, value: state[key], used: "" });
    }
    if (isEmpty(state) && !notes.length) return;
    this.linked.hidden = false;
    if (notes.length) {
      const box = this.linked.querySelector("#iop-finder-linked-notes");
      box.appendChild(el("p", "", say("linkNotes")));
      const list = box.appendChild(el("ul"));
      for (const note of notes) list.appendChild(el("li", "", linkNoteText(note, (key) => this.labelOf(key))));
    }
    this.linked.querySelector("#iop-finder-jump").addEventListener("click", () => {
      this.root.querySelector("#iop-finder-results-title").focus();
    });
  }

  labelOf(key) {
    return this.form.querySelector(`label[for="${this.form.elements[key].id}"]`).textContent;
  }

  failed(error) {
    this.status.textContent = say("loadFailed") + say("sentenceJoin");
    const browse = this.status.appendChild(el("a", "", say("loadFailedLink")));
    browse.href = "../browse/";
    this.status.append(say("loadFailedEnd"));
    this.root.dataset.loaded = "error";
    console.warn("iop finder:", error); // eslint-disable-line no-console
  }

  listen() {
    const form = this.form;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.changed();
      this.root.querySelector("#iop-finder-results-title").focus();
    });
    form.addEventListener("input", (e) => {
      if (e.target.matches("input[type=time]")) checkDayOf(e.target);
      if (e.target.matches("input[type=text], input[type=time]")) this.typed();
    });
    form.addEventListener("change", (e) => {
      if (e.target.matches("input[type=checkbox], select")) this.changed();
    });
    form.elements.text.addEventListener("focus", () => this.db && haystacks(this.db), { once: true });
    for (const button of form.querySelectorAll("[data-preset]")) {
      button.addEventListener("click", () => {
        fillPreset(form, button.dataset.preset);
        this.changed();
      });
    }
    for (const button of this.root.querySelectorAll("[data-finder-clear]")) {
      button.addEventListener("click", () => this.clear());
    }
    this.more.addEventListener("click", () => this.showMore());
    this.root.querySelector("#iop-finder-copy").addEventListener("click", () => this.copy());
    this.groupsBox.addEventListener("click", (e) => {
      const button = e.target.closest("[data-keep]");
      if (button) this.keep(Number(button.dataset.keep));
    });
    const locate = this.root.querySelector("#iop-finder-locate");
    if ("geolocation" in navigator) {
      locate.hidden = false;
      locate.addEventListener("click", () => this.locate());
    }
    if (this.sheet) {
      this.sheet.querySelector("#iop-shortlist-print").addEventListener("click", () => window.print());
      this.sheet.querySelector("#iop-shortlist-clear").addEventListener("click", () => this.setList([]));
    }
  }

  /** Typing: results follow after a short pause. */
  typed() {
    this.root.dataset.pending = "1";
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed(), TYPING_DELAY);
  }

  changed() {
    clearTimeout(this.timer);
    if (!this.db) return;
    this.linked.hidden = true; // the person's own search now: the status line follows it
    this.record();
    this.update();
  }

  /** The search in the address, replacing the current history entry. */
  record() {
    const url = location.pathname + toQuery(readForm(this.form)) + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", url);
    }
  }

  clear() {
    writeForm(this.form, emptyState());
    this.changed();
    this.form.querySelector("input").focus();
  }

  /** Read the form, then search and draw, loading ZIP centroids first when they are needed. */
  update() {
    const state = readForm(this.form);
    if (ZIP.test(state.zip) && !this.zips) {
      this.root.dataset.pending = "1";
      this.zipNote.textContent = say("zipLooking");
      load(this.zipsUrl, decodeZips).then((zips) => {
        this.zips = zips;
        if (this.root.isConnected) this.update();
      }).catch(() => {
        this.zipNote.textContent = say("zipsFailed");
        this.zips = { zip: new Int32Array(0) };
        this.update();
      });
      return;
    }
    this.apply(state);
  }

  /** Search and draw now (the benchmark times this); returns the number of programs found. */
  apply(state = readForm(this.form)) {
    if (!this.db) return 0;
    this.place = this.placeFor(state);
    this.state = state;
    this.weekSummary.textContent = weekText(state.avail);
    this.result = search(this.db, state, this.place);
    this.groupsBox.replaceChildren();
    this.drawn = [];
    this.shown = 0;
    this.draw();
    this.say();
    delete this.root.dataset.pending;
    return this.result.total;
  }

  placeFor(state) {
    if (this.located && this.located.zip === state.zip) return this.located;
    if (!ZIP.test(state.zip) || !this.zips) {
      this.zipNote.textContent = state.zip && !ZIP.test(state.zip) ? say("zipPartial") : this.zipHint;
      return null;
    }
    const place = zipPlace(this.zips, state.zip);
    this.zipNote.textContent = place
      ? say("zipFound", { zip: place.zip, state: place.state }) + say("sentenceJoin") + this.zipHint
      : say("zipUnknown", { zip: state.zip });
    return place;
  }

  /** Draw the next PAGE cards, group after group; a group's heading comes with its first card. */
  draw() {
    const { groups } = this.result;
    let budget = PAGE, drawnBefore = this.shown;
    for (const kind of GROUPS) {
      const group = groups[kind];
      const done = this.drawn[kind] || 0;
      if (budget === 0 || done >= group.length) continue;
      const end = Math.min(group.length, done + budget);
      const list = this.groupList(kind);
      const cards = document.createDocumentFragment();
      for (const p of group.slice(done, end)) {
        cards.appendChild(resultCard(this.db, p, kind, this.state, this.result,
          has(this.list, entryOf(this.db, p))));
      }
      list.appendChild(cards);
      budget -= end - done;
      this.drawn[kind] = end;
      this.shown += end - done;
    }
    const left = this.result.total - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = say("showMore", { n: left });
    return drawnBefore;
  }

  groupList(kind) {
    let section = this.groupsBox.querySelector(`[data-group="${kind}"]`);
    if (!section) {
      section = this.groupsBox.appendChild(el("section", "iop-finder__group-results"));
      section.dataset.group = kind;
      const title = `iop-finder-group-${kind}`;
      section.setAttribute("aria-labelledby", title);
      const heading = section.appendChild(el("h3", "iop-finder__group-title",
        say("groupCount", { title: groupTitle(this.db, kind, this.result, this.state),
          n: this.result.groups[kind].length })));
      heading.id = title;
      section.appendChild(el("ol", "iop-finder__list"));
    }
    return section.querySelector("ol");
  }

  showMore() {
    const first = this.draw();
    this.say();
    const card = this.groupsBox.querySelectorAll(".finder-result")[first];
    const link = card && card.querySelector("a");
    if (link) link.focus();
  }

  /** The status line and the button say the same number: the programs found. */
  say() {
    const total = this.result.total;
    this.show.textContent = total ? say("showButton", { n: total }) : say("showButtonNone");
    this.status.textContent = statusText(this.db, this.result, this.state, this.shown);
    this.empty.hidden = total > 0;
    if (!total) this.explainEmpty();
    if (!this.linked.hidden) {
      this.linked.querySelector("#iop-finder-linked-count").textContent =
        total ? say("linkFound", { n: total }) : say("linkNone");
    }
  }

  explainEmpty() {
    const tips = emptyTips(this.state, this.place, (key) => this.labelOf(key), this.db.anyListed);
    this.empty.replaceChildren(el("p", "", say(tips.length ? "emptyIntro" : "emptyNothing")));
    if (tips.length) {
      const list = this.empty.appendChild(el("ul"));
      for (const tip of tips) list.appendChild(el("li", "", tip));
      const button = this.empty.appendChild(el("button", "md-button", say("clearAll")));
      button.type = "button";
      button.addEventListener("click", () => this.clear());
    }
  }

  /** The search's address to the clipboard; where that is refused, selected in a text box. */
  copy() {
    const note = this.root.querySelector("#iop-finder-copy-note");
    const box = this.root.querySelector("#iop-finder-copy-box");
    const url = location.href;
    const manual = () => {
      box.hidden = false;
      const field = box.querySelector("input");
      field.value = url;
      field.focus();
      field.select();
      note.textContent = say("copyManual");
    };
    if (!navigator.clipboard || !window.isSecureContext) return manual();
    navigator.clipboard.writeText(url).then(() => {
      box.hidden = true;
      note.textContent = say("copyDone");
    }, manual);
  }

  keep(p) {
    this.setList(toggle(this.list, entryOf(this.db, p)));
  }

  setList(list) {
    this.list = list;
    saveList(list);
    this.drawList();
    for (const button of this.groupsBox.querySelectorAll("[data-keep]")) {
      setKept(button, has(list, entryOf(this.db, Number(button.dataset.keep))));
    }
  }

  drawList() {
    if (!this.sheet || !this.db) return;
    drawSheet(this.sheet, this.db, this.list, (entry) => this.setList(toggle(this.list, entry)));
    this.listLink.hidden = this.list.length === 0;
    this.listLink.firstElementChild.textContent = say("listLink", { n: this.list.length });
  }

  locate() {
    this.zipNote.textContent = say("locating");
    navigator.geolocation.getCurrentPosition((position) => {
      load(this.zipsUrl, decodeZips).then((zips) => {
        this.zips = zips;
        const place = nearestZip(zips, position.coords.latitude, position.coords.longitude);
        if (!place || !this.root.isConnected) return;
        this.located = { ...place, lat: position.coords.latitude, lon: position.coords.longitude };
        this.form.elements.zip.value = place.zip;
        this.changed();
        this.zipNote.textContent = say("located", { zip: place.zip });
      }).catch(() => {
        this.zipNote.textContent = say("locateNoZips");
      });
    }, () => {
      this.zipNote.textContent = say("locateFailed");
    }, { maximumAge: 600000, timeout: 15000 });
  }
}

let current = null; // the finder on the page now

/**
 * Start the finder in `root` (main.js calls this once per page that has one); `here`: the
 * finder page's address, which relative data addresses resolve against.
 */
export function start(root, here = location.href) {
  current = new Finder(root, here);
  current.start();
}

/**
 * For the benchmark and tests (not for other scripts): fill the form from a query string
 * without searching, apply the form now (returns the number of programs found), and sizes.
 */
window.__iopFinder = {
  fill: (query) => current && writeForm(current.form, fromQuery(query)),
  apply: () => (current ? current.apply() : 0),
  stats: () => (current && current.db
    ? { programs: current.db.G, tracks: current.db.T, loadMs: current.loadMs } : null),
};
