/*
 * Matching: which programs a search finds, in which group and order. A program is found by
 * where it meets (in person within the distance, or entirely by video in the person's state),
 * by its program filters, and by its tracks: it fits when one of its tracks fits the person's
 * week (avail.js), nearly fits when one misses by at most NEAR_MISS minutes, and stands apart
 * when it has not listed its hours. No DOM here: tests/js/ run these functions on small indexes.
 */
import { NEAR_MISS, fits, measure } from "./avail.js";
import { miles } from "./geo.js";
import { asksHours } from "./query.js";

const PROGRAM_BITS = 2 ** 22; // sort keys: (what orders) * PROGRAM_BITS + program number
const FAR = 2 ** 24; // distance buckets (hundredths of a mile) at most this
const MISS_BITS = 2 ** 46; // near misses: minutes missed first, then distance

// Medication and intake options are "at least this": each value accepts these codes.
export const MAT_CHOICES = [
  ["offered", "matOffered", ["offered"]],
  ["coordinated", "matCoordinated", ["offered", "coordinated"]],
  ["accepted", "matAccepted", ["offered", "coordinated", "accepted"]],
];
export const OPEN_CHOICES = [
  ["yes", "openYes", ["yes"]],
  ["waitlist", "openWaitlist", ["yes", "waitlist"]],
];

function fold(text) {
  // Stryker disable next-line MethodExpression: both sides are folded alike, and upper case
  // folds like lower case for the letters of these names (it differs for ß, ligatures)
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Each program's searchable words (provider, program, city, state), made once. */
export function haystacks(db) {
  if (!db.text) {
    // Stryker disable next-line ArrayDeclaration: the length only saves the array growing
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
  // Without the has() test (a mutant), ok[undefined] = 1 sets no entry of a typed array.
  for (const code of codes) if (db.codes[kind].has(code)) ok[db.codes[kind].get(code)] = 1;
  return ok;
}

function choice(list, value) {
  const found = list.find(([code]) => code === value);
  // Stryker disable next-line ArrayDeclaration: codes no index has match nothing, like none
  return found ? found[2] : [];
}

/** The program tests the state asks for: each (program number) => true when it passes. */
function programTests(db, state) {
  const tests = [];
  const number = (kind, value) => (db.codes[kind].has(value) ? db.codes[kind].get(value) : -1);
  const is = (column, v) => (p) => column[p] === v;
  // bit 0 (a code no program has) matches nothing; `bit >= 0` would too: x / 0 is never odd.
  const has = (column, bit) => (p) => bit > 0 && Math.floor(column[p] / bit) % 2 === 1;
  // 0: the listing says not_listed (the source does not say): unknown, so it is kept.
  const hasOrUnknown = (column, bit) => (p) => column[p] === 0 || has(column, bit)(p);
  const among = (column, ok) => (p) => ok[column[p]] === 1;
  if (state.level) tests.push(is(db.program_level, number("level", state.level)));
  if (state.fmt) tests.push(is(db.program_format, number("format", state.fmt)));
  if (state.pop) tests.push(hasOrUnknown(db.program_pop, bitOf(number("pop", state.pop))));
  if (state.pay) tests.push(hasOrUnknown(db.program_pay, bitOf(number("pay", state.pay))));
  if (state.lang) tests.push(has(db.program_lang, bitOf(number("lang", state.lang))));
  if (state.mat) tests.push(among(db.program_mat, allowed(db, "mat", choice(MAT_CHOICES, state.mat))));
  if (state.open) tests.push(among(db.program_open, allowed(db, "open", choice(OPEN_CHOICES, state.open))));
  // An empty word is in every text: splitting on one space (/\s/) or keeping empty words
  // finds the same programs, and so does testing no words at all.
  // Stryker disable next-line MethodExpression: as above
  const words = fold(state.text).split(/\s+/).filter(Boolean);
  if (words.length) {
    const text = haystacks(db);
    tests.push((p) => words.every((w) => text[p].includes(w)));
  }
  return tests;
}

function bitOf(index) {
  // 2 ** -1 (a mutant) is 0.5, which no mask has either: floor(mask / 0.5) is even.
  return index < 0 ? 0 : 2 ** index;
}

/**
 * How each program can be reached from `place`: NEAR (meets in person within `limit` miles),
 * VIDEO (attended entirely by video, serving the place's state), else 0.
 */
const NEAR = 1, VIDEO = 2, ANYWHERE = 3;

function reach(db, place, limit, dist) {
  const out = new Uint8Array(db.G);
  const video = teleReach(db, place.state);
  const tele = db.codes.format.get("telehealth");
  // `p <= db.G` (a mutant) changes nothing here: a typed array drops a write past its end.
  for (let p = 0; p < db.G; p++) {
    if (db.program_format[p] === tele) out[p] = video[p] ? VIDEO : 0;
    else out[p] = dist[p] <= limit ? NEAR : 0; // NaN (no known point) is never near
  }
  return out;
}

/** Miles from `place` to each program's location (NaN when the location has no point). */
export function distances(db, place) {
  const key = `${place.lat},${place.lon}`;
  if (db.distKey !== key) {
    const out = new Float64Array(db.G);
    for (let p = 0; p < db.G; p++) { // `p <= db.G`: as in reach()
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
  for (let p = 0; p < db.G; p++) { // `p <= db.G`: as in reach()
    const listed = db.programTele[p];
    out[p] = listed ? listed.includes(s) : db.locationState[db.programLocation[p]] === s;
  }
  return out;
}

/** The groups of a search, in the order they are shown. */
export const GROUPS = ["near", "video", "fit", "close", "unlisted"];

/**
 * The programs a search finds, by group: `near` (in person, by distance) and `video` when a
 * place is known, else `fit`; then `close` (near misses, the smallest miss first) and
 * `unlisted` (hours not listed). Each group is an Ordered list of program numbers.
 */
export function search(db, state, place) {
  const result = searchOnly(db, state, place);
  if (result.total || state.fmt !== "telehealth") return result;
  // Nothing entirely by video: the programs partly by video are the next best answer.
  return { ...searchOnly(db, { ...state, fmt: "hybrid" }, place), videoInstead: true };
}

function searchOnly(db, state, place) {
  const tests = programTests(db, state);
  const asked = asksHours(state);
  const week = state.avail;
  const limit = state.miles === "any" ? Infinity : Number(state.miles);
  const dist = place ? distances(db, place) : null;
  const where = place ? reach(db, place, limit, dist) : null;
  const found = { near: [], video: [], fit: [], close: [], unlisted: [] };
  const missed = [];
  for (let p = 0; p < db.G; p++) {
    const r = where ? where[p] : ANYWHERE;
    if (!r || !tests.every((f) => f(p))) continue;
    const first = db.firstTrack[p], last = first + db.program_tracks[p];
    if (db.unlisted[first]) {
      if (!state.listed) found.unlisted.push(p);
      continue;
    }
    let ok = !asked, best = Infinity;
    for (let t = first; t < last && !ok; t++) {
      ok = fits(db.lived[t], week);
      // Measured when it fits too (a mutant), best is never read: the loop ends, p is a fit.
      if (!ok) best = Math.min(best, measure(db.lived[t], week).miss);
    }
    if (ok) found[r === NEAR ? "near" : r === VIDEO ? "video" : "fit"].push(p);
    else if (best <= NEAR_MISS) { found.close.push(p); missed.push(best); }
  }
  const byDistance = (list, extra = null) => {
    if (!dist) return extra ? list.map((p, i) => extra[i] * MISS_BITS + p) : null;
    return list.map((p, i) => (extra ? extra[i] * MISS_BITS : 0) +
      // No distance on Earth reaches FAR - 1 (167,772 miles): Math.min's bound is a guard.
      (dist[p] === dist[p] ? Math.min(Math.round(dist[p] * 100), FAR - 1) : FAR - 1) * PROGRAM_BITS + p);
  };
  const groups = {
    near: new Ordered(found.near, byDistance(found.near)),
    video: new Ordered(found.video, null),
    fit: new Ordered(found.fit, null),
    close: new Ordered(found.close, byDistance(found.close, missed)),
    unlisted: new Ordered(found.unlisted, byDistance(found.unlisted)),
  };
  const total = GROUPS.reduce((n, g) => n + groups[g].length, 0);
  return { groups, total, asked, place, dist };
}

/**
 * The tracks of program `p` a result card shows: those that fit the week (every listed track
 * when no hours were asked), or else those that nearly fit, each with how it misses.
 */
export function tracksFor(db, p, state) {
  const first = db.firstTrack[p], last = first + db.program_tracks[p];
  const asked = asksHours(state);
  const fitting = [], close = [];
  for (let t = first; t < last; t++) {
    if (db.unlisted[t]) continue;
    if (!asked || fits(db.lived[t], state.avail)) fitting.push({ t, miss: null });
    else {
      const miss = measure(db.lived[t], state.avail);
      if (miss.miss <= NEAR_MISS) close.push({ t, miss });
    }
  }
  return fitting.length ? fitting : close.sort((a, b) => a.miss.miss - b.miss.miss);
}

/**
 * Programs in result order. Without sort keys they are in order already (provider name, then
 * the listing's order); with keys, only the programs about to be drawn are put in order (the
 * rest waits for "Show more").
 */
class Ordered {
  constructor(found, keys) {
    this.found = found;
    this.keys = keys ? Float64Array.from(keys) : null;
    this.length = found.length;
    this.sorted = keys ? 0 : found.length;
  }

  slice(start, end) {
    if (end > this.sorted) this.sortTo(end);
    const out = [];
    for (let i = start; i < end; i++) out.push(this.keys ? this.keys[i] % PROGRAM_BITS : this.found[i]);
    return out;
  }

  sortTo(end) {
    const keys = this.keys;
    // Either branch puts the first `end` in order; this test only chooses the faster one.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: speed
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

/**
 * Reorder `keys` (all different) so that the first k are the k smallest: quickselect.
 * Equivalent mutants: `lo <= hi` (a range of one partitions to nothing, then returns),
 * `k - 1 < j` (when j is k - 1 the first k are already the smallest: it returns instead) and
 * `k + 1 >= i` or `true` in the else-if (only when the k-th is the pivot, between the two
 * parts: the first k are then in place, and partitioning what follows moves none of them).
 */
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
