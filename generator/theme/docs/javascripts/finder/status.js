/*
 * What the finder says about a search: the status line, the groups' titles and, when nothing
 * matches, how to widen the search. Counts are of programs, as the result cards are.
 */
import { SELECTS, asksHours } from "./query.js";
import { say } from "./messages.js";
import { milesText } from "./words.js";

/** The phrase that says where: "within 25 miles of ZIP 60614". */
function whereText(state, place) {
  return state.miles === "any" ? say("whereAny", { zip: place.zip })
    : say("whereMiles", { zip: place.zip, miles: milesText(Number(state.miles)) });
}

function stateName(db, place) {
  const code = place.state;
  return db.codes.state.has(code) ? db.labels.state[db.codes.state.get(code)][1] : code;
}

export function groupTitle(db, kind, result, state) {
  if (kind === "near") return say("groupNear", { where: whereText(state, result.place) });
  if (kind === "video") return say("groupVideo", { state: stateName(db, result.place) });
  if (kind === "fit") return say(result.asked ? "groupFit" : "groupListed");
  return say(kind === "close" ? "groupClose" : "groupUnlisted");
}

/**
 * "12 programs: 5 fit your week, 2 by video from Illinois, 3 nearly fit, 2 have not listed
 * their hours." When every program nearby has not listed its hours, it says so plainly.
 */
export function statusText(db, result, state, shown) {
  const before = notesBefore(db, result, state);
  const text = countText(db, result, state, shown);
  return before.length ? [...before, text].join(say("sentenceJoin")) : text;
}

/** What the search could not use, said before the count: a ZIP code that is not used, and a
 * video-only search answered with programs partly by video (`result.videoInstead`). */
function notesBefore(db, result, state) {
  const notes = [];
  if (state.zip && !result.place) {
    // The ZIP field takes five characters at most (maxlength), so a pattern without ^ or $
    // (two mutants) reads it the same.
    notes.push(say(/^\d{5}$/.test(state.zip) ? "zipNotFound" : "zipIncomplete", { zip: state.zip }));
  }
  if (result.videoInstead) {
    notes.push(say(db.codes.format.has("telehealth") ? "videoNoneMatch" : "videoNoneHere"));
    if (result.total) notes.push(say("videoInstead"));
  }
  return notes;
}

function countText(db, result, state, shown) {
  const { groups, total, asked, place } = result;
  if (!total) return say("statusNone");
  const more = shown < total ? say("sentenceJoin") + say("statusShowing", { shown }) : "";
  const n = (kind) => groups[kind].length;
  if (place && n("unlisted") === total) {
    return say("statusNoHours", { n: total, where: whereText(state, place) }) + more;
  }
  const parts = [];
  const fitting = n("near") + n("fit");
  if (fitting) parts.push(say(asked ? "partFit" : "partListed", { n: fitting }));
  if (n("video")) parts.push(say("partVideo", { n: n("video"), state: stateName(db, place) }));
  if (n("close")) parts.push(say("partClose", { n: n("close") }));
  if (n("unlisted")) parts.push(say("partUnlisted", { n: n("unlisted") }));
  return say("statusAll", { n: total, parts: parts.join(say("statusJoin")) }) + more;
}

/** How to widen a search that finds nothing; `labelOf(key)` names a select as the form does. */
export function emptyTips(state, place, labelOf, anyListed = true) {
  const tips = [];
  if (asksHours(state) && anyListed) tips.push(say("tipDays")); // else hours change nothing
  if (state.listed) tips.push(say("tipListed"));
  if (place && state.miles !== "any") tips.push(say("tipMiles"));
  for (const key of SELECTS) if (state[key]) tips.push(say("tipSelect", { label: labelOf(key) }));
  if (state.text) tips.push(say("tipText"));
  if (state.zip && !place) tips.push(say("tipZip"));
  return tips;
}

/** A part of a link the finder could not use as written (query.readLink's notes, and the
 * select codes the page did not find), in words; `labelOf(key)` names a control. */
export function linkNoteText(note, labelOf) {
  const { key, value, used } = note;
  if (key === "zip") return say(used.length === 5 ? "noteZipPadded" : "noteZipBad", { value, used });
  if (key === "miles") return say(used === "any" ? "noteMilesAny" : "noteMiles", { value, used: milesText(Number(used)) });
  if (key === "avail") return say("noteAvail", { value });
  if (key === "listed") return say(note.none ? "noteListed" : "noteListedValue", { value });
  if (SELECTS.includes(key) || key === "text") return say("noteSelect", { label: labelOf(key), value });
  return say("noteUnknown", { key });
}
