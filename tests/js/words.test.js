// Words the finder shows (words.js, messages.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

import { MESSAGES, say } from "../../generator/theme/docs/javascripts/finder/messages.js";
import { emptyWeek, parseWeek } from "../../generator/theme/docs/javascripts/finder/avail.js";
import {
  clock, dayCodes, dayText, distanceText, durationText, hhmm, hoursText, milesText,
  sessionsText, stateNames, telHref, weekText,
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

test("noon, the minute before it, and times that wrap round midnight", () => {
  assert.deepEqual([clock(720), clock(719), clock(780), clock(-30)],
    ["12:00 PM", "11:59 AM", "1:00 PM", "11:30 PM"]);
  assert.deepEqual([hhmm(545), hhmm(0)], ["09:05", "00:00"]);
});

test("days: two together are listed, three or more a range, the whole week Mon to Sun", () => {
  assert.equal(dayText(dayMask("mon,tue")), "Mon, Tue");
  assert.equal(dayText(dayMask("sat,sun")), "Sat, Sun");
  assert.equal(dayText(0x7f), "Mon to Sun");
  assert.equal(dayText(dayMask("mon,wed,thu,fri,sun")), "Mon, Wed to Fri, Sun");
  assert.equal(dayCodes(dayMask("mon,sat")), "mon,sat");
});

test("sessions, hours and the person's week in words", () => {
  assert.equal(sessionsText([[dayMask("mon,wed"), 1080, 1260], [dayMask("sat"), 540, 720]]),
    "Mon, Wed 6:00 PM to 9:00 PM; Sat 9:00 AM to 12:00 PM");
  assert.deepEqual([hoursText(90), hoursText(100), hoursText(60)], ["1.5 hours", "1.67 hours", "1 hour"]);
  assert.deepEqual([durationText(0), durationText(125), durationText(120)],
    ["0 minutes", "2 hours 5 minutes", "2 hours"]);
  assert.equal(weekText(emptyWeek()), "any day, any time");
  assert.equal(weekText(parseWeek("mon-fri@17:30-,sat-sun")), "Mon to Fri from 5:30 PM; Sat, Sun all day");
  assert.equal(weekText(parseWeek("mon@-13:00,wed@-13:00,thu-fri@09:00-12:00")),
    "Mon, Wed until 1:00 PM; Thu, Fri 9:00 AM to 12:00 PM");
});

test("distances at their edges, and the states a video program serves", () => {
  assert.deepEqual([milesText(1), milesText(2.5)], ["1 mile", "2.5 miles"]);
  assert.deepEqual([distanceText(0.1, false), distanceText(9.94, false), distanceText(10, false)],
    ["0.1 miles away", "9.9 miles away", "10 miles away"]);
  assert.deepEqual([distanceText(1, true), distanceText(0.99, true)],
    ["about 1 mile, by ZIP code", "less than 1 mile, by ZIP code"]);
  const db = { labels: { state: [["IL", "Illinois"], ["IN", "Indiana"], ["WI", "Wisconsin"],
    ["MI", "Michigan"], ["IA", "Iowa"], ["MN", "Minnesota"]] } };
  assert.equal(stateNames(db, [0, 1, 2, 3]), "Illinois, Indiana, Wisconsin, Michigan");
  assert.equal(stateNames(db, [0, 1, 2, 3, 4]), "Illinois, Indiana, Wisconsin, Michigan and 1 more state");
  assert.equal(stateNames(db, [0, 1, 2, 3, 4, 5]),
    "Illinois, Indiana, Wisconsin, Michigan and 2 more states");
});

test("tel: addresses: an extension's plus sign dropped, an empty extension left out", () => {
  assert.equal(telHref("(503) 555-0142 ext. +12"), "tel:+15035550142;ext=12");
  assert.equal(telHref("(503) 555-0142 ext. "), "tel:+15035550142");
  assert.equal(telHref("+44 20 7946 0000"), "tel:+442079460000");
});

test("days with the same start but another end are said apart; a + number is kept as written", () => {
  assert.equal(weekText(parseWeek("mon@18:00-20:00,tue@18:00-21:00")),
    "Mon 6:00 PM to 8:00 PM; Tue 6:00 PM to 9:00 PM");
  assert.equal(telHref("+354 555 123"), "tel:+354555123");
  assert.equal(telHref("555-0142 ext. 12 (desk)"), "tel:5550142;ext=12");
  assert.equal(telHref("555-0142 ext. ++12"), "tel:5550142;ext=12");
});
