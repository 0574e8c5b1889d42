"""The GitHub issue forms of `.github/ISSUE_TEMPLATE/`: their file names, labels and fields.

One place for what the forms, the links that prefill them (issue_links.py) and the conversion of
a submitted form (generator/authoring/form_update.py) must agree on. A test reads the YAML forms
and checks them against these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

UPDATE_FORM = "update-listing.yml"
PROBLEM_FORM = "report-problem.yml"
UPDATE_LABEL = "listing-update"  # set by the update form; its workflow makes a pull request
PROBLEM_LABEL = "listing-problem"  # set by the problem form
CONFIRMED_LABEL = "confirmed"  # a maintainer adds it to a problem report to mark a recheck
REVIEW_LABEL = "needs-review"  # on the pull requests the update workflow opens
NO_RESPONSE = "_No response_"  # what GitHub writes for a field left empty


@dataclass(frozen=True)
class Field:
    id: str  # the query parameter that prefills it
    label: str  # the heading of its answer in the issue body


LISTING = Field("listing", "Listing file")
PROGRAM = Field("program", "Program")
SCHEDULE = Field("schedule", "Weekly schedule")
INTAKE = Field("intake", "Taking new people?")
PAYMENT = Field("payment", "Insurance and payment")
PLANS = Field("plans", "Insurance plans accepted")
LANGUAGES = Field("languages", "Languages")
PHONE = Field("phone", "Main phone number")
WEBSITE = Field("website", "Website")
ROLE = Field("role", "Your role")
CONFIRM = Field("confirm", "How a maintainer can confirm this")
NOTES = Field("notes", "Anything else")
AGREE = Field("agree", "Before you send")
PROBLEM = Field("problem", "What is wrong")
DETAILS = Field("details", "What you know")

UPDATE_FIELDS = (LISTING, PROGRAM, SCHEDULE, INTAKE, PAYMENT, PLANS, LANGUAGES, PHONE, WEBSITE,
                 ROLE, CONFIRM, NOTES, AGREE)
PROBLEM_FIELDS = (LISTING, PROBLEM, DETAILS, AGREE)

# The intake dropdown: the words a coordinator picks, and the status each one writes.
INTAKE_CHOICES = {
    "No change": None,
    "Yes, taking new people": "yes",
    "Waiting list": "waitlist",
    "Not taking new people now": "no",
    "Not sure": "unknown",
}

# The boxes a sender must tick ("Before you send"); a form without them is not applied.
UPDATE_PROMISES = ("I work for this program, or it asked me to update its listing.",
                   "This form holds nothing about any person in treatment.")
PROBLEM_PROMISES = ("This report holds nothing about any person in treatment.",)

# The problem dropdown. Only these fixed words reach a listing (as recheck.reason); what a
# reporter types stays in the issue, for maintainers.
PROBLEMS = (
    "The phone number is wrong or does not work",
    "The program has closed",
    "It no longer offers intensive outpatient treatment",
    "The hours are wrong",
    "The address is wrong",
    "Something else in the listing is wrong",
)
