"""Plain-language labels for the schema's controlled vocabularies.

The schema holds the codes; this module holds what people read. A test checks that every code of
the schema has a label here.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model.i18n import N_

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def day_runs(days: Iterable[str]) -> list[list[str]]:
    """Days in week order, as runs of consecutive days: mon, tue, wed, fri -> [[mon, tue, wed],
    [fri]] (pages and typed hours shorten runs of three or more)."""
    runs: list[list[str]] = []
    for i in sorted(DAYS.index(d) for d in days):
        if runs and DAYS.index(runs[-1][-1]) == i - 1:
            runs[-1].append(DAYS[i])
        else:
            runs.append([DAYS[i]])
    return runs

DAY_NAMES = {
    "mon": N_("Monday"), "tue": N_("Tuesday"), "wed": N_("Wednesday"), "thu": N_("Thursday"),
    "fri": N_("Friday"), "sat": N_("Saturday"), "sun": N_("Sunday"),
}
DAY_SHORT = {
    "mon": N_("Mon"), "tue": N_("Tue"), "wed": N_("Wed"), "thu": N_("Thu"), "fri": N_("Fri"),
    "sat": N_("Sat"), "sun": N_("Sun"),
}
WEEKEND = frozenset({"sat", "sun"})

CONTINUUM = {
    "withdrawal_management": N_("Withdrawal management (detox)"),
    "inpatient": N_("Hospital inpatient"),
    "residential": N_("Residential"),
    "php": N_("Partial hospitalization (PHP)"),
    "iop": N_("Intensive outpatient (IOP)"),
    "outpatient": N_("Outpatient"),
}

# Program levels with their ASAM level numbers (ASAM Criteria, third edition naming).
LEVELS = {
    "outpatient": N_("Outpatient (ASAM 1)"),
    "iop": N_("Intensive outpatient (ASAM 2.1)"),
    "php": N_("Partial hospitalization (ASAM 2.5)"),
}
ASAM = {"outpatient": "1", "iop": "2.1", "php": "2.5"}

POPULATIONS = {
    "adults": N_("Adults"),
    "adolescents": N_("Adolescents (12 to 17)"),
    "young_adults": N_("Young adults (18 to 25)"),
    "older_adults": N_("Older adults"),
    "women": N_("Women"),
    "men": N_("Men"),
    "lgbtq": N_("LGBTQ+ people"),
    "veterans": N_("Veterans"),
    "active_military": N_("Active duty military"),
    "military_families": N_("Military families"),
    "co_occurring": N_("People with co-occurring mental health conditions"),
    "pregnant_postpartum": N_("Pregnant and postpartum people"),
    "justice_involved": N_("People involved with the justice system"),
    "dui_dwi": N_("People with a DUI or DWI charge"),
    "hiv": N_("People with HIV or AIDS"),
    "trauma": N_("People who have experienced trauma"),
    "domestic_violence": N_("People who have experienced domestic or intimate partner violence"),
    "sexual_abuse": N_("People who have experienced sexual abuse"),
}

# telehealth: attended entirely by video, so found by the states it serves; hybrid: meets in
# person, with some sessions or services by video, so found by distance like in_person.
FORMATS = {
    "in_person": N_("In person"),
    "telehealth": N_("Entirely by video"),
    "hybrid": N_("In person, some sessions by video"),
}

SERVICES = {
    "individual_therapy": N_("Individual therapy"),
    "group_therapy": N_("Group therapy"),
    "family_therapy": N_("Family therapy"),
    "skills_education": N_("Skills education (coping, communication)"),
    "relapse_prevention": N_("Relapse prevention"),
    "drug_testing": N_("Drug testing"),
    "case_management": N_("Case management"),
    "peer_support": N_("Peer support"),
    "psychiatric_care": N_("Psychiatric care"),
    "aftercare": N_("Aftercare and alumni groups"),
}

MAT = {
    "offered": N_("Offered by the program"),
    "coordinated": N_("Coordinated with an outside prescriber"),
    "accepted": N_("People already taking it are welcome"),
    "not_accepted": N_("Not accepted"),
}

PAYMENT = {
    "medicaid": N_("Medicaid"),
    "medicare": N_("Medicare"),
    "tricare": N_("TRICARE"),
    "state_insurance": N_("State-financed insurance (other than Medicaid)"),
    "private_insurance": N_("Private insurance"),
    "self_pay": N_("Self-pay"),
    "sliding_scale": N_("Sliding scale fees"),
    "payment_assistance": N_("Payment assistance"),
    "ihs_tribal": N_("IHS, Tribal or Urban Indian funds"),
    "free": N_("Free (no charge)"),
}

ACCEPTING = {
    "yes": N_("Accepting new patients"),
    "waitlist": N_("Waiting list"),
    "no": N_("Not accepting new patients"),
    "unknown": N_("Intake status unknown"),
}

# What a page says for populations, services or payment that the source does not list.
NOT_LISTED_TEXT = N_("Not listed in the source: call to ask")

VERIFICATION_METHODS = {
    "phone_call": N_("by phone"),
    "provider_form": N_("with the update form"),
    "pull_request": N_("with a pull request"),
    "email": N_("by email"),
    "website": N_("on the provider's website"),
    "in_person": N_("in person"),
}

UNREACHABLE_REASONS = {
    "no_answer": N_("nobody answered"),
    "no_callback": N_("messages were left and nobody called back"),
    "disconnected": N_("the number is not in service"),
    "wrong_number": N_("the number reaches someone else"),
}

ACCREDITATIONS = {
    "joint_commission": N_("The Joint Commission"),
    "carf": N_("CARF"),
    "coa": N_("Council on Accreditation (COA)"),
    "ncqa": N_("NCQA"),
    "state_license": N_("State licensed"),
}

LANGUAGES = {
    "en": "English", "es": "Spanish", "ase": "American Sign Language", "ar": "Arabic",
    "zh": "Chinese", "yue": "Cantonese", "cmn": "Mandarin", "fa": "Farsi", "fr": "French",
    "de": "German", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "hmn": "Hmong",
    "ht": "Haitian Creole", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "nv": "Navajo", "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "so": "Somali",
    "tl": "Tagalog", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "bn": "Bengali",
    "pa": "Punjabi", "km": "Khmer", "lo": "Lao", "am": "Amharic", "sw": "Swahili",
    "no": "Norwegian", "ne": "Nepali", "my": "Burmese", "chr": "Cherokee", "lkt": "Lakota",
    "oj": "Ojibwe", "ypk": "Yupik",
}

STATES = {
    "AL": N_("Alabama"), "AK": N_("Alaska"), "AZ": N_("Arizona"), "AR": N_("Arkansas"),
    "CA": N_("California"), "CO": N_("Colorado"), "CT": N_("Connecticut"), "DE": N_("Delaware"),
    "DC": N_("District of Columbia"), "FL": N_("Florida"), "GA": N_("Georgia"), "HI": N_("Hawaii"),
    "ID": N_("Idaho"), "IL": N_("Illinois"), "IN": N_("Indiana"), "IA": N_("Iowa"),
    "KS": N_("Kansas"), "KY": N_("Kentucky"), "LA": N_("Louisiana"), "ME": N_("Maine"),
    "MD": N_("Maryland"), "MA": N_("Massachusetts"), "MI": N_("Michigan"), "MN": N_("Minnesota"),
    "MS": N_("Mississippi"), "MO": N_("Missouri"), "MT": N_("Montana"), "NE": N_("Nebraska"),
    "NV": N_("Nevada"), "NH": N_("New Hampshire"), "NJ": N_("New Jersey"), "NM": N_("New Mexico"),
    "NY": N_("New York"), "NC": N_("North Carolina"), "ND": N_("North Dakota"), "OH": N_("Ohio"),
    "OK": N_("Oklahoma"), "OR": N_("Oregon"), "PA": N_("Pennsylvania"), "RI": N_("Rhode Island"),
    "SC": N_("South Carolina"), "SD": N_("South Dakota"), "TN": N_("Tennessee"), "TX": N_("Texas"),
    "UT": N_("Utah"), "VT": N_("Vermont"), "VA": N_("Virginia"), "WA": N_("Washington"),
    "WV": N_("West Virginia"), "WI": N_("Wisconsin"), "WY": N_("Wyoming"),
    "AS": N_("American Samoa"), "GU": N_("Guam"), "MP": N_("Northern Mariana Islands"),
    "PR": N_("Puerto Rico"), "VI": N_("U.S. Virgin Islands"),
}
NOT_STATES = frozenset({"DC", "AS", "GU", "MP", "PR", "VI"})  # the District and the territories


# Language names as their speakers write them, which is how the pages and the finder show them:
# a person looks for their own language's name. Sign languages have no written name of their own:
# theirs is translated like any label (SIGN_LANGUAGES). LANGUAGES (English names) stays for
# data files, the issue forms and schema.org data.
ENDONYMS = {
    "en": "English", "es": "Español", "ar": "العربية", "zh": "中文", "yue": "粵語",
    "cmn": "普通话", "fa": "فارسی", "fr": "Français", "de": "Deutsch", "el": "Ελληνικά",
    "he": "עברית", "hi": "हिन्दी", "hmn": "Hmoob", "ht": "Kreyòl ayisyen", "it": "Italiano",
    "ja": "日本語", "ko": "한국어", "nv": "Diné bizaad", "pl": "Polski", "pt": "Português",
    "ru": "Русский", "so": "Soomaali", "tl": "Tagalog", "uk": "Українська", "ur": "اردو",
    "vi": "Tiếng Việt", "bn": "বাংলা", "pa": "ਪੰਜਾਬੀ", "km": "ខ្មែរ", "lo": "ລາວ",
    "am": "አማርኛ", "sw": "Kiswahili", "no": "Norsk", "ne": "नेपाली", "my": "မြန်မာ",
    "chr": "ᏣᎳᎩ", "lkt": "Lakȟótiyapi", "oj": "Anishinaabemowin", "ypk": "Yupik",
}
SIGN_LANGUAGES = {"ase": N_("American Sign Language")}
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def language_name(code: str) -> str:
    """The English name (data files, forms); `endonym` is what pages show."""
    return LANGUAGES.get(code, code)


def endonym(code: str) -> str:
    """The language's name in itself ('Español'); a sign language's in English (translate it
    with SIGN_LANGUAGES), an unknown code as it is."""
    return ENDONYMS.get(code) or SIGN_LANGUAGES.get(code) or LANGUAGES.get(code, code)
