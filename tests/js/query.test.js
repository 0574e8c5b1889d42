// The search in the page address (query.js): what a shared link holds.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  emptyState, fromQuery, isEmpty, toQuery,
} from "../../generator/theme/docs/javascripts/finder/query.js";

test("a search survives the round trip through the address", () => {
  const query = "?days=mon,tue,wed,thu&from=17:00&pay=medicaid&lang=es&zip=97201&miles=25";
  assert.equal(toQuery(fromQuery(query)), query);
});

test("values a link cannot mean are dropped", () => {
  const state = fromQuery("?days=mon,funday&from=25:00&to=9pm&zip=97-201x&miles=7");
  assert.deepEqual(state.days, ["mon"]);
  assert.equal(state.from, "");
  assert.equal(state.to, "");
  assert.equal(state.zip, "97201");
  assert.equal(state.miles, "");
});

test("an empty search is an empty address", () => {
  assert.ok(isEmpty(emptyState()));
  assert.equal(toQuery(emptyState()), "");
});
