/* The search form and the search state (query.js) in both directions. */
import { DAYS, SELECTS, emptyState } from "./query.js";

export function readForm(form) {
  const f = form.elements;
  const state = emptyState();
  state.days = DAYS.filter((d) => form.querySelector(`input[name="days"][value="${d}"]`).checked);
  for (const key of ["from", "to", "q", "zip", "miles", ...SELECTS]) state[key] = f[key].value.trim();
  state.eve = f.eve.checked;
  state.wknd = f.wknd.checked;
  state.listed = f.listed.checked;
  return state;
}

export function writeForm(form, state) {
  const f = form.elements;
  for (const box of form.querySelectorAll('input[name="days"]')) {
    box.checked = state.days.includes(box.value);
  }
  for (const key of ["from", "to", "q", "zip"]) f[key].value = state[key];
  for (const key of ["miles", ...SELECTS]) {
    const select = f[key];
    select.value = state[key];
    if (select.value !== state[key]) select.value = ""; // a value this index does not have
  }
  f.eve.checked = state.eve;
  f.wknd.checked = state.wknd;
  f.listed.checked = state.listed;
}
