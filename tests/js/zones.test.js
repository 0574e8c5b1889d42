// Time zones (zones.js): sessions as the person lives them, in any season.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  localise, rotate, shiftSessions, userZone, zoneOffset,
} from "../../generator/theme/docs/javascripts/finder/zones.js";
import { dayMask, index, minutes, provider } from "./index.js";

const WINTER = new Date(Date.UTC(2027, 0, 13, 12));
const SUMMER = new Date(Date.UTC(2026, 6, 15, 12));

test("offsets follow daylight saving time", () => {
  assert.equal(zoneOffset("America/Chicago", WINTER), -360);
  assert.equal(zoneOffset("America/Chicago", SUMMER), -300);
  assert.equal(zoneOffset("Asia/Tokyo", SUMMER), 540);
});

test("a day bitmask rotates round the week", () => {
  assert.equal(rotate(dayMask("sun"), 1), dayMask("mon"));
  assert.equal(rotate(dayMask("mon"), -1), dayMask("sun"));
  assert.equal(rotate(dayMask("mon,tue,thu"), 8), dayMask("tue,wed,fri"));
});

test("eastward across midnight: the session moves to the next day", () => {
  const [[days, start, end]] = shiftSessions([[dayMask("mon,tue,thu"), minutes("18:30"),
    minutes("21:30")]], 900);
  assert.deepEqual([days, start, end], [dayMask("tue,wed,fri"), minutes("09:30"), minutes("12:30")]);
});

test("westward across midnight: the session moves to the day before", () => {
  const [[days, start, end]] = shiftSessions([[dayMask("tue,sat"), minutes("01:00"),
    minutes("03:00")]], -180);
  assert.deepEqual([days, start, end], [dayMask("mon,fri"), minutes("22:00"), minutes("24:00")]);
  const [[monday]] = shiftSessions([[dayMask("mon"), 0, 60]], -1);
  assert.equal(monday, dayMask("sun"));
});

test("video sessions are shown in the person's time with the offsets of the day", () => {
  const db = index([provider("Video", [{ format: "telehealth",
    tracks: [["Evening", [["mon,tue,thu", "18:30", "21:30"]]]] }])]);
  localise(db, "Asia/Tokyo", WINTER);
  assert.deepEqual(db.shifted[0].sessions, [[dayMask("tue,wed,fri"), minutes("09:30"),
    minutes("12:30")]]);
  const summer = index([provider("Video", [{ format: "telehealth",
    tracks: [["Evening", [["mon,tue,thu", "18:30", "21:30"]]]] }])]);
  localise(summer, "Asia/Tokyo", SUMMER);
  assert.deepEqual(summer.shifted[0].sessions, [[dayMask("tue,wed,fri"), minutes("08:30"),
    minutes("11:30")]]);
});

test("programs that meet in person keep their local times, even partly by video", () => {
  const db = index([provider("Here", [
    { tracks: [["Evening", [["mon", "18:30", "21:30"]]]] },
    { format: "hybrid", tracks: [["Evening", [["mon", "18:30", "21:30"]]]] },
  ])]);
  localise(db, "Asia/Tokyo", WINTER);
  assert.deepEqual([db.shifted[0], db.shifted[1]], [null, null]);
  assert.deepEqual(db.lived[1], [[dayMask("mon"), minutes("18:30"), minutes("21:30")]]);
});

test("offsets at local midnight and with seconds on the clock", () => {
  const midnight = new Date(Date.UTC(2027, 0, 13, 6, 30)); // 00:30 in Chicago
  assert.equal(zoneOffset("America/Chicago", midnight), -360);
  const seconds = new Date(Date.UTC(2027, 0, 13, 12, 0, 45));
  assert.equal(zoneOffset("America/Chicago", seconds), -360);
  assert.equal(zoneOffset("Asia/Kolkata", seconds), 330);
});

test("the person's zone as the browser says it, or none", () => {
  assert.equal(userZone(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const real = Intl.DateTimeFormat;
  try {
    Intl.DateTimeFormat = () => { throw new Error("no Intl"); };
    assert.equal(userZone(), "");
    Intl.DateTimeFormat = () => ({ resolvedOptions: () => ({}) });
    assert.equal(userZone(), "");
  } finally {
    Intl.DateTimeFormat = real;
  }
});

test("with no zone of the person's, or a zone no browser knows, video times stay as listed", () => {
  const video = (zone) => index([provider("Video", [{ format: "telehealth",
    tracks: [["Evening", [["mon", "18:30", "21:30"]]]] }], { zone })]);
  const unknown = video("America/Chicago");
  localise(unknown, "", WINTER);
  assert.deepEqual(unknown.shifted, [null]);
  assert.deepEqual(unknown.lived[0], [[dayMask("mon"), minutes("18:30"), minutes("21:30")]]);
  const mars = video("Mars/Olympus_Mons");
  localise(mars, "Asia/Tokyo", WINTER);
  assert.deepEqual(mars.shifted, [null]);
});

test("two tracks of one schedule share its moved facts; unlisted hours are never moved", () => {
  const db = index([
    provider("Chicago Video", [{ format: "telehealth", tracks: [
      ["A", [["mon", "18:30", "21:30"]]], ["B", [["tue", "09:00", "12:00"]]]] }, { format: "telehealth" }]),
    provider("Denver Video", [{ format: "telehealth", tracks: [["C", [["mon", "18:30", "21:30"]]]] }],
      { zone: "America/Denver", state: "CO" }),
  ]);
  localise(db, "America/New_York", WINTER);
  assert.deepEqual(db.lived.map((s) => s.map(([, start]) => start)),
    [[minutes("19:30")], [minutes("10:00")], [], [minutes("20:30")]]);
  assert.equal(db.shifted[2], null);
  assert.equal(db.shifted[3].evening, true);
});
