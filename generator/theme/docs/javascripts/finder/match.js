/*
 * Matching: which tracks fit the search, in result order, and how many programs they come from.
 * No DOM here: the Node tests run these functions on small indexes.
 */
import { miles } from "./geo.js";
import { DAYS, minutesOf } from "./query.js";

const WEEKEND = 0x60; // bits 5 and 6: Saturday, Sunday
const TRACK_BITS = 2 ** 22; // sort keys: (distance bucket) * TRACK_BITS + track number
const FAR = 2 ** 24;
const LATER = 2 ** 48; // sort key offset: schedules not listed come after those that fit

// Medication and intake options are "at least this": each value accepts these codes.
export const MAT_CHOICES = [
  ["offered", "Offered by the program", ["offered"]],
  ["coordinated", "Offered or arranged with a prescriber", ["offered", "coordinated"]],
  ["accepted", "Welcome if I already take it", ["offered", "coordinated", "accepted"]],
];
export const OPEN_CHOICES = [
  ["yes", "Yes", ["yes"]],
  ["waitlist", "Yes, or a waiting list", ["yes", "waitlist"]],
];

export function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Each program's searchable words (provider, program, city, state), made once. */
export function haystacks(db) {
  if (!db.text) {
    db.text = new Array(db.G);
    for (let p = 0; p < db.G; p++) {
      const loc = db.programLocation[p];
      db.text[p] = fold(`${db.providerName[db.programProvider[p]]} ${db.programNames[db.program_name[p]]} ` +
        `${db.cities[db.locationCity[loc]]} ${db.labels.state[db.locationState[loc]][0]}`);
    }
  }
  return db.text;
}

function allowed(db, kind, codes) {
  const ok = new Uint8Array(db.labels[kind].length);
  for (const code of codes) if (db.codes[kind].has(code)) ok[db.codes[kind].get(code)] = 1;
  return ok;
}

function choice(list, value) {
  const found = list.find(([code]) => code === value);
  return found ? found[2] : [];
}

/** The program tests the state asks for: each (program number) => true when it passes. */
function programTests(db, state) {
  const tests = [];
  const number = (kind, value) => (db.codes[kind].has(value) ? db.codes[kind].get(value) : -1);
  const is = (column, v) => (p) => column[p] === v;
  const has = (column, bit) => (p) => bit > 0 && Math.floor(column[p] / bit) % 2 === 1;
  const among = (column, ok) => (p) => ok[column[p]] === 1;
  if (state.level) tests.push(is(db.program_level, number("level", state.level)));
  if (state.fmt) tests.push(is(db.program_format, number("format", state.fmt)));
  if (state.pop) tests.push(has(db.program_pop, bitOf(number("pop", state.pop))));
  if (state.pay) tests.push(has(db.program_pay, bitOf(number("pay", state.pay))));
  if (state.lang) tests.push(has(db.program_lang, bitOf(number("lang", state.lang))));
  if (state.mat) tests.push(among(db.program_mat, allowed(db, "mat", choice(MAT_CHOICES, state.mat))));
  if (state.open) tests.push(among(db.program_open, allowed(db, "open", choice(OPEN_CHOICES, state.open))));
  const words = fold(state.q).split(/\s+/).filter(Boolean);
  if (words.length) {
    const text = haystacks(db);
    tests.push((p) => words.every((w) => text[p].includes(w)));
  }
  return tests;
}

function bitOf(index) {
  return index < 0 ? 0 : 2 ** index;
}

/** How each program can be reached from `place`: 0 not, 1 near (by distance), 2 by video, 3 other. */
function reach(db, place, limit) {
  const G = db.G, out = new Uint8Array(G);
  const dist = distances(db, place);
  const video = teleReach(db, place.state);
  const inPerson = db.codes.format.get("in_person"), tele = db.codes.format.get("telehealth");
  for (let p = 0; p < G; p++) {
    const d = dist[p], f = db.program_format[p];
    const near = f !== tele && d === d && (!limit || d <= limit);
    if (near) out[p] = 1;
    else if (f !== inPerson && video[p]) out[p] = 2;
    else if (!limit) out[p] = 3;
  }
  return { reach: out, dist };
}

function distances(db, place) {
  const key = `${place.lat},${place.lon}`;
  if (db.distKey !== key) {
    const out = new Float64Array(db.G);
    for (let p = 0; p < db.G; p++) {
      const loc = db.programLocation[p];
      const unknown = db.lat[loc] === 0 && db.lon[loc] === 0;
      out[p] = unknown ? NaN : miles(place.lat, place.lon, db.lat[loc], db.lon[loc]);
    }
    db.dist = out;
    db.distKey = key;
  }
  return db.dist;
}

function teleReach(db, stateCode) {
  const s = db.codes.state.has(stateCode) ? db.codes.state.get(stateCode) : -1;
  const out = new Uint8Array(db.G);
  for (let p = 0; p < db.G; p++) {
    const listed = db.programTele[p];
    out[p] = listed ? listed.includes(s) : db.locationState[db.programLocation[p]] === s;
  }
  return out;
}

/** The matching tracks in result order, and how many programs they come from. */
export function search(db, state, place) {
  const tests = programTests(db, state);
  const limit = Number(state.miles) || 0;
  const where = place ? reach(db, place, limit) : null;
  const days = state.days.reduce((m, d) => m | (1 << DAYS.indexOf(d)), 0);
  const from = minutesOf(state.from), to = minutesOf(state.to);
  const quick = (state.eve ? 1 : 0) | (state.wknd ? 2 : 0);
  const asked = days || from !== null || to !== null || quick; // a schedule was asked for
  const programOk = new Int8Array(db.G).fill(-1); // -1 not tested yet, 0 fails, 1 passes
  const found = [], unlisted = [];
  let programs = 0, lastProgram = -1, unknown = 0;
  for (let t = 0; t < db.T; t++) {
    const p = db.trackProgram[t];
    if (programOk[p] < 0) programOk[p] = (!where || where.reach[p] > 0) && tests.every((f) => f(p)) ? 1 : 0;
    if (!programOk[p]) continue;
    if (db.unlisted[t]) {
      // Its times are unknown, so it may fit: shown with "call to ask", unless left out.
      if (state.listed) continue;
      (asked ? unlisted : found).push(t);
      unknown++;
      continue;
    }
    if (days && (db.days[t] & ~days) !== 0) continue;
    if (from !== null && db.lo[t] < from) continue;
    if (to !== null && db.hi[t] > to) continue;
    if (quick && !((quick & 1 && db.evening[t]) || (quick & 2 && db.days[t] & WEEKEND))) continue;
    found.push(t);
    if (p !== lastProgram) { programs++; lastProgram = p; }
  }
  for (const t of unlisted) found.push(t);
  const keys = where ? distanceKeys(db, found, where, asked) : null;
  return { tracks: new Ordered(found, keys), programs, unknown, where };
}

/** Sort keys: nearby tracks by distance, then telehealth in the person's state, then the rest. */
function distanceKeys(db, found, where, asked) {
  const keys = new Float64Array(found.length);
  for (let i = 0; i < found.length; i++) {
    const t = found[i], p = db.trackProgram[t], r = where.reach[p];
    const bucket = r === 1 ? Math.min(Math.round(where.dist[p] * 100), FAR - 1) : FAR + r;
    const later = asked && db.unlisted[t] ? LATER : 0;
    keys[i] = later + bucket * TRACK_BITS + t; // ties keep the default order (name, program, track)
  }
  return keys;
}

/**
 * Matching tracks in result order. Without sort keys they are in order already; with keys,
 * only the tracks about to be drawn are put in order (the rest waits for "Show more").
 */
export class Ordered {
  constructor(found, keys) {
    this.found = found;
    this.keys = keys;
    this.length = found.length;
    this.sorted = keys ? 0 : found.length;
  }

  slice(start, end) {
    if (end > this.sorted) this.sortTo(end);
    const out = [];
    for (let i = start; i < end; i++) out.push(this.keys ? this.keys[i] % TRACK_BITS : this.found[i]);
    return out;
  }

  sortTo(end) {
    const keys = this.keys;
    if (this.sorted === 0 && end * 8 < keys.length) {
      selectSmallest(keys, end);
      keys.subarray(0, end).sort();
      this.sorted = end;
    } else {
      keys.subarray(this.sorted).sort(); // everything here sorts after what is drawn
      this.sorted = keys.length;
    }
  }
}

/** Reorder `keys` (all different) so that the first k are the k smallest: quickselect. */
function selectSmallest(keys, k) {
  let lo = 0, hi = keys.length - 1;
  while (lo < hi) {
    const pivot = keys[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) { const x = keys[i]; keys[i] = keys[j]; keys[j] = x; i++; j--; }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
