// The search in the page address (query.js): the stable link format partners use.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  asksHours, emptyState, fromQuery, isEmpty, readLink, toQuery,
} from "../../generator/theme/docs/javascripts/finder/query.js";

test("a search survives the round trip through the address", () => {
  const query = "?zip=60614&miles=10&avail=mon-fri@17:00-22:00,sat-sun&listed=1&pay=medicaid&lang=es&text=lincoln%20park";
  assert.equal(toQuery(fromQuery(query)), query);
});

test("the default distance of 25 miles is not written; any distance is", () => {
  assert.equal(fromQuery("?zip=60614").miles, "25");
  assert.equal(toQuery(fromQuery("?zip=60614&miles=25")), "?zip=60614");
  assert.equal(toQuery(fromQuery("?zip=60614&miles=any")), "?zip=60614&miles=any");
  assert.equal(toQuery(fromQuery("?miles=10")), ""); // no ZIP code: no distance
});

test("the site search's q is never read or written", () => {
  const state = fromQuery("?q=portland&text=salem");
  assert.equal(state.text, "salem");
  assert.ok(!toQuery(state).includes("q="));
});

test("values a link cannot mean are dropped", () => {
  const state = fromQuery("?zip=97-201x&miles=7&avail=funday&listed=maybe");
  assert.equal(state.zip, "97201");
  assert.equal(state.miles, "10"); // the choice that covers 7 miles
  assert.ok(isEmpty({ ...state, zip: "" }));
});

test("links of the first finder open the nearest search in the new format", () => {
  const cases = {
    "?days=mon,tue,wed,thu&from=17:00": "?avail=mon-thu@17:00-",
    "?days=mon,tue&eve=1": "?avail=mon-tue@17:00-",
    "?wknd=1": "?avail=sat-sun",
    "?eve=1&wknd=1": "?avail=mon-fri@17:00-,sat-sun",
    "?to=13:00": "?avail=mon-sun@-13:00",
    "?days=sat,sun&to=14:00&lang=es": "?avail=sat-sun@-14:00&lang=es",
  };
  for (const [old, now] of Object.entries(cases)) assert.equal(toQuery(fromQuery(old)), now, old);
});

test("an empty search is an empty address", () => {
  assert.ok(isEmpty(emptyState()));
  assert.equal(toQuery(emptyState()), "");
});

test("links are read whatever their case, and a distance becomes the choice that covers it", () => {
  const { state, notes } = readLink("?zip=97201&miles=15&pay=Medicaid&LEVEL=php&fmt=TeleHealth&lang=ES");
  assert.equal(state.pay, "medicaid");
  assert.equal(state.fmt, "telehealth");
  assert.equal(state.lang, "es");
  assert.equal(state.miles, "25");
  assert.equal(toQuery(state), "?zip=97201&pay=medicaid&lang=es&fmt=telehealth");
  assert.deepEqual(notes, [{ key: "miles", value: "15", used: "25" },
    { key: "LEVEL", value: "php", used: "" }]); // names are case-sensitive, and it says so
  assert.equal(readLink("?zip=1&miles=500").state.miles, "any");
  assert.equal(readLink("?zip=1&miles=3").state.miles, "5");
  assert.equal(readLink("?zip=1&miles=far").state.miles, "25");
});

test("a four-digit ZIP code gets its leading zero back, and the link says so", () => {
  const { state, notes } = readLink("?zip=1001");
  assert.equal(state.zip, "01001");
  assert.deepEqual(notes, [{ key: "zip", value: "1001", used: "01001" }]);
  assert.deepEqual(readLink("?zip=01001-1234").notes, []); // ZIP+4 is a ZIP code
  assert.equal(readLink("?zip=01001-1234").state.zip, "01001");
  assert.deepEqual(readLink("?zip=123").notes, [{ key: "zip", value: "123", used: "123" }]);
});

test("the parts of a link that mean nothing are named", () => {
  const { notes } = readLink("?avail=mon@18:00-21:00,funday&listed=maybe&insurance=medicaid&q=x&fits=1");
  assert.deepEqual(notes.map((n) => n.key), ["avail", "listed", "insurance"]);
  assert.equal(notes[0].used, "mon@18:00-21:00");
  assert.deepEqual(readLink("?days=mon&eve=1&listed=1&text=a").notes, []);
});

test("long values are cut: 100 characters of text, 40 of a code", () => {
  const state = fromQuery(`?text=${"a".repeat(150)}&pay=${"b".repeat(50)}`);
  assert.equal(state.text, "a".repeat(100));
  assert.equal(state.pay, "b".repeat(40));
});

test("text keeps its commas, colons and at signs readable in the address", () => {
  assert.equal(toQuery({ ...emptyState(), text: "a,b: c@d&e" }), "?text=a,b:%20c@d%26e");
});

test("listed is yes in the usual spellings, and only other words are named", () => {
  for (const yes of ["1", "true", "YES"]) assert.equal(fromQuery(`?listed=${yes}`).listed, true, yes);
  for (const no of ["", "0", "false", "No"]) {
    assert.equal(readLink(`?listed=${no}`).state.listed, false, no);
    assert.deepEqual(readLink(`?listed=${no}`).notes, [], no);
  }
});

test("ZIP codes: nine digits with or without the dash, anything else named", () => {
  assert.deepEqual(readLink("?zip=010011234").notes, []);
  assert.equal(readLink("?zip=010011234").state.zip, "01001");
  assert.deepEqual(readLink("?zip=01001 1234").notes, [{ key: "zip", value: "01001 1234", used: "01001" }]);
  assert.deepEqual(readLink("?zip=%2060614%20").notes, []); // spaces around are trimmed
  assert.deepEqual(readLink("?zip=1234567").notes, [{ key: "zip", value: "1234567", used: "12345" }]);
  assert.deepEqual(readLink("?zip=").notes, []);
  assert.equal(readLink("?zip=").state.zip, "");
});

test("distances: nonsense, below zero or infinite mean the default, named; a choice is not", () => {
  for (const text of ["-5", "Infinity", "far", ""]) {
    const { state, notes } = readLink(`?zip=60614&miles=${text}`);
    assert.equal(state.miles, "25", text);
    assert.deepEqual(notes, [{ key: "miles", value: text, used: "25" }], text);
  }
  assert.equal(readLink("?zip=60614&miles=0").state.miles, "5");
  assert.equal(readLink("?zip=60614&miles=100").state.miles, "100");
  assert.equal(readLink("?zip=60614&miles=ANY").state.miles, "any");
  assert.deepEqual(readLink("?zip=60614&miles=ANY").notes, []);
  assert.deepEqual(readLink("?zip=60614&miles=50").notes, []);
});

test("an avail= with empty items is not named; one that means nothing is", () => {
  assert.deepEqual(readLink("?avail=mon,,tue,").notes, []);
  assert.deepEqual(readLink("?avail=").notes, []);
  assert.deepEqual(readLink("?avail=never").notes, [{ key: "avail", value: "never", used: "" }]);
});

test("first-finder links: an evening start kept when later, days that mean nothing dropped", () => {
  const cases = {
    "?eve=1&from=18:30": "?avail=mon-sun@18:30-",
    "?eve=1&from=09:00&to=21:00": "?avail=mon-sun@17:00-21:00",
    "?days=mon,funday": "?avail=mon",
    "?days=funday": "",
    "?from=9:00": "",
    "?from=24:00&to=12:60": "",
    "?wknd=1&days=sat,mon&from=10:00": "?avail=sat@10:00-",
    "?eve=1&wknd=1&days=mon,sun": "?avail=mon@17:00-,sun",
    "?eve=yes": "",
  };
  for (const [old, now] of Object.entries(cases)) assert.equal(toQuery(fromQuery(old)), now, old);
});

test("whether a search asks about hours", () => {
  assert.equal(asksHours(emptyState()), false);
  assert.equal(asksHours(fromQuery("?avail=sat")), true);
  assert.equal(isEmpty(fromQuery("?listed=1")), false);
  assert.equal(isEmpty(fromQuery("?miles=10")), true);
});

test("every select of the form is read from a link and written back", () => {
  const query = "?level=php&pay=medicaid&lang=es&fmt=hybrid&pop=youth&mat=offered&open=yes";
  const { state, notes } = readLink(query);
  assert.deepEqual(notes, []);
  assert.deepEqual([state.level, state.pop, state.mat, state.open], ["php", "youth", "offered", "yes"]);
  assert.equal(toQuery(state), query);
});

test("first-finder parameters are not named as unknown; what the link cannot mean is, as given", () => {
  assert.deepEqual(readLink("?days=mon&from=17:00&to=21:00&eve=1&wknd=1").notes, []);
  assert.deepEqual(readLink("?listed=maybe").notes, [{ key: "listed", value: "maybe", used: "" }]);
  assert.deepEqual(readLink("?zip=x60614").notes, [{ key: "zip", value: "x60614", used: "60614" }]);
  assert.deepEqual(readLink("?avail=mon, ,tue").notes, []);
  assert.equal(readLink("?zip=1&miles=10.0").state.miles, "10"); // exactly a choice
});

test("first-finder times are read whole, and a time alone applies to every day", () => {
  assert.equal(toQuery(fromQuery("?from=17:00")), "?avail=mon-sun@17:00-");
  assert.equal(toQuery(fromQuery("?from=117:00")), "");
  assert.equal(toQuery(fromQuery("?to=13:000")), "");
  assert.deepEqual(fromQuery("?wknd=1").avail, [null, null, null, null, null, [null, null], [null, null]]);
});
