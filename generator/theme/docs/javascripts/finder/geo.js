/*
 * Geography: the ZIP centroid table (finder/zips.json), looked up by code or by the nearest
 * point, and distances in miles. Everything is computed on the device.
 */
import { undelta } from "./data.js";

const ZIP_SCALE = 100;

export function decodeZips(raw) {
  const n = raw.zip.length;
  const zip = new Int32Array(n), state = new Uint8Array(n);
  // `<=` in these two loops (a mutant) changes nothing: a typed array drops a write past its
  // end, and fill(undefined, at, NaN) fills nothing.
  for (let i = 0, sum = 0; i < n; i++) zip[i] = sum += raw.zip[i];
  for (let i = 0, at = 0; i < raw.state.length; i += 2) {
    state.fill(raw.state[i], at, (at += raw.state[i + 1]));
  }
  return { zip, state, states: raw.states, lat: undelta(raw.lat, ZIP_SCALE),
           lon: undelta(raw.lon, ZIP_SCALE) };
}

/** The place of a five-digit ZIP code, or null: a binary search of the sorted codes. */
export function zipPlace(zips, code) {
  const wanted = Number(code);
  // Past the end (a mutant) `undefined` compares as neither equal nor smaller: the search
  // moves left, as it would from a larger code.
  // Stryker disable next-line ArithmeticOperator: as above
  let lo = 0, hi = zips.zip.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (zips.zip[mid] === wanted) return placeAt(zips, mid);
    // `<=` (a mutant) changes nothing: an equal code has returned above.
    if (zips.zip[mid] < wanted) lo = mid + 1; else hi = mid - 1;
  }
  return null;
}

export function nearestZip(zips, lat, lon) {
  let best = -1, bestMiles = Infinity;
  for (let i = 0; i < zips.zip.length; i++) { // `<=`: miles to undefined is NaN, never nearer
    const d = miles(lat, lon, zips.lat[i], zips.lon[i]);
    if (d < bestMiles) { best = i; bestMiles = d; }
  }
  return best < 0 ? null : placeAt(zips, best);
}

function placeAt(zips, i) {
  return { zip: String(zips.zip[i]).padStart(5, "0"), lat: zips.lat[i], lon: zips.lon[i],
           state: zips.states[zips.state[i]] };
}

/** Great-circle distance in miles (haversine). */
export function miles(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 3958.8 * 2 * Math.asin(Math.sqrt(a));
}
