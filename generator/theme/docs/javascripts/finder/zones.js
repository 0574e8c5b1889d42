/*
 * Time zones: each track's sessions as the person lives them. Listings give local times; a
 * program attended entirely by video from another time zone is also shown in the person's own
 * time, and a session whose start crosses midnight moves to the day before or after.
 */
import { scheduleFacts } from "./data.js";

const ALL_DAYS = 0x7f;
const DAY_MINUTES = 24 * 60;

/** The browser's IANA time zone, or "" when it does not say. */
export function userZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    return "";
  }
}

/** Minutes the zone is ahead of UTC at `date` (-300 for New York in winter). */
const formats = new Map(); // zone -> Intl.DateTimeFormat: making one is slow

export function zoneOffset(zone, date) {
  // Made every time (a mutant), the offsets are the same, only slower.
  if (!formats.has(zone)) {
    formats.set(zone, new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric",
    }));
  }
  const parts = formats.get(zone).formatToParts(date);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((local - Math.floor(date.getTime() / 60000) * 60000) / 60000);
}

/** A day bitmask (bit 0 Monday) moved `by` days, wrapping round the week. */
export function rotate(mask, by) {
  const k = ((by % 7) + 7) % 7;
  return ((mask << k) | (mask >> (7 - k))) & ALL_DAYS;
}

/** Sessions moved by `delta` minutes: a start that crosses midnight moves its days too. */
export function shiftSessions(sessions, delta) {
  return sessions.map(([mask, start, end]) => {
    const moved = start + delta;
    const days = Math.floor(moved / DAY_MINUTES);
    const begin = moved - days * DAY_MINUTES;
    return [rotate(mask, days), begin, begin + (end - start)];
  });
}

function safeOffset(zone, date, fallback = 0) {
  try {
    return zoneOffset(zone, date);
    // Without this return (a mutant), a zone no browser knows gives a NaN delta, which moves
    // nothing, like 0; the person's zone is the browser's own (userZone), never unknown to it.
    // Stryker disable next-line BlockStatement: as above
  } catch (e) {
    return fallback;
  }
}

/**
 * Each track's sessions as the person lives them (db.lived): local times for programs that
 * meet in person (in_person and hybrid: the person goes there), the person's own time for
 * programs attended entirely by video (telehealth) in another time zone, with the offsets of
 * `now` (daylight saving time included). db.shifted holds the facts of moved schedules only.
 */
export function localise(db, zone, now = new Date()) {
  if (db.zone === zone) return; // done again (a mutant), the same result, only slower
  const mine = zone ? safeOffset(zone, now) : null;
  const deltas = db.labels.zone.map(([z]) => (mine === null ? 0 : mine - safeOffset(z, now, mine)));
  const video = db.codes.format.get("telehealth");
  // Stryker disable next-line ArrayDeclaration: the length only saves the array growing
  db.lived = new Array(db.T);
  db.shifted = new Array(db.T).fill(null);
  const cache = new Map();
  for (let t = 0; t < db.T; t++) {
    const p = db.trackProgram[t];
    const delta = db.program_format[p] === video ? deltas[db.locationZone[db.programLocation[p]]] : 0;
    const facts = db.schedules[db.trackSchedule[t]];
    if (delta && !db.unlisted[t]) {
      // One key per schedule and delta: a delta is a multiple of 15 minutes under a day, so
      // `- delta` or `/ 10000` (mutants) give two pairs one key only past 150,000 schedules;
      // making the facts again for each track (`!cache.has` made true) changes nothing.
      // Stryker disable next-line ArithmeticOperator: as above
      const key = db.trackSchedule[t] * 10000 + delta;
      if (!cache.has(key)) cache.set(key, scheduleFacts(shiftSessions(facts.sessions, delta)));
      db.shifted[t] = cache.get(key);
    }
    db.lived[t] = (db.shifted[t] || facts).sessions;
  }
  db.zone = zone;
}
