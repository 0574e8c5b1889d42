// What the finder says about a search (status.js).
import { test } from "node:test";
import assert from "node:assert/strict";

import { parseWeek } from "../../generator/theme/docs/javascripts/finder/avail.js";
import { search } from "../../generator/theme/docs/javascripts/finder/match.js";
import { emptyState } from "../../generator/theme/docs/javascripts/finder/query.js";
import { emptyTips, groupTitle, statusText } from "../../generator/theme/docs/javascripts/finder/status.js";
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
