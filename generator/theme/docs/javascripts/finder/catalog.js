// The finder's words in the page's language. iopdir writes this file for each language of the
// site from its gettext catalog (generator/finder/catalog_js.py); this copy, English, the
// language the words are written in, needs no translation. It is what the unit tests load.
export const LOCALE = "en-US";
export const TRANSLATIONS = {};
export const PLURALS = {};
