// The finder's index decoded (data.js): columns, slugs, schedule facts and the cached loads.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  column, decodeIndex, decodeSlug, load, scheduleFacts, undelta,
} from "../../generator/theme/docs/javascripts/finder/data.js";
import { dayMask, minutes, provider, rawIndex } from "./index.js";

test("columns are base-36 digits or lists; coordinates are running sums", () => {
  assert.deepEqual([...column("0az", 3)], [0, 10, 35]);
  assert.deepEqual([...column([7, 40], 2)], [7, 40]);
  assert.deepEqual([...undelta([41920, 80, -1000], 1000)], [41.92, 42, 41]);
});

test("slugs are rebuilt from the provider's name and city as the index codes them", () => {
  assert.equal(decodeSlug("", "St. Mary's Clinic", "Aurora"), "st-mary-s-clinic");
  assert.equal(decodeSlug("=", "Harbor House", "Port Angeles"), "harbor-house-port-angeles");
  assert.equal(decodeSlug("6:-2", "Harbor House", "Port Angeles"), "harbor-2");
  assert.equal(decodeSlug("new-dawn", "Harbor House", "Aurora"), "new-dawn");
  assert.equal(decodeSlug("", "--A  B--", "X"), "a-b");
});

test("an index of another format version is refused, saying which", () => {
  const raw = { ...rawIndex([provider("A", [{}])]), v: 1 };
  assert.throws(() => decodeIndex(raw), /index format 1 is not 2/);
});

test("the decoded index numbers programs and tracks within their provider", () => {
  const raw = rawIndex([
    provider("A", [{ tracks: [["Day", [["mon", "09:00", "12:00"]]], ["Night", [["mon", "18:00", "21:00"]]]] },
      {}]),
    provider("B", [{ tracks: [["Only", [["sat", "09:00", "12:00"]]]] }], { city: "Aurora" }),
  ]);
  raw.provider.checked = "021";
  raw.provider.slug = ["", "="];
  const db = decodeIndex(raw);
  assert.deepEqual([db.P, db.G, db.T], [2, 3, 4]);
  assert.deepEqual([...db.programProvider], [0, 0, 1]);
  assert.deepEqual([...db.programNumber], [1, 2, 1]);
  assert.deepEqual([...db.programLocation], [0, 0, 1]);
  assert.deepEqual([...db.trackProgram], [0, 0, 1, 2]);
  assert.deepEqual([...db.trackNumber], [1, 2, 1, 1]);
  assert.deepEqual([...db.firstTrack], [0, 2, 3]);
  assert.deepEqual([...db.unlisted], [0, 0, 1, 0]);
  assert.deepEqual([db.anyListed, db.anyUnlisted], [true, true]);
  assert.deepEqual([...db.providerChecked], [0, 2]);
  assert.deepEqual(db.providerSlug, ["a", "b-aurora"]);
  assert.equal(db.codes.state.get("IL"), 0);
  assert.deepEqual(db.schema, {});
  const plain = decodeIndex(rawIndex([provider("A", [{ tracks: [["T", [["mon", "09:00", "12:00"]]]] }])]));
  assert.deepEqual([...plain.providerChecked], [0]);
  assert.deepEqual([plain.anyListed, plain.anyUnlisted], [true, false]);
});

test("a schedule's facts: days, hours, weekly minutes, evening and weekend badges", () => {
  const s = (days, start, end) => [dayMask(days), minutes(start), minutes(end)];
  const evening = scheduleFacts([s("mon,wed", "17:00", "20:00"), s("thu", "18:00", "21:30")]);
  assert.deepEqual({ ...evening, sessions: undefined }, { sessions: undefined,
    days: dayMask("mon,wed,thu"), lo: minutes("17:00"), hi: minutes("21:30"),
    evening: true, weekend: false, minutes: 3 * 60 * 2 + 210 });
  assert.equal(scheduleFacts([s("mon", "16:59", "20:00"), s("tue", "18:00", "20:00")]).evening, false);
  const weekend = scheduleFacts([s("sat,sun", "09:00", "12:00")]);
  assert.deepEqual([weekend.weekend, weekend.evening, weekend.minutes], [true, false, 360]);
  assert.equal(scheduleFacts([s("fri,sat", "09:00", "12:00")]).weekend, false);
  const none = scheduleFacts([]);
  assert.deepEqual([none.evening, none.weekend, none.minutes, none.days], [false, false, 0, 0]);
  assert.equal(scheduleFacts([s("mon", "20:00", "19:00")]).minutes, 0); // never below zero
});

test("a data file is fetched once from the same origin; a failed load is tried again", async () => {
  const real = globalThis.fetch;
  const asked = [];
  let ok = false;
  globalThis.fetch = async (url, options) => {
    asked.push([url, options.credentials]);
    return ok ? { ok: true, status: 200, json: async () => ({ n: 1 }) } : { ok: false, status: 404 };
  };
  try {
    const decode = (data) => ({ decoded: data.n });
    await assert.rejects(load("test/one.json", decode), /test\/one.json: 404/);
    await new Promise((resolve) => setTimeout(resolve, 0));
    ok = true;
    assert.deepEqual(await load("test/one.json", decode), { decoded: 1 });
    assert.equal(load("test/one.json", decode), load("test/one.json", decode));
    assert.deepEqual(asked, [["test/one.json", "same-origin"], ["test/one.json", "same-origin"]]);
  } finally {
    globalThis.fetch = real;
  }
});

test("a provider's later locations: its programs find them, and its slug its first city", () => {
  const raw = rawIndex([provider("A", [{}, {}]), provider("A in Aurora", [], { city: "Aurora" }),
    provider("B", [{}], { city: "Elgin" })]);
  raw.provider = { name: ["A", "B"], slug: ["=", "="], locations: [2, 1], programs: [2, 1],
    phone: raw.provider.phone.slice(0, 2) };
  raw.program.location = [0, 1, 0];
  const db = decodeIndex(raw);
  assert.deepEqual([...db.programLocation], [0, 1, 2]);
  assert.deepEqual(db.providerSlug, ["a-chicago", "b-elgin"]);
  assert.equal(decodeSlug("211", "Harbor House", "Aurora"), "211"); // digits are a slug too
});
