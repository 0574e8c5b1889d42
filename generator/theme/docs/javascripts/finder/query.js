/*
 * The search in the page address: what the form holds, as a query string and back
 * (?days=mon,tue&from=17:30&pay=medicaid&zip=97201&miles=25). No DOM here.
 */

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export const SELECTS = ["level", "pay", "lang", "fmt", "pop", "mat", "open"];
export const MILES = ["5", "10", "25", "50", "100"];
const KEYS = ["days", "from", "to", "eve", "wknd", "listed", ...SELECTS, "q", "zip", "miles"];

export function emptyState() {
  const state = { days: [], from: "", to: "", eve: false, wknd: false, listed: false, q: "", zip: "", miles: "" };
  for (const key of SELECTS) state[key] = "";
  return state;
}

export function toQuery(state) {
  const parts = [];
  for (const key of KEYS) {
    let value = state[key];
    if (key === "days") value = value.join(",");
    if (typeof value === "boolean") value = value ? "1" : "";
    if (value) parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":")}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

export function fromQuery(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  const get = (key) => (params.get(key) || "").trim();
  state.days = DAYS.filter((d) => get("days").split(",").includes(d));
  for (const key of ["from", "to"]) state[key] = /^([01]\d|2[0-3]):[0-5]\d$/.test(get(key)) ? get(key) : "";
  state.eve = get("eve") === "1";
  state.wknd = get("wknd") === "1";
  state.listed = get("listed") === "1";
  for (const key of SELECTS) state[key] = get(key).slice(0, 40);
  state.q = get("q").slice(0, 100);
  state.zip = get("zip").replace(/\D/g, "").slice(0, 5);
  state.miles = MILES.includes(get("miles")) ? get("miles") : "";
  return state;
}

/** "17:30" -> 1050; "" -> null. */
export function minutesOf(hhmm) {
  return hhmm ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) : null;
}

export function isEmpty(state) {
  return toQuery(state) === "";
}
