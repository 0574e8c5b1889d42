"""Plain-language labels for the schema's controlled vocabularies.

The schema holds the codes; this module holds what people read. A test checks that every code of
the schema has a label here.
"""

from __future__ import annotations

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {
    "mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
    "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}
DAY_SHORT = {d: DAY_NAMES[d][:3] for d in DAYS}
WEEKEND = frozenset({"sat", "sun"})

CONTINUUM = {
    "withdrawal_management": "Withdrawal management (detox)",
    "inpatient": "Hospital inpatient",
    "residential": "Residential",
    "php": "Partial hospitalization (PHP)",
    "iop": "Intensive outpatient (IOP)",
    "outpatient": "Outpatient",
}

# Program levels with their ASAM level numbers (ASAM Criteria, third edition naming).
LEVELS = {
    "outpatient": "Outpatient (ASAM 1)",
    "iop": "Intensive outpatient (ASAM 2.1)",
    "php": "Partial hospitalization (ASAM 2.5)",
}
ASAM = {"outpatient": "1", "iop": "2.1", "php": "2.5"}

POPULATIONS = {
    "adults": "Adults",
    "adolescents": "Adolescents (12 to 17)",
    "young_adults": "Young adults (18 to 25)",
    "older_adults": "Older adults",
    "women": "Women",
    "men": "Men",
    "lgbtq": "LGBTQ+ people",
    "veterans": "Veterans",
    "active_military": "Active duty military",
    "military_families": "Military families",
    "co_occurring": "People with co-occurring mental health conditions",
    "pregnant_postpartum": "Pregnant and postpartum people",
    "justice_involved": "People involved with the justice system",
    "dui_dwi": "People with a DUI or DWI charge",
    "hiv": "People with HIV or AIDS",
    "trauma": "People who have experienced trauma",
    "domestic_violence": "People who have experienced domestic or intimate partner violence",
    "sexual_abuse": "People who have experienced sexual abuse",
}

# telehealth: attended entirely by video, so found by the states it serves; hybrid: meets in
# person, with some sessions or services by video, so found by distance like in_person.
FORMATS = {
    "in_person": "In person",
    "telehealth": "Entirely by video",
    "hybrid": "In person, some sessions by video",
}

SERVICES = {
    "individual_therapy": "Individual therapy",
    "group_therapy": "Group therapy",
    "family_therapy": "Family therapy",
    "skills_education": "Skills education (coping, communication)",
    "relapse_prevention": "Relapse prevention",
    "drug_testing": "Drug testing",
    "case_management": "Case management",
    "peer_support": "Peer support",
    "psychiatric_care": "Psychiatric care",
    "aftercare": "Aftercare and alumni groups",
}

MAT = {
    "offered": "Offered by the program",
    "coordinated": "Coordinated with an outside prescriber",
    "accepted": "People already taking it are welcome",
    "not_accepted": "Not accepted",
}

PAYMENT = {
    "medicaid": "Medicaid",
    "medicare": "Medicare",
    "tricare": "TRICARE",
    "state_insurance": "State-financed insurance (other than Medicaid)",
    "private_insurance": "Private insurance",
    "self_pay": "Self-pay",
    "sliding_scale": "Sliding scale fees",
    "payment_assistance": "Payment assistance",
    "ihs_tribal": "IHS, Tribal or Urban Indian funds",
    "free": "Free (no charge)",
}

ACCEPTING = {
    "yes": "Accepting new patients",
    "waitlist": "Waiting list",
    "no": "Not accepting new patients",
    "unknown": "Intake status unknown",
}

# What a page says for populations, services or payment that the source does not list.
NOT_LISTED_TEXT = "Not listed in the source: call to ask"

VERIFICATION_METHODS = {
    "phone_call": "by phone",
    "provider_form": "with the update form",
    "pull_request": "with a pull request",
    "email": "by email",
    "website": "on the provider's website",
    "in_person": "in person",
}

UNREACHABLE_REASONS = {
    "no_answer": "nobody answered",
    "no_callback": "messages were left and nobody called back",
    "disconnected": "the number is not in service",
    "wrong_number": "the number reaches someone else",
}

ACCREDITATIONS = {
    "joint_commission": "The Joint Commission",
    "carf": "CARF",
    "coa": "Council on Accreditation (COA)",
    "ncqa": "NCQA",
    "state_license": "State licensed",
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
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "AS": "American Samoa",
    "GU": "Guam", "MP": "Northern Mariana Islands", "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)
