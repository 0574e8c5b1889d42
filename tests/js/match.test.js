// Which tracks fit a search (match.js), on small indexes written for each case.
import { test } from "node:test";
import assert from "node:assert/strict";

import { search } from "../../generator/theme/docs/javascripts/finder/match.js";
import { emptyState } from "../../generator/theme/docs/javascripts/finder/query.js";
import { localise } from "../../generator/theme/docs/javascripts/finder/zones.js";
import { index, provider } from "./index.js";

const WINTER = new Date(Date.UTC(2027, 0, 13, 12));

function found(db, wanted, place = null) {
  localise(db, "America/Chicago", WINTER);
  const result = search(db, { ...emptyState(), ...wanted }, place);
  return result.tracks.slice(0, result.tracks.length).map((t) => db.trackNames[db.trackName[t]]);
}

const evening = provider("Evening Clinic", [{ tracks: [
  ["Ends at nine", [["mon,wed", "18:00", "21:00"]]],
  ["Ends a minute later", [["mon,wed", "18:00", "21:01"]]],
  ["Starts at six", [["tue", "18:00", "20:00"]]],
  ["Starts a minute earlier", [["tue", "17:59", "20:00"]]],
] }]);

test("a track that ends exactly at the latest end fits; a minute later does not", () => {
  const names = found(index([evening]), { to: "21:00" });
  assert.ok(names.includes("Ends at nine"));
  assert.ok(!names.includes("Ends a minute later"));
});

test("a track that starts exactly at the earliest start fits; a minute earlier does not", () => {
  const names = found(index([evening]), { from: "18:00" });
  assert.ok(names.includes("Starts at six"));
  assert.ok(!names.includes("Starts a minute earlier"));
});

test("every day of a track must be a day the person chose", () => {
  const names = found(index([evening]), { days: ["mon", "tue", "wed"] });
  assert.deepEqual(names.sort(), ["Ends a minute later", "Ends at nine", "Starts a minute earlier",
    "Starts at six"]);
  assert.deepEqual(found(index([evening]), { days: ["mon", "tue"] }).sort(),
    ["Starts a minute earlier", "Starts at six"]);
});

test("in-person programs within the distance; telehealth by the state it serves", () => {
  const near = provider("Near", [{ tracks: [["Near track", [["mon", "09:00", "12:00"]]]] }]);
  const far = provider("Far", [{ tracks: [["Far track", [["mon", "09:00", "12:00"]]]] }],
    { city: "Anna", lat: 37.46, lon: -89.25 });
  const video = provider("Video", [{ format: "telehealth", telehealth: ["IL"],
    tracks: [["Video track", [["mon", "09:00", "12:00"]]]] }],
  { city: "Minneapolis", state: "MN", lat: 44.98, lon: -93.27 });
  const chicago = { lat: 41.92, lon: -87.65, state: "IL" };
  assert.deepEqual(found(index([near, far, video]), { miles: "25" }, chicago),
    ["Near track", "Video track"]);
});
