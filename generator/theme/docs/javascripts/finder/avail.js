/*
 * When a person is free: a window per day of the week, and whether a track's sessions fit it.
 * No DOM here (tests/js/avail.test.js).
 *
 * A week is an array of seven entries, Monday first: null when the person cannot attend that
 * day, else [from, to] in minutes after midnight, where from is null for "from the start of the
 * day" and to null for "until the end of the day". A week with no day at all asks nothing:
 * every track fits it.
 *
 * In a link (docs/linking.md) a week is written `avail=mon-fri@17:00-22:00,sat-sun`: items
 * separated by commas, each a day (`mon`) or a range of days (`mon-fri`), with an optional
 * window `@HH:MM-HH:MM`, either end of which may be left out (`@17:00-`, `@-13:00`); no window
 * means the whole day. A later item for the same day replaces an earlier one.
 */

export const DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export const NEAR_MISS = 60; // minutes: a track this close to fitting is listed as a near miss
const DAY = 24 * 60;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// The quick choices of the form: the days they fill in, and the window of each.
const PRESETS = {
  "nine-to-five": [[0, 4, [17 * 60 + 30, null]], [5, 6, [null, null]]],
  evenings: [[0, 4, [17 * 60, null]]],
  weekends: [[5, 6, [null, null]]],
  mornings: [[0, 6, [null, 13 * 60]]],
  afternoons: [[0, 4, [15 * 60, 18 * 60]]], // after school: weekdays 3 to 6 PM
};

export function emptyWeek() {
  return [null, null, null, null, null, null, null];
}

export function isOpen(week) {
  return week.every((day) => day === null);
}

/** The week with a quick choice filled in over it (other days stay as they are). */
export function applyPreset(week, name) {
  const out = week.slice();
  for (const [first, last, window] of PRESETS[name] || []) {
    for (let d = first; d <= last; d++) out[d] = window.slice();
  }
  return out;
}

/** "17:30" -> 1050; "24:00" -> 1440 (as an end only); anything else -> undefined. */
function parseTime(text, end) {
  if (text === "") return null;
  if (end && text === "24:00") return DAY;
  const found = TIME.exec(text);
  return found ? Number(found[1]) * 60 + Number(found[2]) : undefined;
}

function writeTime(minutes) {
  if (minutes === null) return "";
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function parseDays(text) {
  const [first, last = first, extra] = text.split("-");
  const a = DAY_CODES.indexOf(first), b = DAY_CODES.indexOf(last);
  if (a < 0 || b < 0 || extra !== undefined) return [];
  const days = [];
  for (let d = a; ; d = (d + 1) % 7) { // a range may wrap round the week: fri-mon
    days.push(d);
    if (d === b) return days;
  }
}

/** A week from a link's `avail=` value; items that mean nothing are left out. */
export function parseWeek(text) {
  const week = emptyWeek();
  // Any text in place of "" (a mutant) is read the same: an item that names no day.
  for (const item of (text || "").toLowerCase().split(",")) {
    const [dayText, windowText, extra] = item.trim().split("@");
    if (extra !== undefined) continue;
    const window = parseWindow(windowText);
    if (!window) continue;
    for (const d of parseDays(dayText)) week[d] = window.slice();
  }
  return week;
}

function parseWindow(text) {
  if (text === undefined) return [null, null];
  const parts = text.split("-");
  if (parts.length !== 2) return null;
  const from = parseTime(parts[0], false), to = parseTime(parts[1], true);
  if (from === undefined || to === undefined) return null;
  if (to !== null && (from ?? 0) >= to) return null; // empty, "@-00:00" too
  return [from, to];
}

/** The week as an `avail=` value: consecutive days with the same window become a range. */
export function formatWeek(week) {
  const items = [];
  for (let d = 0; d < 7; d++) {
    if (week[d] === null) continue;
    let e = d;
    while (e + 1 < 7 && sameWindow(week[e + 1], week[d])) e++;
    const days = e === d ? DAY_CODES[d] : `${DAY_CODES[d]}-${DAY_CODES[e]}`;
    const [from, to] = week[d];
    items.push(from === null && to === null ? days : `${days}@${writeTime(from)}-${writeTime(to)}`);
    d = e;
  }
  return items.join(",");
}

function sameWindow(a, b) {
  // b is the window of a day that has one: `b !== null` made true (a mutant) changes nothing.
  return a !== null && b !== null && a[0] === b[0] && a[1] === b[1];
}

/**
 * How a track's sessions ([day bitmask, start, end], bit 0 Monday) meet the week. A track fits
 * when every session, on each of its days, starts no earlier than that day's window opens and
 * ends no later than it closes. Returns 0 when it fits; else the minutes by which it misses at
 * worst, with that session's day and whether it starts too early or ends too late
 * ({ miss, day, early }); a session on a day the person cannot attend misses by Infinity.
 */
export function measure(sessions, week) {
  // day and early are read only once a miss has set them.
  // Stryker disable next-line UnaryOperator,BooleanLiteral: as above
  let worst = 0, day = -1, early = false;
  for (const [mask, start, end] of sessions) {
    // `d <= 7` (a mutant) changes nothing here or in fits(): a day mask has no bit 7.
    for (let d = 0; d < 7; d++) {
      if (!(mask & (1 << d))) continue;
      const window = week[d];
      if (window === null) return { miss: Infinity, day: d, early: false };
      // null - start (a mutant) is never a miss either: it is below 0.
      const before = window[0] === null ? 0 : window[0] - start;
      const after = window[1] === null ? 0 : end - window[1];
      if (before > worst) { worst = before; day = d; early = true; }
      if (after > worst) { worst = after; day = d; early = false; }
    }
  }
  return worst > 0 ? { miss: worst, day, early } : 0;
}

/** True when every session fits the week (the fast path of `measure`). */
export function fits(sessions, week) {
  for (const [mask, start, end] of sessions) {
    for (let d = 0; d < 7; d++) {
      if (!(mask & (1 << d))) continue;
      const window = week[d];
      if (window === null) return false;
      // start < null (`window[0] !== null` made true, a mutant) is false, as it should be.
      if (window[0] !== null && start < window[0]) return false;
      if (window[1] !== null && end > window[1]) return false;
    }
  }
  return true;
}
