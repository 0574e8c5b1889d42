/*
 * "My list": programs a person keeps to call, and the call sheet that prints them with the
 * questions worth asking. The list lives in this browser's localStorage only (no cookie, nothing
 * sent), under a key starting "iopdir", which "Leave this site quickly" clears (quick-exit.js).
 */
import { MESSAGES, say } from "./messages.js";
import { el, placeName } from "./render.js";
import { sessionsText, telHref } from "./words.js";

const STORAGE_KEY = "iopdir-shortlist";

/** The kept programs, as [{ s: provider slug, n: program number }], oldest first. */
export function loadList(storage = globalThis.localStorage) {
  try {
    const raw = JSON.parse(storage.getItem(STORAGE_KEY) || "[]");
    return Array.isArray(raw)
      ? raw.filter((x) => x && typeof x.s === "string" && Number.isInteger(x.n)) : [];
  } catch (e) {
    return []; // storage blocked or damaged: an empty list
  }
}

export function saveList(list, storage = globalThis.localStorage) {
  try {
    if (list.length) storage.setItem(STORAGE_KEY, JSON.stringify(list));
    else storage.removeItem(STORAGE_KEY);
  } catch (e) {
    // storage blocked (private browsing): the list lasts as long as the page
  }
}

/** The program number in the index of a kept entry, or -1 when it is gone. */
export function programOf(db, entry) {
  if (!db.providerIndex) {
    db.providerIndex = new Map(db.providerSlug.map((slug, i) => [slug, i]));
    db.firstProgram = new Int32Array(db.P);
    for (let i = 1; i < db.P; i++) db.firstProgram[i] = db.firstProgram[i - 1] + db.providerPrograms[i - 1];
  }
  const prov = db.providerIndex.get(entry.s);
  if (prov === undefined || entry.n < 1 || entry.n > db.providerPrograms[prov]) return -1;
  return db.firstProgram[prov] + entry.n - 1;
}

export function entryOf(db, p) {
  return { s: db.providerSlug[db.programProvider[p]], n: db.programNumber[p] };
}

export function toggle(list, entry) {
  const at = list.findIndex((x) => x.s === entry.s && x.n === entry.n);
  return at < 0 ? [...list, entry] : list.filter((_, i) => i !== at);
}

export function has(list, entry) {
  return list.some((x) => x.s === entry.s && x.n === entry.n);
}

/** The call sheet: one item per kept program, with its number, times and page address. */
export function drawSheet(section, db, list, onRemove) {
  const items = section.querySelector("#iop-shortlist-list");
  items.replaceChildren();
  section.hidden = list.length === 0;
  for (const entry of list) {
    const p = programOf(db, entry);
    items.appendChild(p < 0 ? goneItem(entry, onRemove) : sheetItem(db, p, entry, onRemove));
  }
}

function sheetItem(db, p, entry, onRemove) {
  const prov = db.programProvider[p], loc = db.programLocation[p];
  const item = el("li", "iop-shortlist__item");
  Object.assign(item.dataset, { provider: entry.s, program: String(entry.n) });
  const name = say("programOf", { provider: db.providerName[prov], program: db.programNames[db.program_name[p]] });
  item.appendChild(el("h3", "iop-shortlist__name", name));
  const where = item.appendChild(el("p", "iop-shortlist__where", placeName(db, loc) + MESSAGES.placeJoin));
  const phone = db.providerPhone[prov];
  const call = where.appendChild(el("a", "", say("call", { phone })));
  call.href = telHref(phone);
  const first = db.firstTrack[p];
  if (db.unlisted[first]) item.appendChild(el("p", "", say("unlistedLine")));
  else {
    const times = item.appendChild(el("ul", "iop-shortlist__tracks"));
    for (let t = first; t < first + db.program_tracks[p]; t++) {
      const facts = db.schedules[db.trackSchedule[t]];
      const zone = db.labels.zone[db.locationZone[loc]][1];
      times.appendChild(el("li", "", say("trackTimes", {
        track: db.trackNames[db.trackName[t]], times: sessionsText(facts.sessions), zone,
      })));
    }
  }
  const page = new URL(`../providers/${encodeURIComponent(entry.s)}/#program-${entry.n}`, location.href);
  item.appendChild(el("p", "iop-shortlist__page", say("listPage", { url: page.href })));
  item.appendChild(el("p", "iop-shortlist__notes iop-print-only", say("listNotes")));
  item.appendChild(removeButton(name, entry, onRemove));
  return item;
}

function goneItem(entry, onRemove) {
  const item = el("li", "iop-shortlist__item");
  item.appendChild(el("p", "", say("listGone")));
  item.appendChild(removeButton(entry.s, entry, onRemove));
  return item;
}

function removeButton(name, entry, onRemove) {
  const button = el("button", "md-button iop-shortlist__remove", say("listRemove"));
  button.type = "button";
  button.setAttribute("aria-label", say("listRemoveLabel", { name }));
  button.addEventListener("click", () => onRemove(entry));
  return button;
}
