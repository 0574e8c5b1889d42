/* Times, days, hours and counts in words. No DOM here. */
import { DAYS } from "./query.js";

const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_MINUTES = 24 * 60;

/** Minutes after midnight as "6:30 PM" (wrapping past midnight). */
export function clock(total) {
  const m = ((total % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const h = Math.floor(m / 60);
  return `${h % 12 || 12}:${String(m % 60).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

export function hhmm(total) {
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** 0b0010111 -> "Mon to Wed, Fri": runs of three or more days shortened. */
export function dayText(mask) {
  const parts = [];
  for (let i = 0; i < 7; i++) {
    if (!(mask & (1 << i))) continue;
    let j = i;
    while (j + 1 < 7 && mask & (1 << (j + 1))) j++;
    if (j - i >= 2) parts.push(`${DAY_SHORT[i]} to ${DAY_SHORT[j]}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_SHORT[k]);
    i = j;
  }
  return parts.join(", ");
}

export function sessionsText(sessions) {
  return sessions.map(([mask, start, end]) => `${dayText(mask)} ${clock(start)} to ${clock(end)}`).join("; ");
}

export function hoursText(minutes) {
  const shown = String(Math.round(minutes / 60 * 100) / 100);
  return `${shown} hour${shown === "1" ? "" : "s"}`;
}

export function dayCodes(mask) {
  return DAYS.filter((_, i) => mask & (1 << i)).join(",");
}

export function plural(n, word) {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

export function stateNames(db, numbers) {
  const names = numbers.map((s) => db.labels.state[s][1]);
  return names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more states`
    : names.join(", ");
}

export function distanceText(d) {
  if (d < 0.1) return "less than 0.1 miles away";
  return `${d < 10 ? d.toFixed(1) : Math.round(d)} miles away`;
}
