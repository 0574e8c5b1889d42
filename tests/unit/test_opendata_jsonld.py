"""schema.org JSON-LD on provider pages: hours per track, and no way out of the <script>."""

from __future__ import annotations

import json
import re
from typing import Any

import markdown
import yaml

from generator.opendata import jsonld
from generator.pages import provider_page
from tests.conftest import TODAY
from tests.unit.helpers import listing, program, provider, track
from tests.unit.opendata_fixtures import unlisted_provider

# mkdocs.yml's, MkDocs' own (fenced_code), and one that reads lines to include files
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code",
              "pymdownx.snippets"]
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
HOSTILE = "</script><script>alert(1)</script>"


def script_text(page: str) -> str:
    """The JSON text the page's front matter hands to the <head> template."""
    meta = yaml.safe_load(page.split("---\n", 2)[1])
    text: str = meta["iopdir_jsonld"]
    return text


def embedded(page: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(script_text(page))
    return data


def services(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [offer["itemOffered"] for offer in data["hasOfferCatalog"]["itemListElement"]]


def test_each_track_is_a_service_with_its_weekly_hours() -> None:
    data = listing(programs=[program(accepting_new_patients={"status": "waitlist",
                                                             "as_of": "2026-10-01"},
                                     languages=["en", "es"], payment=["medicaid", "self_pay"],
                                     tracks=[track((["mon", "thu"], "18:00", "21:00"),
                                                   (["sat"], "09:30", "12:00"), name="Eve")])])
    clinic = embedded(provider_page.render(provider(data), TODAY))
    assert clinic["@type"] == "MedicalClinic" and clinic["name"] == "Unit Test Clinic"
    assert clinic["telephone"] == "(503) 555-0199"
    assert clinic["isAcceptingNewPatients"] is False  # a waiting list is not accepting now
    assert clinic["paymentAccepted"] == "Medicaid, Self-pay"
    assert clinic["address"] == [{"@type": "PostalAddress", "streetAddress": "1 Example Way",
                                  "addressLocality": "Portland", "addressRegion": "OR",
                                  "postalCode": "97201", "addressCountry": "US"}]
    [service] = services(clinic)
    assert service["name"] == "Adult IOP: Eve"
    assert [lang["alternateName"] for lang in
            service["availableChannel"]["availableLanguage"]] == ["en", "es"]
    assert service["hoursAvailable"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{day}",
         "opens": opens, "closes": closes}
        for day, opens, closes in (("Monday", "18:00", "21:00"), ("Thursday", "18:00", "21:00"),
                                   ("Saturday", "09:30", "12:00"))]


def test_accepting_new_patients_follows_the_programs() -> None:
    def status(*statuses: str) -> bool | None:
        programs = [program(accepting_new_patients={"status": s, "as_of": "2026-10-01"})
                    for s in statuses]
        return jsonld.is_accepting(provider(listing(programs=programs)))

    assert status("no", "yes") is True
    assert status("waitlist", "unknown") is False
    assert status("unknown") is None
    assert "isAcceptingNewPatients" not in jsonld.clinic(
        provider(listing(programs=[program(accepting_new_patients={"status": "unknown",
                                                                   "as_of": "2026-10-01"})])))


def test_a_program_without_a_schedule_is_a_service_without_hours() -> None:
    [service] = services(jsonld.clinic(unlisted_provider()))
    assert service["name"] == "Imported IOP" and "hoursAvailable" not in service


def test_listing_text_cannot_close_the_script() -> None:
    evil = listing(name=HOSTILE, description=f"{HOSTILE} & <b>bold</b> \u2028 next",
                   programs=[program(name=HOSTILE, tracks=[
                       track((["mon"], "18:00", "21:00"), name="<!-- x")])])
    page = provider_page.render(provider(evil), TODAY)
    block = script_text(page)
    assert not re.search(r"[<>&\u2028\u2029]", block)
    # The front matter is YAML for MkDocs, never HTML; the page body holds the text escaped.
    assert "alert(1)</script>" not in page.split("---\n", 2)[2]
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
    assert "<script" not in html  # the JSON-LD goes in <head>, never in the content
    head = f'<script type="application/ld+json">{block}</script>'  # as overrides/main.html
    assert head.count("</script>") == 1
    clinic = json.loads(SCRIPT.findall(head)[0])
    assert clinic["name"] == HOSTILE  # the escapes decode to exactly the listing's text
    assert clinic["description"] == f"{HOSTILE} & <b>bold</b> \u2028 next"
    assert services(clinic)[0]["name"] == f"{HOSTILE}: <!-- x"


def test_payment_the_source_does_not_list_is_left_unsaid() -> None:
    data = jsonld.clinic(provider(listing(programs=[program(payment="not_listed")])))
    assert "paymentAccepted" not in data
