/*
 * Every word the finder's scripts show, in one place (the other modules never build sentences
 * of their own). The words are written in English and marked for the gettext catalogs: `_()`
 * for a word, `_n(one, other)` for one that depends on a count. catalog.js, which iopdir writes
 * for each language of the site from generator/locale/<lang>/LC_MESSAGES/iopdir.po, gives
 * their translations (none in English). Templates name their values in braces ({n}, {zip}); an
 * entry with forms by count is chosen by {n} with the language's plural rules.
 */
import { LOCALE, PLURALS, TRANSLATIONS } from "./catalog.js";

export { LOCALE };

/** A word in the page's language. */
function _(text) {
  return Object.hasOwn(TRANSLATIONS, text) ? TRANSLATIONS[text] : text;
}

/** A word by count: its forms by plural category (Intl.PluralRules: one, few, many, other). */
function _n(one, other) {
  return Object.hasOwn(PLURALS, one) ? PLURALS[one] : { one, other };
}

const PLURAL_RULES = new Intl.PluralRules(LOCALE);

export const MESSAGES = {
  // Days (Monday first) and times
  dayShort: [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
  dayLong: [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")],
  dayRange: _("{first} to {last}"),
  listJoin: _(", "),
  clockAm: _("{h}:{mm} AM"),
  clockPm: _("{h}:{mm} PM"),
  session: _("{days} {start} to {end}"),
  sessionJoin: _("; "),
  hours: _n("{n} hour", "{n} hours"),
  minutes: _n("{n} minute", "{n} minutes"),
  hourAndMinutes: _("{hours} {minutes}"),
  weekAny: _("any day, any time"),
  weekItem: _("{days} {window}"),
  weekJoin: _("; "),
  windowAll: _("all day"),
  windowFrom: _("from {start}"),
  windowUntil: _("until {end}"),
  windowBetween: _("{start} to {end}"),

  // Loading and failing
  loading: _("Loading programs…"),
  loadFailed: _("The list of programs could not be loaded. Check your connection and reload the page, or"),
  loadFailedLink: _("browse the programs"),
  loadFailedEnd: _("."), // the sentence is loadFailed, the link, loadFailedEnd

  // Where
  zipLooking: _("Looking up the ZIP code…"),
  zipPartial: _("Type all five digits of the ZIP code."),
  zipUnknown: _("ZIP code {zip} was not found. Check it, or leave it empty."),
  zipFound: _("Distances are from the middle of ZIP code {zip} ({state})."),
  zipsFailed: _("ZIP codes could not be loaded, so distance is not used."),
  locating: _("Asking your browser for your location…"),
  located: _("Using your location (near ZIP code {zip}). It stays in your browser."),
  locateFailed: _("Your browser did not share a location. Type a ZIP code instead."),
  locateNoZips: _("ZIP codes could not be loaded. Type a ZIP code instead."),

  // The status line and the button (both count programs)
  showButton: _n("Show {n} program", "Show {n} programs"),
  showButtonNone: _("Show results"),
  statusNone: _("No program matches your search."),
  statusAll: _n("{n} program: {parts}.", "{n} programs: {parts}."),
  statusJoin: _(", "),
  partVideo: _n("{n} by video from {state}", "{n} by video from {state}"),
  partFit: _n("{n} fits your week", "{n} fit your week"),
  partListed: _n("{n} lists its hours", "{n} list their hours"),
  partClose: _n("{n} nearly fits", "{n} nearly fit"),
  partUnlisted: _n("{n} has not listed its hours", "{n} have not listed their hours"),
  statusNoHours: _n("{n} program {where}. It has not listed its hours yet: call to ask when it meets.",
    "{n} programs {where}. None of them lists its hours yet: call to ask when they meet."),
  whereMiles: _("within {miles} of ZIP {zip}"),
  whereAny: _("near ZIP {zip}"),
  statusShowing: _("Showing the first {shown}."),
  miles: _n("{n} mile", "{n} miles"),
  showMore: _n("Show more results ({n} more)", "Show more results ({n} more)"),

  // Result groups (headings)
  groupNear: _("In person, {where}"),
  groupVideo: _("By video, from anywhere in {state}"),
  groupFit: _("Programs that fit your week"),
  groupListed: _("Programs"),
  groupClose: _("Nearly fit: check the times"),
  groupUnlisted: _("Hours not listed yet: call to ask"),
  groupCount: _("{title} ({n})"),

  // A result card
  place: _("{city}, {state}"),
  programOf: _("{provider}: {program}"),
  trackTimes: _("{track}: {times} {zone}"),
  nameSeparator: _(": "),
  sentenceJoin: _(" "),
  distance: _("{miles} away"),
  distanceApprox: _("about {miles}, by ZIP code"),
  distanceTiny: _("less than 0.1 miles away"),
  distanceTinyApprox: _("less than 1 mile, by ZIP code"),
  placeJoin: _(" · "),
  videoFrom: _("By video for people in {states}"),
  moreStates: _n("{list} and {n} more state", "{list} and {n} more states"),
  trackLine: _("{times} {zone}. {hours} a week."),
  yourTime: _("{times} your time"),
  unlistedLine: _("Hours not listed: call to ask about their hours."),
  unlistedAsked: _("Hours not listed: call to ask whether a group meets when you are free."),
  videoAsk: _("By video: call to ask which states they serve"),
  checkedStale: _("Not checked in over a year: call to confirm"),
  checkedNever: _("Not yet checked: call to confirm"),
  // Plain words on the cards (the provider page gives the ASAM level)
  levelCard: { outpatient: _("Outpatient"), iop: _("Intensive outpatient"),
    php: _("Day treatment (partial hospitalization)") },
  openUnknown: _("Call to ask if they have openings"),
  languages: _("Languages: {list}"),
  call: _("Call {phone}"),
  keep: _("Add to my list"),
  kept: _("On my list"),
  evening: _("Evening"),
  weekend: _("Weekend"),
  missEarly: _("Starts {time} before you are free on {day}."),
  missLate: _("Ends {time} after your hours on {day}."),

  // What a search could not use
  zipNotFound: _("ZIP code {zip} was not found, so programs everywhere are listed."),
  zipIncomplete: _("ZIP code {zip} is not complete (five digits), so programs everywhere are listed."),
  videoNoneHere: _("No program in this directory says it can be attended entirely by video yet."),
  videoNoneMatch: _("No program that matches the rest of your search says it can be attended entirely by video."),
  videoInstead: _("These meet in person with some sessions by video: call to ask how many can be by video."),
  listedNone: _("No program in this directory lists its hours yet, so this choice would leave none: call to ask when they meet."),

  // A search opened from a link
  linkFound: _n("This link's search finds {n} program.", "This link's search finds {n} programs."),
  linkNone: _("This link's search finds no program."),
  linkNotes: _("Part of the link could not be used as written:"),
  noteZipPadded: _("Using ZIP {used} for “{value}” (a ZIP code has five digits)."),
  noteZipBad: _("“{value}” is not a ZIP code, so distance is not used."),
  noteMiles: _("Distance: “{value}” is not one of the choices, so {used} is used."),
  noteMilesAny: _("Distance: “{value}” is not one of the choices, so any distance is used."),
  noteAvail: _("Days and hours: part of “{value}” was not understood and is left out."),
  noteListed: _("“Only programs that list their hours” is left out: no program in this directory lists its hours yet."),
  noteListedValue: _("“Only programs that list their hours”: “{value}” was not understood and is left out."),
  noteSelect: _("{label}: “{value}” is not one of the choices, so it is left out."),
  noteUnknown: _("“{key}” is not part of the finder's links and is left out."),

  // Copying the search's address
  copyDone: _("Copied. Paste it where you want to share the search."),
  copyManual: _("Copy the address from the box: it is selected."),

  // When nothing matches
  emptyIntro: _("Nothing matches every choice you made. To widen the search:"),
  emptyNothing: _("The directory has no programs yet."),
  tipDays: _("Choose more days or longer hours."),
  tipListed: _("Uncheck “Only programs that list their hours”."),
  tipMiles: _("Choose a larger distance."),
  tipSelect: _("Set {label} back to Any."),
  tipText: _("Check the spelling in Name or city, or clear it."),
  tipZip: _("Check the ZIP code."),
  clearAll: _("Clear all filters"),

  // Select options the script adds ("at least this" choices)
  matOffered: _("Offered by the program"),
  matCoordinated: _("Offered or arranged with a prescriber"),
  matAccepted: _("Welcome if I already take it"),
  openYes: _("Yes"),
  openWaitlist: _("Yes, or a waiting list"),

  // The shortlist and its call sheet
  listLink: _n("My list ({n} program)", "My list ({n} programs)"),
  listEmpty: _("Your list is empty. Add programs from the results with “Add to my list”."),
  listGone: _("This program is no longer in the directory."),
  listPage: _("Page: {url}"),
  listNotes: _("Notes:"),
  listRemove: _("Remove"),
  listRemoveLabel: _("Remove {name} from my list"),

  // Provider pages, reached from a result
  fitsYourWeek: _("Fits your week"),
};

/** A template filled in: `say("zipUnknown", { zip: "00000" })`, `say("hours", { n: 3 })`. */
export function say(key, values = {}) {
  let template = MESSAGES[key];
  if (template === undefined) throw new Error(`no message ${key}`);
  if (typeof template === "object" && !Array.isArray(template)) {
    template = template[PLURAL_RULES.select(values.n)] ?? template.other;
  }
  return template.replace(/\{(\w+)\}/g, (match, name) => {
    const value = values[name];
    return typeof value === "number" ? value.toLocaleString(LOCALE) : String(value ?? "");
  });
}

/** The finder index's labels (English, as generator/model/vocab.py writes them), in the page's
 * language: `{kind: [[code, label], ...]}` with each label translated. */
export function translateLabels(labels) {
  const out = {};
  for (const [kind, pairs] of Object.entries(labels)) out[kind] = pairs.map(([code, label]) => [code, _(label)]);
  return out;
}
