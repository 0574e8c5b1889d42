// What the finder says about a search (status.js).
import { test } from "node:test";
import assert from "node:assert/strict";

import { parseWeek } from "../../generator/theme/docs/javascripts/finder/avail.js";
import { search } from "../../generator/theme/docs/javascripts/finder/match.js";
import { emptyState } from "../../generator/theme/docs/javascripts/finder/query.js";
import { emptyTips, groupTitle, linkNoteText, statusText } from "../../generator/theme/docs/javascripts/finder/status.js";
import { localise } from "../../generator/theme/docs/javascripts/finder/zones.js";
import { index, provider } from "./index.js";

const CHICAGO = { lat: 41.92, lon: -87.65, state: "IL", zip: "60614" };

function said(providers, wanted, place, shown = 20) {
  const db = index(providers);
  localise(db, "America/Chicago", new Date(Date.UTC(2027, 0, 13, 12)));
  const state = { ...emptyState(), ...wanted, avail: parseWeek(wanted.avail || "") };
  const result = search(db, state, place);
  return { db, state, result, text: statusText(db, result, state, shown) };
}

test("when nothing nearby lists its hours, the status says so and counts them", () => {
  const { text, result } = said([provider("A", [{}]), provider("B", [{}])],
    { miles: "10", avail: "mon-fri@17:00-" }, CHICAGO);
  assert.equal(result.total, 2);
  assert.equal(text, "2 programs within 10 miles of ZIP 60614. None of them lists its hours yet: "
    + "call to ask when they meet.");
});

test("the status counts every group, and says when only the first are shown", () => {
  const fit = provider("Fit", [{ tracks: [["T", [["mon", "18:00", "21:00"]]]] }]);
  const close = provider("Close", [{ tracks: [["T", [["mon", "16:30", "19:00"]]]] }]);
  const video = provider("Video", [{ format: "telehealth", telehealth: ["IL"],
    tracks: [["T", [["tue", "18:00", "20:00"]]]] }], { state: "MN", lat: 44.98, lon: -93.27 });
  const { db, state, result, text } = said([fit, close, video, provider("None", [{}])],
    { avail: "mon-fri@17:00-" }, CHICAGO, 3);
  assert.equal(text, "4 programs: 1 fits your week, 1 by video from IL, 1 nearly fits, "
    + "1 has not listed its hours. Showing the first 3.");
  assert.equal(groupTitle(db, "near", result, state), "In person, within 25 miles of ZIP 60614");
  assert.equal(groupTitle(db, "video", result, state), "By video, from anywhere in IL");
});

test("tips to widen a search name what was chosen", () => {
  const state = { ...emptyState(), avail: parseWeek("sun"), pay: "medicaid", zip: "6061" };
  assert.deepEqual(emptyTips(state, null, (key) => ({ pay: "Insurance or payment" })[key]), [
    "Choose more days or longer hours.", "Set Insurance or payment back to Any.",
    "Check the ZIP code."]);
});

test("a ZIP code that is not used is named in the status line", () => {
  const programs = [provider("A", [{}])];
  assert.equal(said(programs, { zip: "6061" }, null).text,
    "ZIP code 6061 is not complete (five digits), so programs everywhere are listed. "
    + "1 program: 1 has not listed its hours.");
  assert.match(said(programs, { zip: "00000" }, null).text,
    /^ZIP code 00000 was not found, so programs everywhere are listed\. /);
});

test("a video-only search answered with programs partly by video says so first", () => {
  const { text, db } = said([provider("A", [{ format: "hybrid" }])], { fmt: "telehealth" }, CHICAGO);
  assert.match(text, /^No program that matches the rest of your search says it can be attended entirely by video\. These meet in person with some sessions by video: call to ask how many can be by video\. 1 program/);
  db.codes.format.delete("telehealth");
  const state = { ...emptyState(), fmt: "telehealth", avail: parseWeek("") };
  const result = { ...search(db, state, CHICAGO), videoInstead: true };
  assert.match(statusText(db, result, state, 20), /^No program in this directory says it can be attended entirely by video yet\./);
});

test("a video-only search with no program even partly by video says nothing of those", () => {
  const { text } = said([provider("A", [{ format: "in_person" }])], { fmt: "telehealth" }, CHICAGO);
  assert.equal(text, "No program that matches the rest of your search says it can be attended " +
    "entirely by video. No program matches your search.");
});

test("when no program lists its hours, choosing hours is not offered as a way to widen", () => {
  const state = { ...emptyState(), avail: parseWeek("sun"), listed: false };
  assert.deepEqual(emptyTips(state, null, () => "", false), []);
  assert.deepEqual(emptyTips(state, null, () => ""), ["Choose more days or longer hours."]);
});

test("parts of a link that were not used are said in words, by the control's name", () => {
  const label = (key) => ({ pay: "Insurance or payment", level: "Level of care" })[key];
  const notes = [{ key: "zip", value: "1001", used: "01001" }, { key: "miles", value: "15", used: "25" },
    { key: "miles", value: "500", used: "any" }, { key: "pay", value: "gold", used: "" },
    { key: "listed", value: "1", used: "", none: true }, { key: "insurance", value: "x", used: "" }];
  assert.deepEqual(notes.map((n) => linkNoteText(n, label)), [
    "Using ZIP 01001 for “1001” (a ZIP code has five digits).",
    "Distance: “15” is not one of the choices, so 25 miles is used.",
    "Distance: “500” is not one of the choices, so any distance is used.",
    "Insurance or payment: “gold” is not one of the choices, so it is left out.",
    "“Only programs that list their hours” is left out: no program in this directory lists its hours yet.",
    "“insurance” is not part of the finder's links and is left out."]);
});

test("every group's title, and the status of a search that finds nothing", () => {
  const fit = provider("Fit", [{ tracks: [["T", [["mon", "18:00", "21:00"]]]] }]);
  const close = provider("Close", [{ tracks: [["T", [["mon", "16:30", "19:00"]]]] }]);
  const asked = said([fit, close, provider("None", [{}])], { avail: "mon-fri@17:00-" }, null);
  assert.deepEqual(["fit", "close", "unlisted"].map((k) => groupTitle(asked.db, k, asked.result, asked.state)),
    ["Programs that fit your week", "Nearly fit: check the times", "Hours not listed yet: call to ask"]);
  const open = said([fit], {}, null);
  assert.equal(groupTitle(open.db, "fit", open.result, open.state), "Programs");
  assert.equal(open.text, "1 program: 1 lists its hours.");
  const any = said([fit], { miles: "any" }, CHICAGO);
  assert.equal(groupTitle(any.db, "near", any.result, any.state), "In person, near ZIP 60614");
  assert.equal(said([fit], { avail: "sun" }, null).text, "No program matches your search.");
  const two = provider("Two", [{ tracks: [["T", [["tue", "18:00", "21:00"]]]] }]);
  assert.equal(said([fit, two], {}, null, 2).text, "2 programs: 2 list their hours."); // all shown
});

test("tips name the listed box, the distance and the words typed", () => {
  const state = { ...emptyState(), listed: true, text: "harbor", miles: "10" };
  assert.deepEqual(emptyTips(state, CHICAGO, () => ""), ["Uncheck “Only programs that list their hours”.",
    "Choose a larger distance.", "Check the spelling in Name or city, or clear it."]);
  assert.equal(emptyTips({ ...state, miles: "any" }, CHICAGO, () => "").length, 2);
  assert.equal(emptyTips(state, null, () => "").length, 2);
});

test("notes of a link: a bad ZIP code, hours, a listed value and text, each in its own words", () => {
  const label = (key) => ({ text: "Name or city" })[key];
  const notes = [{ key: "zip", value: "123", used: "123" }, { key: "avail", value: "funday", used: "" },
    { key: "listed", value: "maybe", used: "" }, { key: "text", value: "x", used: "" }];
  assert.deepEqual(notes.map((n) => linkNoteText(n, label)), [
    "“123” is not a ZIP code, so distance is not used.",
    "Days and hours: part of “funday” was not understood and is left out.",
    "“Only programs that list their hours”: “maybe” was not understood and is left out.",
    "Name or city: “x” is not one of the choices, so it is left out."]);
});
