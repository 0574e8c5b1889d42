// Which programs a search finds, in which group and order (match.js), on small indexes.
import { test } from "node:test";
import assert from "node:assert/strict";

import { parseWeek } from "../../generator/theme/docs/javascripts/finder/avail.js";
import { search, tracksFor } from "../../generator/theme/docs/javascripts/finder/match.js";
import { emptyState } from "../../generator/theme/docs/javascripts/finder/query.js";
import { localise } from "../../generator/theme/docs/javascripts/finder/zones.js";
import { index, provider } from "./index.js";

const WINTER = new Date(Date.UTC(2027, 0, 13, 12));
const CHICAGO = { lat: 41.92, lon: -87.65, state: "IL", zip: "60614" };

function run(providers, wanted = {}, place = null) {
  const db = index(providers);
  localise(db, "America/Chicago", WINTER);
  const state = { ...emptyState(), ...wanted, avail: parseWeek(wanted.avail || "") };
  const result = search(db, state, place);
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
