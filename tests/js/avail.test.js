// When a person is free (avail.js): the avail= format and whether a track's sessions fit.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  applyPreset, emptyWeek, fits, formatWeek, measure, parseWeek,
} from "../../generator/theme/docs/javascripts/finder/avail.js";
import { dayMask, minutes } from "./index.js";

const at = (hhmm) => minutes(hhmm);
const session = (days, start, end) => [dayMask(days), at(start), at(end)];

test("the documented examples read as the documentation says", () => {
  const week = parseWeek("mon-fri@17:00-22:00,sat-sun");
  assert.deepEqual(week, [...Array(5).fill([at("17:00"), at("22:00")]), [null, null], [null, null]]);
  assert.deepEqual(parseWeek("mon-fri@17:30-")[0], [at("17:30"), null]);
  assert.deepEqual(parseWeek("mon-sun@-13:00")[6], [null, at("13:00")]);
  const mixed = parseWeek("mon@09:00-12:00,wed@09:00-12:00,fri");
  assert.deepEqual(mixed, [[540, 720], null, [540, 720], null, [null, null], null, null]);
});

test("a week is written back in one canonical form", () => {
  for (const text of ["mon-fri@17:00-22:00,sat-sun", "mon@-13:00,wed@18:00-,fri-sun@-13:00",
    "tue", "mon-sun@06:00-24:00"]) {
    assert.equal(formatWeek(parseWeek(text)), text);
  }
  assert.equal(formatWeek(parseWeek("sat,sun,mon,tue@09:00-12:00")), "mon,tue@09:00-12:00,sat-sun");
  assert.equal(formatWeek(emptyWeek()), "");
});

test("what a link cannot mean is left out, and a later item replaces an earlier one", () => {
  assert.deepEqual(parseWeek("funday,mon@25:00-26:00,tue@12:00-09:00,wed@9-5,thu@1@2"), emptyWeek());
  assert.deepEqual(parseWeek("MON"), parseWeek("mon"));
  assert.deepEqual(parseWeek("mon-fri,wed@18:00-")[2], [at("18:00"), null]);
  assert.deepEqual(parseWeek("fri-mon").map((d) => d !== null), [true, false, false, false, true, true, true]);
});

test("a track that ends exactly when the window closes fits; a minute later it misses by one", () => {
  const week = parseWeek("mon-fri@17:00-21:00");
  assert.ok(fits([session("mon,wed", "18:00", "21:00")], week));
  assert.equal(measure([session("mon,wed", "18:00", "21:00")], week), 0);
  assert.ok(!fits([session("mon,wed", "18:00", "21:01")], week));
  assert.deepEqual(measure([session("mon,wed", "18:00", "21:01")], week), { miss: 1, day: 0, early: false });
});

test("a track that starts exactly when the window opens fits; earlier it says by how much", () => {
  const week = parseWeek("mon-fri@17:30-");
  assert.ok(fits([session("tue", "17:30", "20:30")], week));
  assert.deepEqual(measure([session("mon", "18:00", "21:00"), session("thu", "17:00", "20:00")], week),
    { miss: 30, day: 3, early: true });
});

test("different hours on different days: every session must fit its own day", () => {
  const track = [session("mon,thu", "18:00", "21:00"), session("sat", "10:00", "12:00")];
  assert.ok(fits(track, parseWeek("mon-fri@17:00-22:00,sat@09:00-13:00")));
  assert.ok(!fits(track, parseWeek("mon-fri@17:00-22:00,sat@13:00-")));
  assert.ok(!fits(track, parseWeek("mon-fri@17:00-22:00"))); // Saturday not free
  assert.equal(measure(track, parseWeek("mon-fri@17:00-22:00")).miss, Infinity);
  assert.ok(!fits(track, parseWeek("mon-wed@17:00-22:00,sat"))); // Thursday not free
});

test("quick choices fill in their own days and leave the others", () => {
  const nine = applyPreset(emptyWeek(), "nine-to-five");
  assert.equal(formatWeek(nine), "mon-fri@17:30-,sat-sun");
  assert.equal(formatWeek(applyPreset(emptyWeek(), "evenings")), "mon-fri@17:00-");
  const both = applyPreset(applyPreset(emptyWeek(), "evenings"), "weekends");
  assert.equal(formatWeek(both), "mon-fri@17:00-,sat-sun");
  assert.equal(formatWeek(applyPreset(both, "mornings")), "mon-sun@-13:00");
  assert.equal(formatWeek(applyPreset(emptyWeek(), "afternoons")), "mon-fri@15:00-18:00");
});

test("more of what a link cannot mean: midnight as a start, one time, an empty window, three days", () => {
  assert.deepEqual(parseWeek("mon@24:00-"), emptyWeek()); // 24:00 ends a day, never starts one
  assert.deepEqual(parseWeek("mon@-24:00")[0], [null, 24 * 60]);
  assert.deepEqual(parseWeek("mon@18:00"), emptyWeek());
  assert.deepEqual(parseWeek("mon@18:00-18:00"), emptyWeek());
  assert.deepEqual(parseWeek("mon-tue-wed"), emptyWeek());
  assert.deepEqual(parseWeek(""), emptyWeek());
  assert.deepEqual(parseWeek(undefined), emptyWeek());
  assert.deepEqual(parseWeek(" mon @18:00-"), emptyWeek()); // no space inside an item
  assert.deepEqual(parseWeek(" tue , wed@09:05-17:30 ")[2], [at("09:05"), at("17:30")]);
  assert.equal(formatWeek(parseWeek("mon@09:05-17:30")), "mon@09:05-17:30");
});

test("an unknown quick choice changes nothing, and a choice never changes the week it is given", () => {
  const week = parseWeek("tue@18:00-");
  assert.deepEqual(applyPreset(week, "midnight"), week);
  const evenings = applyPreset(week, "evenings");
  assert.deepEqual(week, parseWeek("tue@18:00-"));
  evenings[0][0] = 0; // each day has a window of its own
  assert.deepEqual(evenings[1], [at("17:00"), null]);
});

test("of several sessions that miss, the worst is named, late or early", () => {
  const week = parseWeek("mon-fri@17:00-21:00");
  const track = [session("mon", "16:50", "21:00"), session("wed", "18:00", "21:30"),
    session("fri", "16:00", "20:00")];
  assert.deepEqual(measure(track, week), { miss: 60, day: 4, early: true });
  assert.deepEqual(measure(track.slice(0, 2), week), { miss: 30, day: 2, early: false });
  assert.deepEqual(measure([session("tue", "16:00", "22:30")], week), { miss: 90, day: 1, early: false });
  assert.deepEqual(measure([session("tue", "15:30", "22:00")], week), { miss: 90, day: 1, early: true });
  assert.equal(measure([], week), 0);
  assert.ok(fits([], week));
});

test("a link's days and times are read whole, not in part", () => {
  for (const text of ["mon@18:00x-", "mon@118:00-", "mon@-21:000", "funday-mon", "mon-funday",
    "thu@18:00-21:00@x", "mon@18:00-19:00-20:00", "mon@25:00-21:00", "mon@18:00-26:00",
    "mon@-00:00"]) { // the last, a window that closes as the day begins, is empty
    assert.deepEqual(parseWeek(text), emptyWeek(), text);
  }
  const week = parseWeek("mon-tue@18:00-");
  week[0][0] = 0; // each day has a window of its own
  assert.deepEqual(week[1], [at("18:00"), null]);
});

test("days with the same start but another end are written apart", () => {
  assert.equal(formatWeek(parseWeek("mon@18:00-20:00,tue@18:00-21:00")),
    "mon@18:00-20:00,tue@18:00-21:00");
  assert.equal(formatWeek(parseWeek("mon@17:00-21:00,tue@18:00-21:00")),
    "mon@17:00-21:00,tue@18:00-21:00");
});

test("a session on a day the person cannot come is neither early nor late; of equal misses, the first day is named", () => {
  const week = parseWeek("mon-fri@17:00-21:00");
  assert.deepEqual(measure([session("sat", "10:00", "12:00")], week),
    { miss: Infinity, day: 5, early: false });
  assert.deepEqual(measure([session("mon,wed", "16:30", "20:00")], week), { miss: 30, day: 0, early: true });
  assert.deepEqual(measure([session("tue", "18:00", "21:30"), session("thu", "16:30", "20:00")], week),
    { miss: 30, day: 1, early: false });
});
