/*
 * The search in the page address, in the link format partners use (docs/linking.md):
 *
 *   ?zip=60614&miles=10&avail=mon-fri@17:00-22:00,sat-sun&listed=1&pay=medicaid&lang=es&text=oak
 *
 * None of these names is `q`, which Material's site search reads. Older links (days=, from=,
 * to=, eve=, wknd=) still open the same kind of search, written in the new format. No DOM here.
 */
import { DAY_CODES, emptyWeek, formatWeek, isOpen, parseWeek } from "./avail.js";

export const SELECTS = ["level", "pay", "lang", "fmt", "pop", "mat", "open"];
const MILES = ["5", "10", "25", "50", "100", "any"];
const NAMES = ["zip", "miles", "avail", "listed", ...SELECTS, "text"];
const LEGACY = ["days", "from", "to", "eve", "wknd"];
const IGNORED = ["q", "fits"]; // Material's site search; a provider page's marked tracks
export const DEFAULT_MILES = "25"; // once a ZIP code is given
const LIMIT = { text: 100, select: 40 };

export function emptyState() {
  const state = { zip: "", miles: DEFAULT_MILES, avail: emptyWeek(), listed: false, text: "" };
  for (const key of SELECTS) state[key] = "";
  return state;
}

/** The state as a query string: only what differs from the empty search, in a fixed order. */
export function toQuery(state) {
  const parts = [];
  const add = (key, value) => {
    if (value) parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%40/g, "@")}`);
  };
  add("zip", state.zip);
  if (state.zip && state.miles !== DEFAULT_MILES) add("miles", state.miles);
  add("avail", formatWeek(state.avail));
  add("listed", state.listed ? "1" : "");
  for (const key of SELECTS) add(key, state[key]);
  add("text", state.text);
  return parts.length ? `?${parts.join("&")}` : "";
}

export function fromQuery(search) {
  return readLink(search).state;
}

/**
 * A link's search, and what the finder could not use as written, for the page to say:
 * `notes` is a list of {key, value, used}: `key` a parameter name, `value` as the link gave it,
 * `used` what the search uses instead ("" when the part is left out). Values are read
 * whatever their case; a distance that is not a choice becomes the next larger one; a ZIP
 * code of four digits (as spreadsheets keep 01001) gets its leading zero back. Whether a
 * select's code exists is for the page to check (the index knows the codes).
 */
export function readLink(search) {
  const params = new URLSearchParams(search);
  const get = (key) => (params.get(key) || "").trim();
  const lower = (key) => get(key).toLowerCase();
  const state = emptyState(), notes = [];
  const note = (key, used = "") => notes.push({ key, value: get(key), used });
  readZip(state, get("zip"), note);
  if (params.has("miles")) {
    state.miles = nearestMiles(lower("miles"));
    if (state.miles !== lower("miles")) note("miles", state.miles);
  }
  state.avail = params.has("avail") ? readWeek(get("avail"), note) : legacyWeek(get);
  state.listed = ["1", "true", "yes"].includes(lower("listed"));
  if (params.has("listed") && !state.listed && !["", "0", "false", "no"].includes(lower("listed"))) note("listed");
  for (const key of SELECTS) state[key] = lower(key).slice(0, LIMIT.select);
  state.text = get("text").slice(0, LIMIT.text);
  for (const key of new Set(params.keys())) {
    if (![...NAMES, ...LEGACY, ...IGNORED].includes(key)) notes.push({ key, value: params.get(key), used: "" });
  }
  return { state, notes };
}

function readZip(state, text, note) {
  const digits = text.replace(/\D/g, "");
  if (!text) return;
  if (/^\d{4}$/.test(digits)) {
    state.zip = `0${digits}`;
    note("zip", state.zip);
  } else if (digits.length === 5 || digits.length === 9) { // ZIP or ZIP+4
    // Taken for any other length (a mutant), this branch notes it too: text that is not five
    // or nine digits never matches the pattern below.
    state.zip = digits.slice(0, 5);
    if (!/^\d{5}(-?\d{4})?$/.test(text)) note("zip", state.zip);
  } else {
    state.zip = digits.slice(0, 5);
    note("zip", state.zip);
  }
}

/** A distance as the choice that covers it: 15 -> 25, 200 -> any; nonsense -> the default. */
function nearestMiles(text) {
  if (MILES.includes(text)) return text;
  const n = Number(text);
  if (!text || !Number.isFinite(n) || n < 0) return DEFAULT_MILES;
  return MILES.find((m) => m === "any" || Number(m) >= n);
}

function readWeek(text, note) {
  const bad = text.split(",").filter((item) => item.trim() && isOpen(parseWeek(item)));
  if (bad.length) note("avail", formatWeek(parseWeek(text)));
  return parseWeek(text);
}

/**
 * The first finder's links: days=mon,tue (the days a person can attend), from= and to= (one
 * window for all of them), eve=1 (a session from 5 PM) and wknd=1 (on Saturday or Sunday), all
 * of them together, with eve and wknd together meaning either. Read as the nearest week.
 */
function legacyWeek(get) {
  const time = (key) => {
    const found = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(get(key));
    return found ? Number(found[1]) * 60 + Number(found[2]) : null;
  };
  const days = get("days").split(",").filter((d) => DAY_CODES.includes(d));
  const from = time("from"), to = time("to");
  const eve = get("eve") === "1", wknd = get("wknd") === "1";
  const week = emptyWeek();
  if (!days.length && from === null && to === null && !eve && !wknd) return week;
  for (let d = 0; d < 7; d++) {
    if (days.length && !days.includes(DAY_CODES[d])) continue;
    if (!eve && !wknd) week[d] = [from, to];
    else if (wknd && d >= 5) week[d] = [from, to];
    else if (eve) week[d] = [Math.max(from ?? 0, 17 * 60), to];
  }
  return week;
}

export function isEmpty(state) {
  return toQuery(state) === "";
}

/** Whether the search asks about hours at all. */
export function asksHours(state) {
  return !isOpen(state.avail);
}
