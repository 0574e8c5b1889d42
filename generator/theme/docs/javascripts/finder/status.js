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
export function emptyTips(state, place, labelOf) {
  const tips = [];
  if (asksHours(state)) tips.push(say("tipDays"));
  if (state.listed) tips.push(say("tipListed"));
  if (place && state.miles !== "any") tips.push(say("tipMiles"));
  for (const key of SELECTS) if (state[key]) tips.push(say("tipSelect", { label: labelOf(key) }));
  if (state.text) tips.push(say("tipText"));
  if (state.zip && !place) tips.push(say("tipZip"));
  return tips;
}
