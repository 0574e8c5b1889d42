// Words the finder shows (words.js, messages.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

import { MESSAGES, say } from "../../generator/theme/docs/javascripts/finder/messages.js";
import {
  clock, dayText, distanceText, durationText, telHref,
} from "../../generator/theme/docs/javascripts/finder/words.js";
import { dayMask } from "./index.js";

const SCRIPTS = new URL("../../generator/theme/docs/javascripts/finder/", import.meta.url);

test("tel: addresses are built as the provider pages build them (generator/model/links.py)", () => {
  assert.equal(telHref("(503) 555-0142"), "tel:+15035550142");
  assert.equal(telHref("503.555.0142 ext. 12"), "tel:+15035550142;ext=12");
  assert.equal(telHref("+1 787 555 0100"), "tel:+17875550100");
  assert.equal(telHref("555-0142"), "tel:5550142");
});

test("a distance to a ZIP code's centre says so and claims no tenths", () => {
  assert.equal(distanceText(2.44, false), "2.4 miles away");
  assert.equal(distanceText(0.04, false), "less than 0.1 miles away");
  assert.equal(distanceText(12.6, false), "13 miles away");
  assert.equal(distanceText(2.6, true), "about 3 miles, by ZIP code");
  assert.equal(distanceText(0.2, true), "less than 1 mile, by ZIP code");
  assert.equal(distanceText(1.2, true), "about 1 mile, by ZIP code");
});

test("times, days and durations", () => {
  assert.equal(clock(0), "12:00 AM");
  assert.equal(clock(18 * 60 + 30), "6:30 PM");
  assert.equal(clock(24 * 60 + 60), "1:00 AM");
  assert.equal(dayText(dayMask("mon,tue,wed,fri")), "Mon to Wed, Fri");
  assert.equal(durationText(30), "30 minutes");
  assert.equal(durationText(60), "1 hour");
  assert.equal(durationText(90), "1 hour 30 minutes");
});

test("every message a script asks for exists (so a translation knows every key)", () => {
  for (const name of readdirSync(SCRIPTS).filter((n) => n.endsWith(".js"))) {
    const source = readFileSync(new URL(name, SCRIPTS), "utf8");
    for (const [, key] of source.matchAll(/\bsay\("(\w+)"/g)) {
      assert.ok(key in MESSAGES, `${name}: say("${key}") has no message`);
    }
  }
  assert.equal(say("hours", { n: 1 }), "1 hour");
  assert.equal(say("showButton", { n: 1234 }), "Show 1,234 programs");
});

test("slugs decode as generator/finder/finder_index.py codes them", async () => {
  const { decodeSlug } = await import("../../generator/theme/docs/javascripts/finder/data.js");
  const cases = [["", "hope-house"], ["=", "hope-house-salem"], ["16:-2", "hope-house-salem-2"],
    ["11:bend", "hope-house-bend"], ["other-name", "other-name"]];
  for (const [coded, slug] of cases) assert.equal(decodeSlug(coded, "Hope House", "Salem"), slug);
});
