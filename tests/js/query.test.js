// The search in the page address (query.js): the stable link format partners use.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  emptyState, fromQuery, isEmpty, toQuery,
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
  const state = fromQuery("?zip=97-201x&miles=7&avail=funday&listed=yes");
  assert.equal(state.zip, "97201");
  assert.equal(state.miles, "25");
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
