/*
 * The finder's index (finder/index.json, written by generator/finder/finder_index.py, which
 * documents the format), decoded into typed columns, and the cached loading of data files.
 * No DOM here: the Node tests decode small indexes with these functions.
 */

const FORMAT_VERSION = 2;
const EVENING = 17 * 60; // an evening track: every session starts then or later
const WEEKEND = 0x60; // bits 5 and 6: Saturday, Sunday
const COORD_SCALE = 1000;

const loads = new Map(); // url -> Promise of decoded data, kept across instant navigation

/** Fetch `url` once and decode it; a failed load is forgotten so a later visit tries again. */
export function load(url, decode) {
  if (!loads.has(url)) {
    const promise = fetch(url, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: ${r.status}`))))
      .then(decode);
    promise.catch(() => loads.delete(url));
    loads.set(url, promise);
  }
  return loads.get(url);
}

/** A column of `count` numbers: a string of base-36 digits, or a list. */
export function column(values, count) {
  const out = new Float64Array(count);
  // `<=` in this loop and the next ones over typed arrays (mutants) changes nothing: a typed
  // array drops a write past its end, and the loops that read past it add nothing.
  for (let i = 0; i < count; i++) {
    out[i] = typeof values === "string" ? parseInt(values[i], 36) : values[i];
  }
  return out;
}

/** Running sums of delta-coded integers, divided by `scale`. */
export function undelta(values, scale) {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) out[i] = (sum += values[i]) / scale;
  return out;
}

/** The slug of a plain ASCII name, as finder_index.slug_of computes it. */
function slugOf(name) {
  // After the first replace no two dashes meet: /^-|-$/ (mutants) would do as well.
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** A provider's slug from its coded form (finder_index.code_slug). */
export function decodeSlug(coded, name, city) {
  if (coded === "") return slugOf(name);
  const guess = `${slugOf(name)}-${slugOf(city)}`;
  if (coded === "=") return guess;
  const at = coded.indexOf(":"); // never 0: code_slug writes K:rest with K >= 8
  return at < 0 ? coded : guess.slice(0, Number(coded.slice(0, at))) + coded.slice(at + 1);
}

export function decodeIndex(raw) {
  if (raw.v !== FORMAT_VERSION) throw new Error(`index format ${raw.v} is not ${FORMAT_VERSION}`);
  const db = { labels: raw.labels, schema: raw.schema || {}, schedules: raw.schedule.map(summarise) };
  decodeProviders(db, raw);
  decodeLocations(db, raw.location);
  decodeSlugs(db, raw.provider.slug);
  decodePrograms(db, raw.program);
  decodeTracks(db, raw.track);
  db.codes = {};
  for (const [kind, pairs] of Object.entries(raw.labels)) {
    db.codes[kind] = new Map(pairs.map(([code], i) => [code, i]));
  }
  return db;
}

function decodeProviders(db, raw) {
  const p = raw.provider;
  db.P = p.name.length;
  db.providerName = p.name;
  db.providerLocations = column(p.locations, db.P);
  db.providerPrograms = column(p.programs, db.P);
  db.providerPhone = p.phone;
  // 0 current, 1 out of date, 2 imported and not yet checked (finder_index.checked_code)
  db.providerChecked = p.checked ? column(p.checked, db.P) : new Float64Array(db.P);
}

function decodeSlugs(db, coded) {
  // Stryker disable next-line ArrayDeclaration: the length only saves the array growing
  db.providerSlug = new Array(db.P);
  for (let i = 0, loc = 0; i < db.P; loc += db.providerLocations[i], i++) {
    db.providerSlug[i] = decodeSlug(coded[i], db.providerName[i], db.cities[db.locationCity[loc]]);
  }
}

function decodeLocations(db, raw) {
  const count = raw.lat.length;
  db.cities = raw.cities;
  db.locationCity = column(raw.city, count);
  db.locationState = column(raw.state, count);
  db.locationZone = column(raw.zone, count);
  db.lat = undelta(raw.lat, COORD_SCALE);
  db.lon = undelta(raw.lon, COORD_SCALE);
  db.approx = column(raw.approx, count); // 1: the point is the ZIP code's centre
}

function decodePrograms(db, raw) {
  let G = 0;
  for (let i = 0; i < db.P; i++) G += db.providerPrograms[i];
  db.G = G;
  db.programNames = raw.names;
  for (const key of ["name", "level", "format", "pop", "pay", "lang", "mat", "open", "tracks"]) {
    db[`program_${key}`] = column(raw[key], G);
  }
  const within = column(raw.location, G);
  db.programProvider = new Int32Array(G);
  db.programNumber = new Int32Array(G); // 1-based, as in the provider page's #program-N
  db.programLocation = new Int32Array(G);
  for (let prov = 0, p = 0, firstLocation = 0; prov < db.P; prov++) {
    for (let n = 1; n <= db.providerPrograms[prov]; n++, p++) {
      db.programProvider[p] = prov;
      db.programNumber[p] = n;
      db.programLocation[p] = firstLocation + within[p];
    }
    firstLocation += db.providerLocations[prov];
  }
  db.programTele = decodeTele(raw.tele, G);
}

function decodeTele(flat, G) {
  // Without a length (a mutant) the list has no entries: undefined where null is kept, and
  // both mean "no states listed". Reading one past the end makes p NaN and stops the loop.
  // Stryker disable next-line ArrayDeclaration: as above
  const out = new Array(G).fill(null);
  for (let i = 0, p = 0; i < flat.length; i += 2 + flat[i + 1]) {
    p += flat[i];
    out[p] = flat.slice(i + 2, i + 2 + flat[i + 1]);
  }
  return out;
}

function decodeTracks(db, raw) {
  let T = 0;
  for (let p = 0; p < db.G; p++) T += db.program_tracks[p];
  db.T = T;
  db.trackNames = raw.names;
  db.trackName = column(raw.name, T);
  db.trackSchedule = column(raw.schedule, T);
  db.trackProgram = new Int32Array(T);
  db.trackNumber = new Int32Array(T); // 1-based, as in the provider page's #program-N-track-M
  db.firstTrack = new Int32Array(db.G);
  for (let p = 0, t = 0; p < db.G; p++) {
    db.firstTrack[p] = t;
    for (let k = 0; k < db.program_tracks[p]; k++, t++) {
      db.trackProgram[t] = p;
      db.trackNumber[t] = k + 1;
    }
  }
  // A program whose schedule is not listed has one track with no sessions.
  db.unlisted = new Uint8Array(T);
  for (let t = 0; t < T; t++) db.unlisted[t] = db.schedules[db.trackSchedule[t]].sessions.length ? 0 : 1;
  db.anyUnlisted = db.unlisted.includes(1);
  db.anyListed = db.unlisted.includes(0);
}

function summarise(flat) {
  const sessions = [];
  for (let i = 0; i < flat.length; i += 3) sessions.push([flat[i], flat[i + 1], flat[i + 2]]);
  return scheduleFacts(sessions);
}

/**
 * The facts of [day mask, start, end] sessions: days, earliest start, latest end, weekly
 * minutes, and the badges, which describe the whole track as the model does
 * (generator/model/records.py): evening when every session starts at 17:00 or later, weekend
 * when every session is on Saturday or Sunday.
 */
export function scheduleFacts(sessions) {
  let days = 0, lo = Infinity, hi = -Infinity, minutes = 0;
  let evening = sessions.length > 0, weekend = sessions.length > 0;
  for (const [mask, start, end] of sessions) {
    days |= mask;
    lo = Math.min(lo, start);
    hi = Math.max(hi, end);
    if (start < EVENING) evening = false;
    if (mask & ~WEEKEND) weekend = false;
    minutes += Math.max(end - start, 0) * bitCount(mask);
  }
  return { sessions, days, lo, hi, evening, weekend, minutes };
}

function bitCount(mask) {
  let n = 0;
  for (; mask; mask &= mask - 1) n++;
  return n;
}
