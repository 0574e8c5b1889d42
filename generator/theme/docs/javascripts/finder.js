/*
 * The program finder on /finder/: a private search over every program track, in the browser.
 *
 * It reads finder/index.json (built by generator/finder/finder_index.py, which documents the format)
 * and, only once a ZIP code is typed, finder/zips.json. Nothing typed is sent anywhere. The
 * filters live in the query string (?days=mon,tue&from=17:30&pay=medicaid&zip=97201&miles=25).
 * Listing text reaches the page through textContent only, never as HTML.
 *
 * Vanilla ES2020, no libraries. It starts through Material's document$ (instant navigation) or
 * on DOMContentLoaded, and only where the finder is on the page.
 */
(() => {
  "use strict";

  if (window.__iopFinder) return; // loaded twice: the first copy is in charge

  const FORMAT_VERSION = 1;
  const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const ALL_DAYS = 0x7f;
  const WEEKEND = 0x60; // bits 5 and 6: Saturday, Sunday
  const EVENING = 17 * 60;
  const DAY_MINUTES = 24 * 60;
  const PAGE = 50; // results drawn at once; the count always says how many match
  const TYPING_DELAY = 150;
  const COORD_SCALE = 1000;
  const ZIP_SCALE = 100;
  const MILES = ["5", "10", "25", "50", "100"];
  const TRACK_BITS = 2 ** 22; // sort keys: (distance bucket) * TRACK_BITS + track number
  const FAR = 2 ** 24;
  const SELECTS = ["level", "pay", "lang", "fmt", "pop", "mat", "open"];
  const KEYS = ["days", "from", "to", "eve", "wknd", "listed", ...SELECTS, "q", "zip", "miles"];
  const LATER = 2 ** 48; // sort key offset: schedules not listed come after those that fit
  // Medication and intake options are "at least this": each value accepts these codes.
  const MAT_CHOICES = [
    ["offered", "Offered by the program", ["offered"]],
    ["coordinated", "Offered or arranged with a prescriber", ["offered", "coordinated"]],
    ["accepted", "Welcome if I already take it", ["offered", "coordinated", "accepted"]],
  ];
  const OPEN_CHOICES = [
    ["yes", "Yes", ["yes"]],
    ["waitlist", "Yes, or a waiting list", ["yes", "waitlist"]],
  ];

  const loads = new Map(); // url -> Promise of decoded data, kept across instant navigation
  let current = null; // the finder on the page now

  // Loading ------------------------------------------------------------------------------

  function load(url, decode) {
    if (!loads.has(url)) {
      const promise = fetch(url, { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: ${r.status}`))))
        .then(decode);
      promise.catch(() => loads.delete(url)); // let a later visit try again
      loads.set(url, promise);
    }
    return loads.get(url);
  }

  function column(values, count) {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      out[i] = typeof values === "string" ? parseInt(values[i], 36) : values[i];
    }
    return out;
  }

  function undelta(values, scale) {
    const out = new Float64Array(values.length);
    let sum = 0;
    for (let i = 0; i < values.length; i++) out[i] = (sum += values[i]) / scale;
    return out;
  }

  function slugOf(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function decodeIndex(raw) {
    if (raw.v !== FORMAT_VERSION) throw new Error(`index format ${raw.v} is not ${FORMAT_VERSION}`);
    const db = { labels: raw.labels, schedules: raw.schedule.map(summarise) };
    decodeProviders(db, raw);
    decodeLocations(db, raw.location);
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
    db.providerSlug = p.slug.map((slug, i) => slug || slugOf(p.name[i]));
    db.providerLocations = column(p.locations, db.P);
    db.providerPrograms = column(p.programs, db.P);
  }

  function decodeLocations(db, raw) {
    const count = raw.lat.length;
    db.cities = raw.cities;
    db.locationCity = column(raw.city, count);
    db.locationState = column(raw.state, count);
    db.locationZone = column(raw.zone, count);
    db.lat = undelta(raw.lat, COORD_SCALE);
    db.lon = undelta(raw.lon, COORD_SCALE);
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
    for (let p = 0, t = 0; p < db.G; p++) {
      for (let k = 0; k < db.program_tracks[p]; k++) db.trackProgram[t++] = p;
    }
    // A program whose schedule is not listed has one track with no sessions.
    db.unlisted = new Uint8Array(T);
    for (let t = 0; t < T; t++) db.unlisted[t] = db.schedules[db.trackSchedule[t]].sessions.length ? 0 : 1;
    db.anyUnlisted = db.unlisted.includes(1);
  }

  function summarise(flat) {
    const sessions = [];
    for (let i = 0; i < flat.length; i += 3) sessions.push([flat[i], flat[i + 1], flat[i + 2]]);
    return scheduleFacts(sessions);
  }

  function scheduleFacts(sessions) {
    let days = 0, lo = Infinity, hi = -Infinity, evening = 0, minutes = 0;
    for (const [mask, start, end] of sessions) {
      days |= mask;
      lo = Math.min(lo, start);
      hi = Math.max(hi, end);
      if (start >= EVENING) evening = 1;
      minutes += Math.max(end - start, 0) * bitCount(mask);
    }
    return { sessions, days, lo, hi, evening, minutes };
  }

  function bitCount(mask) {
    let n = 0;
    for (; mask; mask &= mask - 1) n++;
    return n;
  }

  function decodeZips(raw) {
    const n = raw.zip.length;
    const zip = new Int32Array(n), state = new Uint8Array(n);
    for (let i = 0, sum = 0; i < n; i++) zip[i] = sum += raw.zip[i];
    for (let i = 0, at = 0; i < raw.state.length; i += 2) {
      state.fill(raw.state[i], at, (at += raw.state[i + 1]));
    }
    return { zip, state, states: raw.states, lat: undelta(raw.lat, ZIP_SCALE),
             lon: undelta(raw.lon, ZIP_SCALE) };
  }

  function zipPlace(zips, code) {
    const wanted = Number(code);
    let lo = 0, hi = zips.zip.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (zips.zip[mid] === wanted) return placeAt(zips, mid);
      if (zips.zip[mid] < wanted) lo = mid + 1; else hi = mid - 1;
    }
    return null;
  }

  function nearestZip(zips, lat, lon) {
    let best = -1, bestMiles = Infinity;
    for (let i = 0; i < zips.zip.length; i++) {
      const d = miles(lat, lon, zips.lat[i], zips.lon[i]);
      if (d < bestMiles) { best = i; bestMiles = d; }
    }
    return best < 0 ? null : placeAt(zips, best);
  }

  function placeAt(zips, i) {
    return { zip: String(zips.zip[i]).padStart(5, "0"), lat: zips.lat[i], lon: zips.lon[i],
             state: zips.states[zips.state[i]] };
  }

  function miles(lat1, lon1, lat2, lon2) {
    const rad = Math.PI / 180;
    const dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    const a = Math.sin(dLat / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
    return 3958.8 * 2 * Math.asin(Math.sqrt(a));
  }

  // Time zones ---------------------------------------------------------------------------

  function userZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  /** Minutes the zone is ahead of UTC at `date` (-300 for New York in winter). */
  function zoneOffset(zone, date) {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric",
    }).formatToParts(date);
    const get = (type) => Number(parts.find((p) => p.type === type).value);
    const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    return Math.round((local - Math.floor(date.getTime() / 60000) * 60000) / 60000);
  }

  function rotate(mask, by) {
    const k = ((by % 7) + 7) % 7;
    return ((mask << k) | (mask >> (7 - k))) & ALL_DAYS;
  }

  /** Sessions moved by `delta` minutes: a start that crosses midnight moves its days too. */
  function shiftSessions(sessions, delta) {
    return sessions.map(([mask, start, end]) => {
      const moved = start + delta;
      const days = Math.floor(moved / DAY_MINUTES);
      const begin = moved - days * DAY_MINUTES;
      return [rotate(mask, days), begin, begin + (end - start)];
    });
  }

  /**
   * Each track's schedule as the person lives it: local times for in-person programs, the
   * person's own time for telehealth and hybrid programs in another time zone.
   */
  function localise(db, zone) {
    if (db.zone === zone) return;
    const now = new Date();
    const mine = zone ? safeOffset(zone, now) : null;
    const deltas = db.labels.zone.map(([z]) => (mine === null ? 0 : mine - safeOffset(z, now, mine)));
    const T = db.T;
    db.days = new Uint8Array(T);
    db.lo = new Int16Array(T);
    db.hi = new Int16Array(T);
    db.evening = new Uint8Array(T);
    db.shifted = new Array(T).fill(null);
    const cache = new Map();
    for (let t = 0; t < T; t++) {
      const p = db.trackProgram[t];
      const delta = db.program_format[p] === db.codes.format.get("in_person") ? 0
        : deltas[db.locationZone[db.programLocation[p]]];
      let facts = db.schedules[db.trackSchedule[t]];
      if (delta && !db.unlisted[t]) {
        const key = db.trackSchedule[t] * 10000 + delta;
        if (!cache.has(key)) cache.set(key, scheduleFacts(shiftSessions(facts.sessions, delta)));
        facts = db.shifted[t] = cache.get(key);
      }
      db.days[t] = facts.days;
      db.lo[t] = facts.lo;
      db.hi[t] = facts.hi;
      db.evening[t] = facts.evening;
    }
    db.zone = zone;
  }

  function safeOffset(zone, date, fallback = 0) {
    try {
      return zoneOffset(zone, date);
    } catch (e) {
      return fallback;
    }
  }

  // Search state and the URL ---------------------------------------------------------------

  function emptyState() {
    const state = { days: [], from: "", to: "", eve: false, wknd: false, listed: false, q: "", zip: "", miles: "" };
    for (const key of SELECTS) state[key] = "";
    return state;
  }

  function readForm(form) {
    const f = form.elements;
    const state = emptyState();
    state.days = DAYS.filter((d) => form.querySelector(`input[name="days"][value="${d}"]`).checked);
    for (const key of ["from", "to", "q", "zip", "miles", ...SELECTS]) state[key] = f[key].value.trim();
    state.eve = f.eve.checked;
    state.wknd = f.wknd.checked;
    state.listed = f.listed.checked;
    return state;
  }

  function writeForm(form, state) {
    const f = form.elements;
    for (const box of form.querySelectorAll('input[name="days"]')) {
      box.checked = state.days.includes(box.value);
    }
    for (const key of ["from", "to", "q", "zip"]) f[key].value = state[key];
    for (const key of ["miles", ...SELECTS]) {
      const select = f[key];
      select.value = state[key];
      if (select.value !== state[key]) select.value = ""; // a value this index does not have
    }
    f.eve.checked = state.eve;
    f.wknd.checked = state.wknd;
    f.listed.checked = state.listed;
  }

  function toQuery(state) {
    const parts = [];
    for (const key of KEYS) {
      let value = state[key];
      if (key === "days") value = value.join(",");
      if (typeof value === "boolean") value = value ? "1" : "";
      if (value) parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":")}`);
    }
    return parts.length ? `?${parts.join("&")}` : "";
  }

  function fromQuery(search) {
    const params = new URLSearchParams(search);
    const state = emptyState();
    const get = (key) => (params.get(key) || "").trim();
    state.days = DAYS.filter((d) => get("days").split(",").includes(d));
    for (const key of ["from", "to"]) state[key] = /^([01]\d|2[0-3]):[0-5]\d$/.test(get(key)) ? get(key) : "";
    state.eve = get("eve") === "1";
    state.wknd = get("wknd") === "1";
    state.listed = get("listed") === "1";
    for (const key of SELECTS) state[key] = get(key).slice(0, 40);
    state.q = get("q").slice(0, 100);
    state.zip = get("zip").replace(/\D/g, "").slice(0, 5);
    state.miles = MILES.includes(get("miles")) ? get("miles") : "";
    return state;
  }

  function minutesOf(hhmm) {
    return hhmm ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) : null;
  }

  function isEmpty(state) {
    return toQuery(state) === "";
  }

  // Filtering --------------------------------------------------------------------------------

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function haystacks(db) {
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
  function search(db, state, place) {
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
  class Ordered {
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

  // Words --------------------------------------------------------------------------------

  function clock(total) {
    const m = ((total % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    const h = Math.floor(m / 60);
    return `${h % 12 || 12}:${String(m % 60).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
  }

  function hhmm(total) {
    return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  }

  /** 0b0010111 -> "Mon to Wed, Fri": runs of three or more days shortened. */
  function dayText(mask) {
    const parts = [];
    for (let i = 0; i < 7; i++) {
      if (!(mask & (1 << i))) continue;
      let j = i;
      while (j + 1 < 7 && mask & (1 << (j + 1))) j++;
      if (j - i >= 2) parts.push(`${DAY_SHORT[i]} to ${DAY_SHORT[j]}`);
      else for (let k = i; k <= j; k++) parts.push(DAY_SHORT[k]);
      i = j;
    }
    return parts.join(", ");
  }

  function sessionsText(sessions) {
    return sessions.map(([mask, start, end]) => `${dayText(mask)} ${clock(start)} to ${clock(end)}`).join("; ");
  }

  function hoursText(minutes) {
    const shown = String(Math.round(minutes / 60 * 100) / 100);
    return `${shown} hour${shown === "1" ? "" : "s"}`;
  }

  function dayCodes(mask) {
    return DAYS.filter((_, i) => mask & (1 << i)).join(",");
  }

  function plural(n, word) {
    return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
  }

  function stateNames(db, numbers) {
    const names = numbers.map((s) => db.labels.state[s][1]);
    return names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more states`
      : names.join(", ");
  }

  // Drawing ------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(db, t, where) {
    const p = db.trackProgram[t], prov = db.programProvider[p];
    const loc = db.programLocation[p], facts = db.schedules[db.trackSchedule[t]];
    const zone = db.labels.zone[db.locationZone[loc]];
    const slug = db.providerSlug[prov];
    const li = el("li", "finder-result");
    Object.assign(li.dataset, {
      provider: slug, program: String(db.programNumber[p]), track: db.trackNames[db.trackName[t]],
      trackDays: dayCodes(facts.days), trackStart: hhmm(facts.lo), trackEnd: hhmm(facts.hi),
      trackZone: zone[0],
    });
    if (db.unlisted[t]) {
      li.dataset.unlisted = "1";
      for (const key of ["trackDays", "trackStart", "trackEnd"]) li.dataset[key] = "";
    }
    const heading = li.appendChild(el("h3", "finder-result__name"));
    const link = heading.appendChild(el("a", "", db.providerName[prov]));
    link.href = `../providers/${encodeURIComponent(slug)}/#program-${db.programNumber[p]}`;
    li.appendChild(el("p", "finder-result__program", db.programNames[db.program_name[p]]));
    li.appendChild(trackLine(db, t, facts, zone[1]));
    if (db.shifted[t]) {
      li.appendChild(el("p", "finder-result__yours", `${sessionsText(db.shifted[t].sessions)} your time`));
    }
    li.appendChild(placeLine(db, p, loc, where));
    li.appendChild(badges(db, p, t));
    return li;
  }

  function trackLine(db, t, facts, zoneName) {
    const line = el("p", "finder-result__when");
    if (db.unlisted[t]) {
      line.appendChild(el("strong", "finder-result__track", "Schedule not listed"));
      line.append(": call to ask about evening and weekend tracks.");
      return line;
    }
    line.appendChild(el("strong", "finder-result__track", db.trackNames[db.trackName[t]]));
    line.append(`: ${sessionsText(facts.sessions)} ${zoneName}. ${hoursText(facts.minutes)} a week.`);
    return line;
  }

  function placeLine(db, p, loc, where) {
    const format = db.labels.format[db.program_format[p]];
    const place = `${db.cities[db.locationCity[loc]]}, ${db.labels.state[db.locationState[loc]][0]}`;
    const r = where ? where.reach[p] : 0;
    const parts = r === 2 && format[0] === "telehealth" ? [] : [format[1]];
    parts.push(place);
    if (r === 1) parts.push(distanceText(where.dist[p]));
    else if (r === 2 && format[0] === "telehealth") parts.unshift("Telehealth: available in your state");
    else if (r === 2) parts.push("Telehealth: available in your state");
    else if (format[0] !== "in_person") {
      const listed = db.programTele[p] || [db.locationState[loc]];
      parts.push(`video sessions for people in ${stateNames(db, listed)}`);
    }
    return el("p", "finder-result__where", parts.join(" · "));
  }

  function distanceText(d) {
    if (d < 0.1) return "less than 0.1 miles away";
    return `${d < 10 ? d.toFixed(1) : Math.round(d)} miles away`;
  }

  function badges(db, p, t) {
    const line = el("p", "finder-result__badges");
    const level = db.labels.level[db.program_level[p]];
    const open = db.labels.open[db.program_open[p]];
    line.appendChild(el("span", "iop-badge iop-badge--level", level[1]));
    line.appendChild(el("span", `iop-badge iop-badge--accepting-${open[0]}`, open[1]));
    // As the person lives it, like the Evening and Weekend filters (their own time zone for video)
    if (db.evening[t]) line.appendChild(el("span", "iop-badge iop-badge--evening", "Evening"));
    if (db.days[t] & WEEKEND) line.appendChild(el("span", "iop-badge iop-badge--weekend", "Weekend"));
    return line;
  }

  function fillSelect(select, pairs) {
    const keep = select.value;
    select.replaceChildren(el("option", "", select.options[0].textContent));
    select.options[0].value = "";
    for (const [code, label] of pairs) {
      const option = select.appendChild(el("option", "", label));
      option.value = code;
    }
    select.value = keep;
  }

  function fillOptions(form, db) {
    const f = form.elements;
    const present = (kind) => ([, , codes]) => codes.some((c) => db.codes[kind].has(c));
    fillSelect(f.level, db.labels.level);
    fillSelect(f.pay, db.labels.pay);
    fillSelect(f.lang, [...db.labels.lang].sort((a, b) => a[1].localeCompare(b[1], "en")));
    fillSelect(f.fmt, db.labels.format);
    fillSelect(f.pop, db.labels.pop);
    fillSelect(f.mat, MAT_CHOICES.filter(present("mat")));
    fillSelect(f.open, OPEN_CHOICES.filter(present("open")));
    form.querySelector("#iop-finder-listed-field").hidden = !db.anyUnlisted;
  }

  // The finder on a page -----------------------------------------------------------------

  class Finder {
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

  // Start --------------------------------------------------------------------------------

  function init() {
    const root = document.getElementById("iop-finder");
    if (!root || root.dataset.started) return;
    root.dataset.started = "1";
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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
