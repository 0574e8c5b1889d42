/* Drawing results and filling the form's options. Listing text goes in through textContent only. */
import { MAT_CHOICES, OPEN_CHOICES } from "./match.js";
import {
  dayCodes, distanceText, hhmm, hoursText, sessionsText, stateNames,
} from "./words.js";

const WEEKEND = 0x60; // bits 5 and 6: Saturday, Sunday

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function resultItem(db, t, where) {
  const p = db.trackProgram[t], prov = db.programProvider[p];
  const loc = db.programLocation[p], facts = db.schedules[db.trackSchedule[t]];
  const zone = db.labels.zone[db.locationZone[loc]];
  const slug = db.providerSlug[prov];
  const li = el("li", "finder-result");
  Object.assign(li.dataset, {
    provider: slug, program: String(db.programNumber[p]), track: db.trackNames[db.trackName[t]],
    trackDays: dayCodes(facts.days), trackStart: hhmm(facts.lo), trackEnd: hhmm(facts.hi),
    trackZone: zone[0],
  });
  if (db.unlisted[t]) {
    li.dataset.unlisted = "1";
    for (const key of ["trackDays", "trackStart", "trackEnd"]) li.dataset[key] = "";
  }
  const heading = li.appendChild(el("h3", "finder-result__name"));
  const link = heading.appendChild(el("a", "", db.providerName[prov]));
  link.href = `../providers/${encodeURIComponent(slug)}/#program-${db.programNumber[p]}`;
  li.appendChild(el("p", "finder-result__program", db.programNames[db.program_name[p]]));
  li.appendChild(trackLine(db, t, facts, zone[1]));
  if (db.shifted[t]) {
    li.appendChild(el("p", "finder-result__yours", `${sessionsText(db.shifted[t].sessions)} your time`));
  }
  li.appendChild(placeLine(db, p, loc, where));
  li.appendChild(badges(db, p, t));
  return li;
}

function trackLine(db, t, facts, zoneName) {
  const line = el("p", "finder-result__when");
  if (db.unlisted[t]) {
    line.appendChild(el("strong", "finder-result__track", "Schedule not listed"));
    line.append(": call to ask about evening and weekend tracks.");
    return line;
  }
  line.appendChild(el("strong", "finder-result__track", db.trackNames[db.trackName[t]]));
  line.append(`: ${sessionsText(facts.sessions)} ${zoneName}. ${hoursText(facts.minutes)} a week.`);
  return line;
}

function placeLine(db, p, loc, where) {
  const format = db.labels.format[db.program_format[p]];
  const place = `${db.cities[db.locationCity[loc]]}, ${db.labels.state[db.locationState[loc]][0]}`;
  const r = where ? where.reach[p] : 0;
  const parts = r === 2 && format[0] === "telehealth" ? [] : [format[1]];
  parts.push(place);
  if (r === 1) parts.push(distanceText(where.dist[p]));
  else if (r === 2 && format[0] === "telehealth") parts.unshift("Telehealth: available in your state");
  else if (r === 2) parts.push("Telehealth: available in your state");
  else if (format[0] !== "in_person") {
    const listed = db.programTele[p] || [db.locationState[loc]];
    parts.push(`video sessions for people in ${stateNames(db, listed)}`);
  }
  return el("p", "finder-result__where", parts.join(" · "));
}

function badges(db, p, t) {
  const line = el("p", "finder-result__badges");
  const level = db.labels.level[db.program_level[p]];
  const open = db.labels.open[db.program_open[p]];
  line.appendChild(el("span", "iop-badge iop-badge--level", level[1]));
  line.appendChild(el("span", `iop-badge iop-badge--accepting-${open[0]}`, open[1]));
  // As the person lives it, like the Evening and Weekend filters (their own time zone for video)
  if (db.evening[t]) line.appendChild(el("span", "iop-badge iop-badge--evening", "Evening"));
  if (db.days[t] & WEEKEND) line.appendChild(el("span", "iop-badge iop-badge--weekend", "Weekend"));
  return line;
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

/** The select boxes list only the choices this index has. */
export function fillOptions(form, db) {
  const f = form.elements;
  const present = (kind) => ([, , codes]) => codes.some((c) => db.codes[kind].has(c));
  fillSelect(f.level, db.labels.level);
  fillSelect(f.pay, db.labels.pay);
  fillSelect(f.lang, [...db.labels.lang].sort((a, b) => a[1].localeCompare(b[1], "en")));
  fillSelect(f.fmt, db.labels.format);
  fillSelect(f.pop, db.labels.pop);
  fillSelect(f.mat, MAT_CHOICES.filter(present("mat")));
  fillSelect(f.open, OPEN_CHOICES.filter(present("open")));
  form.querySelector("#iop-finder-listed-field").hidden = !db.anyUnlisted;
}
