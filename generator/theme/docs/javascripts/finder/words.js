/* Times, days, hours, distances and lists in words, from the templates of messages.js. No DOM. */
import { DAY_CODES } from "./avail.js";
import { MESSAGES, say } from "./messages.js";

const DAY_MINUTES = 24 * 60;

/** Minutes after midnight as "6:30 PM" (wrapping past midnight). */
export function clock(total) {
  const m = ((total % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const h = Math.floor(m / 60);
  const values = { h: h % 12 || 12, mm: String(m % 60).padStart(2, "0") };
  return say(h < 12 ? "clockAm" : "clockPm", values);
}

export function hhmm(total) {
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** 0b0010111 -> "Mon to Wed, Fri": runs of three or more days shortened. */
export function dayText(mask) {
  // A day mask has no bit 7: `i <= 7`, and `j + 1 <= 7`, `j - 1 < 7` or true in the run's
  // test (mutants) all stop at the same day.
  const short = MESSAGES.dayShort, parts = [];
  for (let i = 0; i < 7; i++) {
    if (!(mask & (1 << i))) continue;
    let j = i;
    while (j + 1 < 7 && mask & (1 << (j + 1))) j++;
    if (j - i >= 2) parts.push(say("dayRange", { first: short[i], last: short[j] }));
    else for (let k = i; k <= j; k++) parts.push(short[k]);
    i = j;
  }
  return parts.join(MESSAGES.listJoin);
}

export function sessionsText(sessions) {
  return sessions.map(([mask, start, end]) => say("session", {
    days: dayText(mask), start: clock(start), end: clock(end),
  })).join(MESSAGES.sessionJoin);
}

export function hoursText(minutes) {
  return say("hours", { n: Math.round(minutes / 60 * 100) / 100 });
}

/** 30 -> "30 minutes", 60 -> "1 hour", 90 -> "1 hour 30 minutes". */
export function durationText(minutes) {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  if (!h) return say("minutes", { n: m });
  if (!m) return say("hours", { n: h });
  return say("hourAndMinutes", { hours: say("hours", { n: h }), minutes: say("minutes", { n: m }) });
}

/** The week in a few words: "Mon to Fri from 5:30 PM; Sat, Sun all day". */
export function weekText(week) {
  const items = [];
  for (let d = 0; d < 7; d++) {
    const window = week[d];
    if (window === null) continue;
    let mask = 1 << d;
    // From d - 1 or to e <= 7 (mutants): an earlier day of the same window has taken d into
    // its item already (skipped below), and week[7] is undefined.
    for (let e = d + 1; e < 7; e++) {
      if (week[e] && week[e][0] === window[0] && week[e][1] === window[1]) mask |= 1 << e;
    }
    if (items.some(([seen]) => seen & mask)) continue;
    items.push([mask, windowText(window)]);
  }
  if (!items.length) return say("weekAny");
  return items.map(([mask, text]) => say("weekItem", { days: dayText(mask), window: text }))
    .join(MESSAGES.weekJoin);
}

function windowText([from, to]) {
  if (from === null && to === null) return say("windowAll");
  if (to === null) return say("windowFrom", { start: clock(from) });
  if (from === null) return say("windowUntil", { end: clock(to) });
  return say("windowBetween", { start: clock(from), end: clock(to) });
}

export function dayCodes(mask) {
  return DAY_CODES.filter((_, i) => mask & (1 << i)).join(",");
}

export function milesText(n) {
  return say("miles", { n });
}

/** How far a program is: "2.4 miles away", or "about 3 miles, by ZIP code" when the program's
 * point is only its ZIP code's centre (a tenth of a mile would claim a precision it lacks). */
export function distanceText(d, approx) {
  if (approx) {
    return d < 1 ? say("distanceTinyApprox") : say("distanceApprox", { miles: milesText(Math.round(d)) });
  }
  if (d < 0.1) return say("distanceTiny");
  // At exactly 10 (`d <= 10`, a mutant) both give 10.
  return say("distance", { miles: milesText(d < 10 ? Number(d.toFixed(1)) : Math.round(d)) });
}

export function stateNames(db, numbers) {
  const names = numbers.map((s) => db.labels.state[s][1]);
  if (names.length <= 4) return names.join(MESSAGES.listJoin);
  return say("moreStates", { list: names.slice(0, 4).join(MESSAGES.listJoin), n: names.length - 4 });
}

/** The tel: address of a phone number as listings write it (as generator/model/links.py). */
export function telHref(phone) {
  // Any default text (a mutant) is no digits, as "" is.
  const [number, extension = ""] = phone.split(" ext. ");
  let digits = number.replace(/[^0-9+]/g, "");
  if (!digits.startsWith("+")) digits = digits.length === 10 ? `+1${digits}` : digits;
  const ext = extension.replace(/[^0-9+]/g, "").replace(/^\++/, "");
  return `tel:${digits}${ext ? `;ext=${ext}` : ""}`;
}
