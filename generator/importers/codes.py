"""What SAMHSA's N-SUMHSS service codes mean in this directory's vocabulary.

Each mapped code keeps the label it has in the directory's `service_definitions.csv`, so a test
(and every import) can check that the code still means what the mapping assumes. Codes with no
place in the schema are left out on purpose, for example F19 "Creole" (which Creole is not said)
and FX "Other languages" (which ones is not said).
"""

from __future__ import annotations

from dataclasses import dataclass

DIRECTORY = "substance"  # the definitions are per directory; the import reads this one


@dataclass(frozen=True)
class Code:
    code: str
    label: str  # as in service_definitions.csv, without the registered sign
    field: str  # which part of a listing it fills
    value: str  # the schema's value for it


def _codes(field: str, *rows: tuple[str, str, str]) -> tuple[Code, ...]:
    return tuple(Code(code, label, field, value) for code, value, label in rows)


# Programs with weekly schedules, one per level of care offered.
PROGRAM_LEVEL = _codes(
    "program_level",
    ("OIT", "iop", "Intensive outpatient treatment"),
    ("ODT", "php", "Outpatient day treatment or partial hospitalization"),
    ("ORT", "outpatient", "Regular outpatient treatment"),
)

CONTINUUM = PROGRAM_LEVEL + _codes(
    "levels_of_care",
    ("RES", "residential", "Residential/24-hour residential"),
    ("RS", "residential", "Short-term residential"),
    ("RL", "residential", "Long-term residential"),
    ("HI", "inpatient", "Hospital inpatient/24-hour hospital inpatient"),
    ("HIT", "inpatient", "Hospital inpatient treatment"),
    ("DT", "withdrawal_management", "Detoxification"),
    ("OD", "withdrawal_management", "Outpatient detoxification"),
    ("RD", "withdrawal_management", "Residential detoxification"),
    ("HID", "withdrawal_management", "Hospital inpatient detoxification"),
)

PAYMENT = _codes(
    "payment",
    ("MD", "medicaid", "Medicaid"),
    ("MC", "medicare", "Medicare"),
    ("MI", "tricare", "Federal military insurance (e.g., TRICARE)"),
    ("SI", "state_insurance", "State-financed health insurance plan other than Medicaid"),
    ("PI", "private_insurance", "Private health insurance"),
    ("SF", "self_pay", "Cash or self-payment"),
    ("SS", "sliding_scale", "Sliding fee scale (fee is based on income and other factors)"),
    ("PA", "payment_assistance", "Payment assistance (check with facility for details)"),
    ("ITU", "ihs_tribal", "IHS/Tribal/Urban (ITU) funds"),
    ("NP", "free", "No payment accepted"),
)

POPULATIONS = _codes(
    "populations",
    ("ADLT", "adults", "Adults"),
    ("YAD", "young_adults", "Young Adults"),
    ("TAY", "young_adults", "Young adults"),
    ("AD", "adolescents", "Adolescents"),
    ("CHLD", "adolescents", "Children/Adolescents"),
    ("SNR", "older_adults", "Seniors"),
    ("SE", "older_adults", "Seniors or older adults"),
    ("WN", "women", "Adult women"),
    ("MN", "men", "Adult men"),
    ("GL", "lgbtq", "Lesbian, gay, bisexual, transgender, or queer/questioning (LGBTQ)"),
    ("VET", "veterans", "Veterans"),
    ("ADM", "active_military", "Active duty military"),
    ("MF", "military_families", "Members of military families"),
    ("CO", "co_occurring", "Clients with co-occurring mental and substance use disorders"),
    ("PW", "pregnant_postpartum", "Pregnant/postpartum women"),
    ("CJ", "justice_involved", "Criminal justice (other than DUI/DWI)/Forensic clients"),
    ("DU", "dui_dwi", "Specially designed program for DUI/DWI clients"),
    ("HV", "hiv", "Clients with HIV or AIDS"),
    ("TRMA", "trauma", "Clients who have experienced trauma"),
    ("DV", "domestic_violence",
     "Clients who have experienced intimate partner violence, domestic violence"),
    ("XA", "sexual_abuse", "Clients who have experienced sexual abuse"),
)

LANGUAGES = _codes(
    "languages",
    ("SP", "es", "Spanish"),
    ("AH", "ase", "Sign language services for the deaf and hard of hearing"),
    ("F4", "ar", "Arabic"),
    ("F17", "zh", "Any Chinese Language"),
    ("F25", "fa", "Farsi"),
    ("F28", "fr", "French"),
    ("F30", "de", "German"),
    ("F31", "el", "Greek"),
    ("F35", "he", "Hebrew"),
    ("F36", "hi", "Hindi"),
    ("F37", "hmn", "Hmong"),
    ("F42", "it", "Italian"),
    ("F43", "ja", "Japanese"),
    ("F47", "ko", "Korean"),
    ("F66", "pl", "Polish"),
    ("F67", "pt", "Portuguese"),
    ("F70", "ru", "Russian"),
    ("F81", "tl", "Tagalog"),
    ("F92", "vi", "Vietnamese"),
    ("N24", "oj", "Ojibwa"),
    ("N40", "ypk", "Yupik"),
)

SERVICES = _codes(
    "services",
    ("ICO", "individual_therapy", "Individual counseling"),
    ("GCO", "group_therapy", "Group counseling"),
    ("FCO", "family_therapy", "Family counseling"),
    ("SSD", "skills_education", "Social skills development"),
    ("RELP", "relapse_prevention", "Relapse prevention"),
    ("DAUT", "drug_testing", "Drug or alcohol urine screening"),
    ("DAOF", "drug_testing", "Drug and alcohol oral fluid testing"),
    ("BABA", "drug_testing", "Breathalyzer or blood alcohol testing"),
    ("CM", "case_management", "Case management service"),
    ("PEER", "peer_support", "Mentoring/peer support"),
    ("RC", "peer_support", "Recovery coach"),
    ("MMD", "psychiatric_care", "Medication for mental disorders"),
    ("ACC", "aftercare", "Aftercare/continuing care"),
)

# Medication for addiction treatment, strongest first: the first kind a facility has wins.
MAT = _codes(
    "medication_for_addiction_treatment",
    ("OTP", "offered", "Federally-certified Opioid Treatment Program"),
    ("UB", "offered", "Prescribes buprenorphine"),
    ("UN", "offered", "Prescribes naltrexone"),
    ("PMAT", "offered", "This facility administers/prescribes medication for alcohol use disorder"),
    ("BUM", "offered", "Buprenorphine maintenance"),
    ("MM", "offered", "Methadone maintenance"),
    ("INPE", "coordinated", "In-network prescribing entity"),
    ("RPE", "coordinated", "Other contracted prescribing entity"),
    ("AUINPE", "coordinated", "In-network prescribing entity"),
    ("AURPE", "coordinated", "Other contracted prescribing entity"),
    ("MOA", "accepted", "Accepts clients using MAT but prescribed elsewhere"),
    ("ACMA", "accepted",
     "Accepts clients using medication assisted treatment for alcohol use disorder but "
     "prescribed elsewhere"),
)

FORMAT = _codes("format", ("TELE", "hybrid", "Telemedicine/telehealth therapy"))

ACCREDITATIONS = _codes(
    "accreditations",
    ("JC", "joint_commission", "The Joint Commission"),
    ("CARF", "carf", "Commission on Accreditation of Rehabilitation Facilities (CARF)"),
    ("COA", "coa", "Council on Accreditation (COA)"),
    ("NCQA", "ncqa", "National Committee for Quality Assurance (NCQA)"),
    ("STAG", "state_license", "State Substance use treatment agency"),
    ("STMH", "state_license", "State mental health department"),
    ("STDH", "state_license", "State department of health"),
)

# Who a facility does or does not treat: facts people need before they call, so the listing's
# description states them.
LIMITS = _codes(
    "description",
    ("OUDO", "Serves only people with opioid use disorder.", "Opioid use disorder clients only"),
    ("AUDO", "Serves only people with alcohol use disorder.", "Alcohol use disorder clients only"),
    ("DUO", "Serves only people with a DUI or DWI charge.", "Serves only DUI/DWI clients"),
    ("NOOP", "Does not treat opioid use disorder.", "Does not treat opioid use disorders"),
    ("NAUT", "Does not treat alcohol use disorder.", "Does not treat alcohol use disorder"),
)

ALL = (CONTINUUM + PAYMENT + POPULATIONS + LANGUAGES + SERVICES + MAT + FORMAT + ACCREDITATIONS
       + LIMITS)


def values(table: tuple[Code, ...], codes: frozenset[str]) -> list[str]:
    """The schema values for `codes`, once each, in the table's order."""
    found: list[str] = []
    for entry in table:
        if entry.code in codes and entry.value not in found:
            found.append(entry.value)
    return found


def normal_label(label: str) -> str:
    """A label as compared: the definitions file stores the registered sign as U+FFFD."""
    return " ".join(label.replace("\ufffd", "").replace("\u00ae", "").split())


def label_mismatches(definitions: dict[tuple[str, str], str]) -> list[str]:
    """Mapped codes that are missing from the definitions or now mean something else."""
    problems = []
    for entry in ALL:
        label = definitions.get((DIRECTORY, entry.code))
        if label is None:
            problems.append(f"code {entry.code!r} is not defined for the {DIRECTORY} directory")
        elif normal_label(label) != entry.label:
            problems.append(f"code {entry.code!r} now reads {normal_label(label)!r}, not "
                            f"{entry.label!r}: check what it means, then update "
                            "generator/importers/codes.py")
    return problems
