/* The search form and the search state (query.js) in both directions. */
import { DAY_CODES, applyPreset, emptyWeek } from "./avail.js";
import { DEFAULT_MILES, SELECTS, emptyState } from "./query.js";

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(text) {
  const found = TIME.exec(text);
  return found ? Number(found[1]) * 60 + Number(found[2]) : null;
}

function hhmm(total) {
  if (total === null || total >= 24 * 60) return "";
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

function dayBox(form, code) {
  return form.querySelector(`input[name="day"][value="${code}"]`);
}

/** The week the form shows: a checked day with its hours, an unchecked day not free. */
function readWeek(form) {
  const f = form.elements, week = emptyWeek();
  DAY_CODES.forEach((code, d) => {
    if (!dayBox(form, code).checked) return;
    let from = minutes(f[`${code}-from`].value), to = minutes(f[`${code}-to`].value);
    if (from !== null && to !== null && from >= to) to = null; // an end before the start: ignored
    week[d] = [from, to];
  });
  return week;
}

function writeWeek(form, week) {
  const f = form.elements;
  DAY_CODES.forEach((code, d) => {
    dayBox(form, code).checked = week[d] !== null;
    f[`${code}-from`].value = week[d] ? hhmm(week[d][0]) : "";
    f[`${code}-to`].value = week[d] ? hhmm(week[d][1]) : "";
  });
}

/** A quick choice: its days filled in over what the form holds ("any" clears every day). */
export function fillPreset(form, name) {
  writeWeek(form, name === "any" ? emptyWeek() : applyPreset(readWeek(form), name));
}

/** Typing an hour for a day means being free that day. */
export function checkDayOf(input) {
  const code = input.name.slice(0, 3);
  const box = input.form && dayBox(input.form, code);
  if (box && input.value && !box.checked) box.checked = true;
}

export function readForm(form) {
  const f = form.elements;
  const state = emptyState();
  for (const key of ["zip", "miles", "text", ...SELECTS]) state[key] = f[key].value.trim();
  state.avail = readWeek(form);
  state.listed = f.listed.checked;
  return state;
}

export function writeForm(form, state) {
  const f = form.elements;
  for (const key of ["zip", "text"]) f[key].value = state[key];
  for (const key of ["miles", ...SELECTS]) {
    const select = f[key];
    select.value = state[key];
    if (select.value !== state[key]) select.value = key === "miles" ? DEFAULT_MILES : ""; // not offered
  }
  writeWeek(form, state.avail);
  f.listed.checked = state.listed && !f.listed.disabled; // disabled: no program lists hours
  // Choices folded away are shown when a link sets one of them.
  const more = form.querySelector("#iop-finder-more-choices");
  if (more && (state.text || SELECTS.some((key) => state[key]))) more.open = true;
}
