/*
 * Small finder indexes for the unit tests, written in the format of finder/index.json
 * (generator/finder/finder_index.py documents it), from a readable description:
 *
 *   index([{ name: "A", location: { city: "Chicago", state: "IL", zone: "America/Chicago",
 *            lat: 41.9, lon: -87.6 },
 *            programs: [{ format: "in_person", tracks: [["Evening", [["mon,wed", "18:00", "21:00"]]]] }] }])
 *
 * A program without `tracks` has not listed its hours (one empty track, as the index writes it).
 * A program may give its codes as the index writes them: `level`, `mat` and `open` a position
 * in the labels, `pop`, `pay` and `lang` a bitmask (0: not listed); `index(providers, labels)`
 * replaces the default labels of some kinds. Columns are written as plain lists (the decoder
 * takes lists or base-36 strings).
 */
import { decodeIndex } from "../../generator/theme/docs/javascripts/finder/data.js";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const FORMATS = [["in_person", "In person"], ["telehealth", "Telehealth"], ["hybrid", "Hybrid"]];

export function minutes(hhmm) {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function dayMask(days) {
  return days.split(",").reduce((mask, d) => mask | (1 << DAYS.indexOf(d)), 0);
}

function delta(values) {
  return values.map((v, i) => v - (i ? values[i - 1] : 0));
}

/** A raw index object from providers (see above); `decode` gives the decoded one. */
export function rawIndex(providers, labels = {}) {
  const states = [...new Set(providers.flatMap((p) => [p.location.state,
    ...p.programs.flatMap((g) => g.telehealth || [])]))].sort();
  const zones = [...new Set(providers.map((p) => p.location.zone))];
  const programs = providers.flatMap((p) => p.programs.map((g) => ({ ...g, provider: p })));
  const tracks = programs.flatMap((g) => (g.tracks && g.tracks.length ? g.tracks : [["", []]]));
  const schedules = tracks.map(([, sessions]) => sessions.flatMap(([days, start, end]) =>
    [dayMask(days), minutes(start), minutes(end)]));
  const lats = providers.map((p) => Math.round(p.location.lat * 1000));
  const lons = providers.map((p) => Math.round(p.location.lon * 1000));
  const tele = [];
  let previous = 0;
  programs.forEach((g, i) => {
    if (g.telehealth) {
      tele.push(i - previous, g.telehealth.length, ...g.telehealth.map((s) => states.indexOf(s)));
      previous = i;
    }
  });
  return {
    v: 2,
    labels: {
      level: [["iop", "Intensive outpatient (ASAM 2.1)"]], format: FORMATS,
      pop: [["adults", "Adults"]], pay: [["medicaid", "Medicaid"], ["self_pay", "Self-pay"]],
      lang: [["en", "English"], ["es", "Spanish"]], mat: [["offered", "Offered by the program"]],
      open: [["yes", "Accepting new patients"]], ...labels, state: states.map((s) => [s, s]),
      zone: zones.map((z) => [z, z]),
    },
    provider: { name: providers.map((p) => p.name), slug: providers.map(() => ""),
                locations: providers.map(() => 1), programs: providers.map((p) => p.programs.length),
                phone: providers.map((p) => p.phone || "(503) 555-0100") },
    location: { cities: providers.map((p) => p.location.city), city: providers.map((_, i) => i),
                state: providers.map((p) => states.indexOf(p.location.state)),
                zone: providers.map((p) => zones.indexOf(p.location.zone)),
                lat: delta(lats), lon: delta(lons),
                approx: providers.map((p) => (p.location.approx ? 1 : 0)) },
    program: {
      names: programs.map((g) => g.name || "Program"), name: programs.map((_, i) => i),
      location: programs.map(() => 0), level: programs.map((g) => g.level ?? 0),
      format: programs.map((g) => FORMATS.findIndex(([code]) => code === (g.format || "in_person"))),
      pop: programs.map((g) => g.pop ?? 1), pay: programs.map((g) => g.pay ?? 1),
      lang: programs.map((g) => g.lang ?? 1), mat: programs.map((g) => g.mat ?? 0),
      open: programs.map((g) => g.open ?? 0), tracks: programs.map((g) => Math.max((g.tracks || []).length, 1)),
      tele,
    },
    track: { names: tracks.map(([name]) => name), name: tracks.map((_, i) => i),
             schedule: tracks.map((_, i) => i) },
    schedule: schedules,
  };
}

export function index(providers, labels = {}) {
  return decodeIndex(rawIndex(providers, labels));
}

/** A provider with one in-person program at a place (defaults: Chicago). */
export function provider(name, programs, location = {}) {
  return {
    name, programs,
    location: { city: "Chicago", state: "IL", zone: "America/Chicago", lat: 41.92, lon: -87.65,
                ...location },
  };
}
