// Which programs a search finds, in which group and order (match.js), on small indexes.
import { test } from "node:test";
import assert from "node:assert/strict";

import { parseWeek } from "../../generator/theme/docs/javascripts/finder/avail.js";
import { miles } from "../../generator/theme/docs/javascripts/finder/geo.js";
import {
  MAT_CHOICES, OPEN_CHOICES, distances, haystacks, search, tracksFor,
} from "../../generator/theme/docs/javascripts/finder/match.js";
import { MESSAGES } from "../../generator/theme/docs/javascripts/finder/messages.js";
import { emptyState } from "../../generator/theme/docs/javascripts/finder/query.js";
import { localise } from "../../generator/theme/docs/javascripts/finder/zones.js";
import { index, provider } from "./index.js";

const WINTER = new Date(Date.UTC(2027, 0, 13, 12));
const CHICAGO = { lat: 41.92, lon: -87.65, state: "IL", zip: "60614" };

/** A search as the page makes it, its groups not yet put in order. */
function find(providers, wanted = {}, place = null, labels = {}) {
  const db = index(providers, labels);
  localise(db, "America/Chicago", WINTER);
  const state = { ...emptyState(), ...wanted, avail: parseWeek(wanted.avail || "") };
  return { db, state, result: search(db, state, place) };
}

function run(providers, wanted = {}, place = null, labels = {}) {
  const { db, state, result } = find(providers, wanted, place, labels);
  const names = {};
  for (const [kind, group] of Object.entries(result.groups)) {
    names[kind] = group.slice(0, group.length).map((p) => db.providerName[db.programProvider[p]]);
  }
  return { db, state, result, names };
}

const evening = provider("Evening Clinic", [{ tracks: [
  ["Ends at nine", [["mon,wed", "18:00", "21:00"]]],
] }]);
const late = provider("Late Clinic", [{ tracks: [
  ["Ends a minute later", [["mon,wed", "18:00", "21:01"]]],
] }]);

test("a program whose track ends exactly at the end of the window fits", () => {
  const { names } = run([evening, late], { avail: "mon-fri@17:00-21:00" });
  assert.deepEqual(names.fit, ["Evening Clinic"]);
  assert.deepEqual(names.close, ["Late Clinic"]); // a minute late: a near miss, not a fit
});

test("one card per program, with the tracks that fit inside it", () => {
  const clinic = provider("Two Track Clinic", [{ tracks: [
    ["Morning", [["mon,wed,fri", "09:00", "12:00"]]],
    ["Evening", [["mon,wed,fri", "18:00", "21:00"]]],
    ["Weekend", [["sat,sun", "09:00", "12:00"]]],
  ] }]);
  const { db, state, result } = run([clinic], { avail: "mon-fri@17:00-,sat-sun" });
  assert.equal(result.total, 1);
  const p = result.groups.fit.slice(0, 1)[0];
  assert.deepEqual(tracksFor(db, p, state).map(({ t }) => db.trackNames[db.trackName[t]]),
    ["Evening", "Weekend"]);
});

test("near misses come after the fits, the smallest miss first, saying by how much", () => {
  const thirty = provider("Thirty Early", [{ tracks: [["T", [["tue", "16:30", "19:30"]]]] }]);
  const ten = provider("Ten Late", [{ tracks: [["T", [["tue", "17:30", "22:10"]]]] }]);
  const far = provider("Two Hours Early", [{ tracks: [["T", [["tue", "15:00", "18:00"]]]] }]);
  const { db, state, result, names } = run([thirty, ten, far, evening],
    { avail: "mon-fri@17:00-22:00" });
  assert.deepEqual(names.fit, ["Evening Clinic"]);
  assert.deepEqual(names.close, ["Ten Late", "Thirty Early"]);
  const [p] = result.groups.close.slice(1, 2);
  assert.deepEqual(tracksFor(db, p, state)[0].miss, { miss: 30, day: 1, early: true });
});

test("in person and partly by video: by distance; entirely by video: by the state it serves", () => {
  const near = provider("Near", [{ tracks: [["T", [["mon", "09:00", "12:00"]]]] }]);
  const nearHybrid = provider("Near Hybrid", [{ format: "hybrid",
    tracks: [["T", [["mon", "09:00", "12:00"]]]] }], { lat: 41.95, lon: -87.7 });
  const far = provider("Far", [{ tracks: [["T", [["mon", "09:00", "12:00"]]]] }],
    { city: "Anna", lat: 37.46, lon: -89.25 });
  const farHybrid = provider("Far Hybrid", [{ format: "hybrid", telehealth: ["IL"],
    tracks: [["T", [["mon", "09:00", "12:00"]]]] }], { city: "Anna", lat: 37.46, lon: -89.25 });
  const video = provider("Video", [{ format: "telehealth", telehealth: ["IL"],
    tracks: [["T", [["mon", "09:00", "12:00"]]]] }],
  { city: "Minneapolis", state: "MN", zone: "America/Chicago", lat: 44.98, lon: -93.27 });
  const videoElsewhere = provider("Video Elsewhere", [{ format: "telehealth", telehealth: ["MN"],
    tracks: [["T", [["mon", "09:00", "12:00"]]]] }], { state: "MN", lat: 41.92, lon: -87.65 });
  const all = [far, farHybrid, video, videoElsewhere, nearHybrid, near];
  const { names } = run(all, { miles: "25" }, CHICAGO);
  assert.deepEqual(names.near, ["Near", "Near Hybrid"]); // nearest first
  assert.deepEqual(names.video, ["Video"]);
  assert.deepEqual(run(all, { miles: "any" }, CHICAGO).names.near, ["Near", "Near Hybrid", "Far", "Far Hybrid"]);
});

test("programs without listed hours stand apart, last, and can be left out", () => {
  const unlisted = provider("No Hours", [{}]);
  const { names } = run([unlisted, evening], { avail: "sat" });
  assert.deepEqual(names, { near: [], video: [], fit: [], close: [], unlisted: ["No Hours"] });
  assert.deepEqual(run([unlisted, evening], { avail: "sat", listed: true }).result.total, 0);
  assert.deepEqual(run([unlisted, evening], {}).names.fit, ["Evening Clinic"]);
});

test("without hours asked, every program with listed hours is found", () => {
  const { names } = run([evening, late]);
  assert.deepEqual(names.fit, ["Evening Clinic", "Late Clinic"]);
  assert.deepEqual(names.close, []);
});

test("entirely by video when none is: the programs partly by video, said to be a stand-in", () => {
  const hybrid = provider("Hybrid Clinic", [{ format: "hybrid" }]);
  const inPerson = provider("In Person Clinic", [{}]);
  const { result, names } = run([hybrid, inPerson], { fmt: "telehealth" }, CHICAGO);
  assert.equal(result.videoInstead, true);
  assert.deepEqual(names.unlisted, ["Hybrid Clinic"]);
  const video = provider("Video Clinic", [{ format: "telehealth", telehealth: ["IL"] }]);
  const found = run([hybrid, video], { fmt: "telehealth" }, CHICAGO);
  assert.equal(found.result.videoInstead, undefined);
  assert.deepEqual(found.names.unlisted, ["Video Clinic"]);
});

test("a code no program has matches nothing, and no other code", () => {
  const { result } = run([provider("A", [{}])], { level: "php" });
  assert.equal(result.total, 0);
});

const MONDAY = [["T", [["mon", "09:00", "12:00"]]]];

test("name or city: every word is found in the provider, program, city or state, any accent or case", () => {
  const clinica = provider("Clínica Esperanza", [{ name: "Programa Nocturno", tracks: MONDAY }],
    { city: "Aurora" });
  const harbor = provider("Harbor House", [{ name: "Evening IOP", tracks: MONDAY }],
    { city: "Springfield", state: "MO" });
  const found = (text) => run([clinica, harbor], { text }).names.fit;
  assert.deepEqual(found("clinica"), ["Clínica Esperanza"]);
  assert.deepEqual(found("CLÍNICA esperanza"), ["Clínica Esperanza"]);
  assert.deepEqual(found("nocturno"), ["Clínica Esperanza"]); // the program's name
  assert.deepEqual(found("aurora"), ["Clínica Esperanza"]); // the city
  assert.deepEqual(found("il"), ["Clínica Esperanza"]); // the state
  assert.deepEqual(found("mo"), ["Harbor House"]);
  assert.deepEqual(found("  harbor   springfield "), ["Harbor House"]);
  assert.deepEqual(found("harbor aurora"), []); // every word, not any
  assert.deepEqual(found(" "), ["Clínica Esperanza", "Harbor House"]);
  const { db } = run([clinica, harbor]);
  assert.equal(haystacks(db), haystacks(db)); // made once, when the box is first used
});

test("level, format, population, payment and language each narrow the search", () => {
  const labels = {
    level: [["iop", "IOP"], ["php", "PHP"]], pop: [["adults", "Adults"], ["young_adults", "Young adults"]],
    pay: [["medicaid", "Medicaid"], ["self_pay", "Self-pay"]], lang: [["en", "English"], ["es", "Spanish"]],
  };
  const program = (name, codes) => provider(name, [{ tracks: MONDAY, ...codes }]);
  const all = [
    program("First", { level: 0, pop: 1, pay: 1, lang: 1 }),
    program("Second", { level: 1, pop: 2, pay: 2, lang: 2 }),
    program("Both", { level: 0, pop: 3, pay: 3, lang: 3 }),
    program("Unsaid", { level: 0, pop: 0, pay: 0, lang: 0 }), // not listed: kept, except language
    program("Hybrid", { format: "hybrid", level: 0, pop: 1, pay: 1, lang: 1 }),
  ];
  const found = (wanted) => run(all, wanted, null, labels).names.fit;
  assert.deepEqual(found({ level: "php" }), ["Second"]);
  assert.deepEqual(found({ level: "iop" }), ["First", "Both", "Unsaid", "Hybrid"]);
  assert.deepEqual(found({ fmt: "hybrid" }), ["Hybrid"]);
  assert.deepEqual(found({ pop: "young_adults" }), ["Second", "Both", "Unsaid"]);
  assert.deepEqual(found({ pop: "adults" }), ["First", "Both", "Unsaid", "Hybrid"]);
  assert.deepEqual(found({ pay: "self_pay" }), ["Second", "Both", "Unsaid"]);
  assert.deepEqual(found({ pay: "medicaid", level: "iop" }), ["First", "Both", "Unsaid", "Hybrid"]);
  assert.deepEqual(found({ lang: "es" }), ["Second", "Both"]);
  assert.deepEqual(found({ lang: "en" }), ["First", "Both", "Hybrid"]);
  // A code no program has: only the programs that did not say are left; for languages none.
  assert.deepEqual(found({ pay: "military" }), ["Unsaid"]);
  assert.deepEqual(found({ pop: "veterans" }), ["Unsaid"]);
  assert.deepEqual(found({ lang: "fr" }), []);
});

test("medication and intake choices are \"at least this\"", () => {
  const labels = {
    mat: [["", "Not stated"], ["offered", "Offered"], ["coordinated", "Coordinated"],
      ["accepted", "Accepted"]],
    open: [["yes", "Yes"], ["waitlist", "Waiting list"], ["no", "No"]],
  };
  const all = [
    provider("Unstated", [{ tracks: MONDAY, mat: 0, open: 2 }]),
    provider("Offers", [{ tracks: MONDAY, mat: 1, open: 0 }]),
    provider("Coordinates", [{ tracks: MONDAY, mat: 2, open: 1 }]),
    provider("Accepts", [{ tracks: MONDAY, mat: 3, open: 0 }]),
  ];
  const found = (wanted) => run(all, wanted, null, labels).names.fit;
  assert.deepEqual(found({ mat: "offered" }), ["Offers"]);
  assert.deepEqual(found({ mat: "coordinated" }), ["Offers", "Coordinates"]);
  assert.deepEqual(found({ mat: "accepted" }), ["Offers", "Coordinates", "Accepts"]);
  assert.deepEqual(found({ mat: "maybe" }), []);
  assert.deepEqual(found({ open: "yes" }), ["Offers", "Accepts"]);
  assert.deepEqual(found({ open: "waitlist" }), ["Offers", "Coordinates", "Accepts"]);
  assert.deepEqual(found({ open: "no" }), []); // not a choice the form offers
  // Each choice has its words in the form.
  assert.deepEqual(MAT_CHOICES.map(([code, key]) => [code, typeof MESSAGES[key]]),
    [["offered", "string"], ["coordinated", "string"], ["accepted", "string"]]);
  assert.deepEqual(OPEN_CHOICES.map(([code, key]) => [code, typeof MESSAGES[key]]),
    [["yes", "string"], ["waitlist", "string"]]);
});

test("a program at exactly the distance chosen is within it; one without a known point never is", () => {
  const there = provider("There", [{ tracks: MONDAY }], { lat: 42.1, lon: -87.8 });
  const unknown = provider("Unknown Point", [{ tracks: MONDAY }], { lat: 0, lon: 0 });
  const limit = miles(CHICAGO.lat, CHICAGO.lon, 42.1, -87.8);
  assert.deepEqual(run([there, unknown], { miles: String(limit) }, CHICAGO).names.near, ["There"]);
  assert.deepEqual(run([there, unknown], { miles: String(limit - 0.01) }, CHICAGO).names.near, []);
  const anywhere = run([there, unknown], { miles: "any" }, CHICAGO);
  assert.deepEqual(anywhere.names.near, ["There"]);
  assert.ok(Number.isNaN(anywhere.result.dist[1]));
  assert.deepEqual(run([there, unknown]).names.fit, ["There", "Unknown Point"]); // no place: all
});

test("entirely by video without listed states: it serves the state where it is", () => {
  const here = provider("Video Here", [{ format: "telehealth", tracks: MONDAY }]);
  const away = provider("Video Away", [{ format: "telehealth", tracks: MONDAY }],
    { state: "MN", lat: 41.92, lon: -87.65 });
  assert.deepEqual(run([here, away], {}, CHICAGO).names.video, ["Video Here"]);
  assert.deepEqual(run([here, away], {}, { ...CHICAGO, state: "MN" }).names.video, ["Video Away"]);
  assert.deepEqual(run([here, away], {}, { ...CHICAGO, state: "WI" }).names.video, []);
});

test("distances are measured again for another place, and kept for the same one", () => {
  const north = provider("North", [{ tracks: MONDAY }], { lat: 42.2, lon: -87.8 });
  const south = provider("South", [{ tracks: MONDAY }], { lat: 41.6, lon: -87.6 });
  const db = index([north, south]);
  const first = distances(db, CHICAGO);
  assert.equal(distances(db, { ...CHICAGO }), first);
  assert.ok(first[0] < first[1]); // North is nearer to Chicago's north side
  const gary = distances(db, { lat: 41.6, lon: -87.35, state: "IN" });
  assert.ok(gary[0] > gary[1]);
  assert.ok(distances(db, { lat: 42.2, lon: -87.35 })[0] < gary[0]); // same longitude, new lat
  assert.ok(distances(db, { lat: 41.6, lon: -87.8 })[0] < gary[0]); // same latitude, new lon
});

// Thirty programs at 1 to 30 hundredths of a degree north of the place, listed out of order.
const STEPS = Array.from({ length: 30 }, (_, i) => ((i * 7) % 30) + 1);
const ladder = STEPS.map((k) => provider(`North ${k}`, [{ tracks: MONDAY }],
  { lat: CHICAGO.lat + k / 100, lon: CHICAGO.lon }));
const nearest = (n) => Array.from({ length: n }, (_, i) => `North ${i + 1}`);

test("the nearest are drawn first, and the next page continues in order", () => {
  const { db, result } = find(ladder, { miles: "any" }, CHICAGO);
  const near = result.groups.near;
  const name = (p) => db.providerName[db.programProvider[p]];
  assert.deepEqual(near.slice(0, 3).map(name), nearest(3)); // only the first few are put in order
  assert.deepEqual(near.slice(3, 20).map(name), nearest(20).slice(3));
  assert.deepEqual(near.slice(0, 30).map(name), nearest(30));
  const all = find(ladder, { miles: "any" }, CHICAGO);
  assert.deepEqual(all.result.groups.near.slice(0, 30).map(name), nearest(30));
});

test("the nearest few are found whatever the order the programs are listed in", () => {
  const orders = [
    STEPS,
    Array.from({ length: 30 }, (_, i) => 30 - i), // farthest first
    Array.from({ length: 30 }, (_, i) => i + 1), // nearest first
    Array.from({ length: 30 }, (_, i) => (i % 2 ? 30 - (i - 1) / 2 : i / 2 + 1)), // zigzag
    Array.from({ length: 30 }, (_, i) => ((i * 11) % 30) + 1),
  ];
  for (const order of orders) {
    const places = order.map((k) => provider(`North ${k}`, [{ tracks: MONDAY }],
      { lat: CHICAGO.lat + k / 100, lon: CHICAGO.lon }));
    for (const end of [1, 2, 3]) {
      const { db, result } = find(places, { miles: "any" }, CHICAGO);
      const got = result.groups.near.slice(0, end).map((p) => db.providerName[db.programProvider[p]]);
      assert.deepEqual(got, nearest(end), `${order} ${end}`);
    }
  }
});

test("near misses with a place: the smallest miss first, then the nearest", () => {
  const late = (name, end, lat) => provider(name, [{ tracks: [["T", [["mon", "18:00", end]]]] }],
    { lat, lon: CHICAGO.lon });
  const all = [late("Ten Far", "21:10", 42.1), late("Thirty Near", "21:30", 41.93),
    late("Ten Near", "21:10", 41.95)];
  assert.deepEqual(run(all, { avail: "mon@17:00-21:00" }, CHICAGO).names.close,
    ["Ten Near", "Ten Far", "Thirty Near"]);
});

test("programs without listed hours: the nearest first, a video program without a point last", () => {
  const video = provider("Video Nowhere", [{ format: "telehealth", telehealth: ["IL"] }],
    { lat: 0, lon: 0 });
  const far = provider("Far Unlisted", [{}], { lat: 42.1, lon: -87.8 });
  const near = provider("Near Unlisted", [{}], { lat: 41.93, lon: -87.65 });
  assert.deepEqual(run([video, far, near], {}, CHICAGO).names.unlisted,
    ["Near Unlisted", "Far Unlisted", "Video Nowhere"]);
});

test("a card shows the tracks that nearly fit, the smallest miss first, and none unlisted", () => {
  const clinic = provider("Three Misses", [{ tracks: [
    ["Forty", [["mon", "18:00", "21:40"]]],
    ["Two hours", [["mon", "18:00", "23:00"]]],
    ["Ten", [["mon", "18:00", "21:10"]]],
  ] }]);
  const { db, state, result } = run([clinic, provider("No Hours", [{}])], { avail: "mon@17:00-21:00" });
  const [p] = result.groups.close.slice(0, 1);
  assert.deepEqual(tracksFor(db, p, state).map(({ t, miss }) => [db.trackNames[db.trackName[t]], miss.miss]),
    [["Ten", 10], ["Forty", 40]]);
  const [q] = result.groups.unlisted.slice(0, 1);
  assert.deepEqual(tracksFor(db, q, state), []);
  assert.deepEqual(tracksFor(db, q, { ...state, avail: parseWeek("") }), []);
});

test("a place on the prime meridian or the equator is a place; only 0, 0 stands for none", () => {
  const london = { lat: 51.51, lon: -0.13, state: "ENG" };
  const greenwich = provider("Greenwich", [{ tracks: MONDAY }],
    { city: "London", state: "ENG", zone: "Europe/London", lat: 51.48, lon: 0 });
  assert.deepEqual(run([greenwich], {}, london).names.near, ["Greenwich"]);
  const quito = { lat: 0, lon: -78.5, state: "PIC" };
  const equator = provider("Equator", [{ tracks: MONDAY }],
    { city: "Quito", state: "PIC", zone: "America/Guayaquil", lat: 0, lon: -78.45 });
  assert.deepEqual(run([equator], {}, quito).names.near, ["Equator"]);
});

test("a search that finds nothing stays empty; only one entirely by video gets a stand-in", () => {
  const { result } = run([evening, late], { avail: "sat" }, CHICAGO);
  assert.equal(result.total, 0);
  assert.equal(result.videoInstead, undefined);
});

test("a track an hour off is a near miss; one more minute is not", () => {
  const hour = provider("An Hour Late", [{ tracks: [["T", [["mon", "18:00", "22:00"]]]] }]);
  const more = provider("Sixty-One Late", [{ tracks: [["T", [["mon", "18:00", "22:01"]]]] }]);
  const { db, state, result, names } = run([hour, more], { avail: "mon@17:00-21:00" });
  assert.deepEqual(names.close, ["An Hour Late"]);
  const [p] = result.groups.close.slice(0, 1);
  assert.deepEqual(tracksFor(db, p, state).map(({ miss }) => miss.miss), [60]);
  assert.deepEqual(tracksFor(db, 1, state), []);
});

test("near misses: a video program without a point comes after nearer ones of the same miss only", () => {
  const video = provider("Video Ten", [{ format: "telehealth", telehealth: ["IL"],
    tracks: [["T", [["mon", "18:00", "21:10"]]]] }], { lat: 0, lon: 0 });
  const here = provider("Here Eleven", [{ tracks: [["T", [["mon", "18:00", "21:11"]]]] }],
    { lat: CHICAGO.lat, lon: CHICAGO.lon });
  const hereTen = provider("Here Ten", [{ tracks: [["T", [["mon", "18:00", "21:10"]]]] }],
    { lat: CHICAGO.lat, lon: CHICAGO.lon });
  assert.deepEqual(run([video, here, hereTen], { avail: "mon@17:00-21:00" }, CHICAGO).names.close,
    ["Here Ten", "Video Ten", "Here Eleven"]);
});

test("the nearest dozen of a hundred are drawn first in order, however the hundred are listed", () => {
  const orders = [
    Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1),
    Array.from({ length: 100 }, (_, i) => 100 - i),
    Array.from({ length: 100 }, (_, i) => (i % 2 ? 100 - (i - 1) / 2 : i / 2 + 1)),
    Array.from({ length: 100 }, (_, i) => ((i * 61 + 17) % 100) + 1),
  ];
  for (const order of orders) {
    const places = order.map((k) => provider(`North ${k}`, [{ tracks: MONDAY }],
      { lat: CHICAGO.lat + k / 200, lon: CHICAGO.lon }));
    const db = index(places);
    localise(db, "America/Chicago", WINTER);
    const state = { ...emptyState(), miles: "any" };
    const name = (p) => db.providerName[db.programProvider[p]];
    for (const end of [1, 2, 5, 8, 12]) {
      const near = search(db, state, CHICAGO).groups.near;
      assert.deepEqual(near.slice(0, end).map(name), nearest(end), `${order[0]} ${end}`);
      assert.deepEqual(near.slice(end, 100).map(name), nearest(100).slice(end), `${order[0]} ${end}`);
    }
  }
});
