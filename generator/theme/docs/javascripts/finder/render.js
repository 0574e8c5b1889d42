/*
 * Result cards and the form's options. One card per program, with the tracks that fit (or
 * nearly fit) inside it, the number to call and the languages. Listing text goes in through
 * textContent only, never as HTML.
 */
import { MAT_CHOICES, OPEN_CHOICES, tracksFor } from "./match.js";
import { LOCALE, MESSAGES, say } from "./messages.js";
import {
  dayCodes, distanceText, durationText, hhmm, hoursText, sessionsText, stateNames, telHref,
} from "./words.js";

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The address of a program on its provider page, with the tracks to mark (mark.js). */
function programHref(db, p, tracks) {
  const slug = encodeURIComponent(db.providerSlug[db.programProvider[p]]);
  const fits = tracks.map(({ t }) => db.trackNumber[t]).join(",");
  return `../providers/${slug}/${fits ? `?fits=${fits}` : ""}#program-${db.programNumber[p]}`;
}

/** A result card. `group` is the group it is drawn in; `kept` whether it is on the list. */
export function resultCard(db, p, group, state, result, kept) {
  const prov = db.programProvider[p], loc = db.programLocation[p];
  const tracks = group === "unlisted" ? [] : tracksFor(db, p, state);
  const li = el("li", "finder-result");
  Object.assign(li.dataset, { provider: db.providerSlug[prov], program: String(db.programNumber[p]), group });
  const heading = li.appendChild(el("h4", "finder-result__name"));
  heading.id = `iop-result-${p}`;
  const link = heading.appendChild(el("a", "", db.providerName[prov]));
  link.href = programHref(db, p, tracks);
  li.appendChild(el("p", "finder-result__program", db.programNames[db.program_name[p]]));
  li.appendChild(placeLine(db, p, loc, result));
  if (group === "unlisted") {
    li.dataset.unlisted = "1";
    li.appendChild(el("p", "finder-result__when", say(result.asked ? "unlistedAsked" : "unlistedLine")));
  } else {
    const list = li.appendChild(el("ul", "finder-result__tracks"));
    for (const { t, miss } of tracks) list.appendChild(trackItem(db, t, miss));
  }
  li.appendChild(el("p", "finder-result__langs", say("languages", { list: languages(db, p) })));
  li.appendChild(badges(db, p));
  const checked = db.providerChecked[prov];
  if (checked) {
    li.dataset.checked = checked === 2 ? "never" : "stale";
    li.appendChild(el("p", "finder-result__checked", say(checked === 2 ? "checkedNever" : "checkedStale")));
  }
  li.appendChild(actions(db, p, heading.id, kept));
  return li;
}

function trackItem(db, t, miss) {
  const p = db.trackProgram[t], loc = db.programLocation[p];
  const facts = db.schedules[db.trackSchedule[t]];
  const zone = db.labels.zone[db.locationZone[loc]];
  const item = el("li", "finder-track");
  Object.assign(item.dataset, {
    track: db.trackNames[db.trackName[t]], trackNumber: String(db.trackNumber[t]),
    trackDays: dayCodes(facts.days), trackStart: hhmm(facts.lo), trackEnd: hhmm(facts.hi),
    trackZone: zone[0],
  });
  item.appendChild(el("strong", "finder-track__name", db.trackNames[db.trackName[t]]));
  item.append(say("nameSeparator"), say("trackLine", {
    times: sessionsText(facts.sessions), zone: zone[1], hours: hoursText(facts.minutes),
  }));
  // The badges describe the whole track, in the listing's own times, as on the provider page.
  if (facts.evening) item.append(" ", el("span", "iop-badge iop-badge--evening", say("evening")));
  if (facts.weekend) item.append(" ", el("span", "iop-badge iop-badge--weekend", say("weekend")));
  if (db.shifted[t]) {
    item.appendChild(el("span", "finder-track__yours",
      say("yourTime", { times: sessionsText(db.shifted[t].sessions) })));
  }
  if (miss) {
    item.dataset.miss = String(miss.miss);
    const values = { time: durationText(miss.miss), day: MESSAGES.dayLong[miss.day] };
    item.appendChild(el("span", "finder-track__miss", say(miss.early ? "missEarly" : "missLate", values)));
  }
  return item;
}

function placeLine(db, p, loc, result) {
  const format = db.labels.format[db.program_format[p]];
  const place = placeName(db, loc);
  const parts = [format[1], place];
  if (format[0] === "telehealth") {
    // Only the states the listing gives: a program's own state is a guess, never a claim.
    parts.push(db.programTele[p] ? say("videoFrom", { states: stateNames(db, db.programTele[p]) })
      : say("videoAsk"));
  } else if (result.dist && result.dist[p] === result.dist[p]) {
    parts.push(distanceText(result.dist[p], db.approx[loc] === 1));
  }
  const line = el("p", "finder-result__where", parts.join(MESSAGES.placeJoin));
  if (result.dist && result.dist[p] === result.dist[p]) line.dataset.miles = result.dist[p].toFixed(2);
  return line;
}

/** "Portland, OR". */
export function placeName(db, loc) {
  return say("place", { city: db.cities[db.locationCity[loc]], state: db.labels.state[db.locationState[loc]][0] });
}

function languages(db, p) {
  const names = [];
  db.labels.lang.forEach(([, label], i) => {
    if (Math.floor(db.program_lang[p] / 2 ** i) % 2 === 1) names.push(label);
  });
  return names.join(MESSAGES.listJoin);
}

function badges(db, p) {
  const line = el("p", "finder-result__badges");
  const level = db.labels.level[db.program_level[p]];
  const open = db.labels.open[db.program_open[p]];
  line.appendChild(el("span", "iop-badge iop-badge--level", MESSAGES.levelCard[level[0]] || level[1]));
  line.append(" ", el("span", `iop-badge iop-badge--accepting-${open[0]}`,
    open[0] === "unknown" ? say("openUnknown") : open[1]));
  return line;
}

function actions(db, p, headingId, kept) {
  const line = el("p", "finder-result__actions");
  const phone = db.providerPhone[db.programProvider[p]];
  const call = line.appendChild(el("a", "md-button md-button--primary finder-result__call",
    say("call", { phone })));
  call.href = telHref(phone);
  call.setAttribute("aria-describedby", headingId);
  const keep = line.appendChild(el("button", "md-button finder-result__keep"));
  keep.type = "button";
  keep.dataset.keep = String(p);
  keep.setAttribute("aria-describedby", headingId);
  setKept(keep, kept);
  return line;
}

export function setKept(button, kept) {
  button.textContent = say(kept ? "kept" : "keep");
  button.setAttribute("aria-pressed", kept ? "true" : "false");
}

function fillSelect(select, pairs) {
  const keep = select.value;
  select.replaceChildren(el("option", "", select.options[0].textContent));
  select.options[0].value = "";
  for (const [code, label] of pairs) {
    const option = select.appendChild(el("option", "", label));
    option.value = code;
  }
  select.value = keep;
}

/**
 * The select boxes: level, format, payment and population list every code of the schema (a
 * link's code is kept even when no program has it, and the status says what it finds); the
 * others the choices this index has. "Only programs that list their hours" is hidden when
 * every program lists them, and disabled, with the reason, when none does.
 */
export function fillOptions(form, db) {
  const f = form.elements;
  const present = (kind) => ([, , codes]) => codes.some((c) => db.codes[kind].has(c));
  const said = (choices) => choices.map(([code, key]) => [code, say(key)]);
  const every = (kind) => db.schema[kind] || db.labels[kind];
  fillSelect(f.level, every("level"));
  fillSelect(f.pay, every("pay"));
  fillSelect(f.lang, [...db.labels.lang].sort((a, b) => a[1].localeCompare(b[1], LOCALE)));
  fillSelect(f.fmt, every("format"));
  fillSelect(f.pop, every("pop"));
  fillSelect(f.mat, said(MAT_CHOICES.filter(present("mat"))));
  fillSelect(f.open, said(OPEN_CHOICES.filter(present("open"))));
  form.querySelector("#iop-finder-listed-field").hidden = !db.anyUnlisted;
  if (!db.anyListed) {
    f.listed.disabled = true;
    form.querySelector("#iop-finder-listed-hint").textContent = say("listedNone");
  }
}

/** A language code no program has, as a choice of its own (a link asked for it). */
export function addLanguage(select, code) {
  if (!/^[a-z]{2,3}$/.test(code) || [...select.options].some((o) => o.value === code)) return;
  let name = code;
  try {
    name = new Intl.DisplayNames([LOCALE], { type: "language" }).of(code) || code;
  } catch { /* an unknown code keeps its letters */ }
  const option = select.appendChild(el("option", "", name));
  option.value = code;
}
