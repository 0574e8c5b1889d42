/*
 * Every word the finder's scripts show, in one place, so a translation can replace this object
 * whole (the other modules never build sentences of their own). Templates name their values in
 * braces ({n}, {zip}); an entry with `one` and `other` is chosen by the count {n}.
 */

export const LOCALE = "en-US";

export const MESSAGES = {
  // Days (Monday first) and times
  dayShort: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  dayLong: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  dayRange: "{first} to {last}",
  listJoin: ", ",
  clockAm: "{h}:{mm} AM",
  clockPm: "{h}:{mm} PM",
  session: "{days} {start} to {end}",
  sessionJoin: "; ",
  hours: { one: "{n} hour", other: "{n} hours" },
  minutes: { one: "{n} minute", other: "{n} minutes" },
  hourAndMinutes: "{hours} {minutes}",
  weekAny: "any day, any time",
  weekItem: "{days} {window}",
  weekJoin: "; ",
  windowAll: "all day",
  windowFrom: "from {start}",
  windowUntil: "until {end}",
  windowBetween: "{start} to {end}",

  // Loading and failing
  loading: "Loading programs…",
  loadFailed: "The list of programs could not be loaded. Check your connection and reload the page, or",
  loadFailedLink: "browse the programs",
  loadFailedEnd: ".", // the sentence is loadFailed, the link, loadFailedEnd

  // Where
  zipLooking: "Looking up the ZIP code…",
  zipPartial: "Type all five digits of the ZIP code.",
  zipUnknown: "ZIP code {zip} was not found. Check it, or leave it empty.",
  zipFound: "Distances are from the middle of ZIP code {zip} ({state}).",
  zipsFailed: "ZIP codes could not be loaded, so distance is not used.",
  locating: "Asking your browser for your location…",
  located: "Using your location (near ZIP code {zip}). It stays in your browser.",
  locateFailed: "Your browser did not share a location. Type a ZIP code instead.",
  locateNoZips: "ZIP codes could not be loaded. Type a ZIP code instead.",

  // The status line and the button (both count programs)
  showButton: { one: "Show {n} program", other: "Show {n} programs" },
  showButtonNone: "Show results",
  statusNone: "No program matches your search.",
  statusAll: { one: "{n} program: {parts}.", other: "{n} programs: {parts}." },
  statusJoin: ", ",
  partVideo: { one: "{n} by video from {state}", other: "{n} by video from {state}" },
  partFit: { one: "{n} fits your week", other: "{n} fit your week" },
  partListed: { one: "{n} lists its hours", other: "{n} list their hours" },
  partClose: { one: "{n} nearly fits", other: "{n} nearly fit" },
  partUnlisted: { one: "{n} has not listed its hours", other: "{n} have not listed their hours" },
  statusNoHours: {
    one: "{n} program {where}. It has not listed its hours yet: call to ask when it meets.",
    other: "{n} programs {where}. None of them lists its hours yet: call to ask when they meet.",
  },
  whereMiles: "within {miles} of ZIP {zip}",
  whereAny: "near ZIP {zip}",
  statusShowing: "Showing the first {shown}.",
  miles: { one: "{n} mile", other: "{n} miles" },
  showMore: { one: "Show more results ({n} more)", other: "Show more results ({n} more)" },

  // Result groups (headings)
  groupNear: "In person, {where}",
  groupVideo: "By video, from anywhere in {state}",
  groupFit: "Programs that fit your week",
  groupListed: "Programs",
  groupClose: "Nearly fit: check the times",
  groupUnlisted: "Hours not listed yet: call to ask",
  groupCount: "{title} ({n})",

  // A result card
  place: "{city}, {state}",
  programOf: "{provider}: {program}",
  trackTimes: "{track}: {times} {zone}",
  nameSeparator: ": ",
  sentenceJoin: " ",
  distance: "{miles} away",
  distanceApprox: "about {miles}, by ZIP code",
  distanceTiny: "less than 0.1 miles away",
  distanceTinyApprox: "less than 1 mile, by ZIP code",
  placeJoin: " · ",
  videoFrom: "By video for people in {states}",
  moreStates: { one: "{list} and {n} more state", other: "{list} and {n} more states" },
  trackLine: "{times} {zone}. {hours} a week.",
  yourTime: "{times} your time",
  unlistedLine: "Hours not listed: call to ask about evening and weekend tracks.",
  languages: "Languages: {list}",
  call: "Call {phone}",
  keep: "Add to my list",
  kept: "On my list",
  evening: "Evening",
  weekend: "Weekend",
  missEarly: "Starts {time} before you are free on {day}.",
  missLate: "Ends {time} after your hours on {day}.",

  // When nothing matches
  emptyIntro: "Nothing matches every choice you made. To widen the search:",
  emptyNothing: "The directory has no programs yet.",
  tipDays: "Choose more days or longer hours.",
  tipListed: "Uncheck “Only programs that list their hours”.",
  tipMiles: "Choose a larger distance.",
  tipSelect: "Set {label} back to Any.",
  tipText: "Check the spelling in Name or city, or clear it.",
  tipZip: "Check the ZIP code.",
  clearAll: "Clear all filters",

  // Select options the script adds ("at least this" choices)
  matOffered: "Offered by the program",
  matCoordinated: "Offered or arranged with a prescriber",
  matAccepted: "Welcome if I already take it",
  openYes: "Yes",
  openWaitlist: "Yes, or a waiting list",

  // The shortlist and its call sheet
  listLink: { one: "My list ({n} program)", other: "My list ({n} programs)" },
  listEmpty: "Your list is empty. Add programs from the results with “Add to my list”.",
  listGone: "This program is no longer in the directory.",
  listPage: "Page: {url}",
  listNotes: "Notes:",
  listRemove: "Remove",
  listRemoveLabel: "Remove {name} from my list",

  // Provider pages, reached from a result
  fitsYourWeek: "Fits your week",
};

/** A template filled in: `say("zipUnknown", { zip: "00000" })`, `say("hours", { n: 3 })`. */
export function say(key, values = {}) {
  let template = MESSAGES[key];
  if (template === undefined) throw new Error(`no message ${key}`);
  if (typeof template === "object" && !Array.isArray(template)) {
    template = values.n === 1 ? template.one : template.other;
  }
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = values[name];
    return typeof value === "number" ? value.toLocaleString(LOCALE) : String(value ?? "");
  });
}
