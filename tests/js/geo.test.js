// The ZIP table as the finder reads it (geo.js): decoding, lookup by code and by the nearest
// point, and distances. The table is written here the way finder_index.encode_zips writes it.
import { test } from "node:test";
import assert from "node:assert/strict";

import { decodeZips, miles, nearestZip, zipPlace } from
  "../../generator/theme/docs/javascripts/finder/geo.js";

const SCALE = 100;

/** finder/zips.json for rows [code, state, lat, lon], as encode_zips makes it. */
function encode(rows) {
  const sorted = [...rows].sort((a, b) => a[0].localeCompare(b[0]));
  const states = [...new Set(sorted.map((r) => r[1]))].sort();
  const delta = (values) => values.map((v, i) => v - (i ? values[i - 1] : 0));
  const runs = [];
  for (const row of sorted) {
    const s = states.indexOf(row[1]);
    if (runs.length && runs[runs.length - 2] === s) runs[runs.length - 1] += 1;
    else runs.push(s, 1);
  }
  return {
    states,
    zip: delta(sorted.map((r) => Number(r[0]))),
    lat: delta(sorted.map((r) => Math.round(r[2] * SCALE))),
    lon: delta(sorted.map((r) => Math.round(r[3] * SCALE))),
    state: runs,
  };
}

// Approximate centroids; two Massachusetts runs around New York test the state runs.
const ROWS = [
  ["00501", "NY", 40.81, -73.04],
  ["01001", "MA", 42.06, -72.63],
  ["01002", "MA", 42.38, -72.52],
  ["10001", "NY", 40.75, -73.99],
  ["02108", "MA", 42.36, -71.07],
  ["60614", "IL", 41.92, -87.65],
  ["85004", "AZ", 33.45, -112.07],
  ["99501", "AK", 61.22, -149.86],
];
const ZIPS = decodeZips(encode(ROWS));

test("every code is found with its state and place, leading zeros kept", () => {
  for (const [code, state, lat, lon] of ROWS) {
    assert.deepEqual(zipPlace(ZIPS, code), { zip: code, state, lat, lon });
  }
});

test("a code not in the table is not found, below, between and above the others", () => {
  for (const code of ["00500", "00502", "01003", "60615", "99502", "99999", "00000"]) {
    assert.equal(zipPlace(ZIPS, code), null, code);
  }
  assert.equal(zipPlace(ZIPS, "abcde"), null);
});

test("tables of one and two codes are searched to their ends", () => {
  const one = decodeZips(encode([["60614", "IL", 41.92, -87.65]]));
  assert.equal(zipPlace(one, "60614").state, "IL");
  assert.equal(zipPlace(one, "60613"), null);
  assert.equal(zipPlace(one, "60615"), null);
  const two = decodeZips(encode([["10001", "NY", 40.75, -73.99], ["60614", "IL", 41.92, -87.65]]));
  assert.equal(zipPlace(two, "10001").state, "NY");
  assert.equal(zipPlace(two, "60614").state, "IL");
  assert.equal(zipPlace(two, "30000"), null);
  const empty = decodeZips(encode([]));
  assert.equal(zipPlace(empty, "60614"), null);
  assert.equal(nearestZip(empty, 41.9, -87.6), null);
});

test("state runs are decoded in order, the same state in two runs", () => {
  const states = ROWS.map((r) => r[0]).sort().map((code) => zipPlace(ZIPS, code).state);
  assert.deepEqual(states, ["NY", "MA", "MA", "MA", "NY", "IL", "AZ", "AK"]);
});

test("the nearest code to a point is the closest centroid, not the first or the last", () => {
  assert.equal(nearestZip(ZIPS, 41.88, -87.63).zip, "60614"); // downtown Chicago
  assert.equal(nearestZip(ZIPS, 42.35, -71.06).zip, "02108"); // Boston
  assert.equal(nearestZip(ZIPS, 40.81, -73.04).zip, "00501"); // exactly on the first
  assert.equal(nearestZip(ZIPS, 61.2, -149.9).zip, "99501"); // near the last
  assert.equal(nearestZip(ZIPS, 42.37, -72.55).zip, "01002"); // between two close ones
  assert.equal(nearestZip(ZIPS, 42.07, -72.62).zip, "01001");
});

test("of two codes at the same distance, the first in the table is nearest", () => {
  const twins = decodeZips(encode([["10001", "NY", 40, -74], ["10002", "NY", 40, -74]]));
  assert.equal(nearestZip(twins, 41, -74).zip, "10001");
});

test("distances are great-circle miles", () => {
  assert.equal(miles(41.92, -87.65, 41.92, -87.65), 0);
  const degree = miles(40, -90, 41, -90); // one degree of latitude: 69.09 miles
  assert.ok(Math.abs(degree - 69.094) < 0.01, String(degree));
  const east = miles(0, 0, 0, 1); // one degree of longitude on the equator, the same
  assert.ok(Math.abs(east - 69.094) < 0.01, String(east));
  const north = miles(60, 0, 60, 1); // half as much at 60 degrees north
  assert.ok(Math.abs(north - 34.54) < 0.05, String(north));
  const chicagoNewYork = miles(41.8781, -87.6298, 40.7128, -74.006);
  assert.ok(Math.abs(chicagoNewYork - 711.7) < 1, String(chicagoNewYork));
  assert.equal(miles(40.7128, -74.006, 41.8781, -87.6298), chicagoNewYork);
  const antipodes = miles(0, 0, 0, 180); // half the Earth's circumference
  assert.ok(Math.abs(antipodes - Math.PI * 3958.8) < 0.01, String(antipodes));
});
