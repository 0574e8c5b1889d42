"""The schema additions the import needs: intake lines, phone extensions and free care."""

from __future__ import annotations

from generator.load.schema_check import check
from generator.load.yamlload import Document
from generator.model.links import tel_href
from generator.pages import provider_page
from tests.conftest import TODAY
from tests.unit.helpers import listing, program, provider


def _errors(data: dict[str, object]) -> list[str]:
    return [d.message for d in check(Document("t.yaml", data))]


def test_intake_lines_show_on_the_page_as_phone_links() -> None:
    page = provider_page.render(provider(listing(
        phone="(503) 555-0199 ext. 12", intake_phones=["(503) 555-0198"])), TODAY)
    intake = ('<li><strong>To start a program (intake):</strong> <a class="iop-tel" '
              'href="tel:+15035550198">(503) 555-0198</a></li>')
    main = ('<li><strong>Main phone:</strong> <a class="iop-tel" href="tel:+15035550199;ext=12">'
            '(503) 555-0199 ext. 12</a></li>')
    assert intake in page and main in page
    assert page.index(intake) < page.index(main)  # the line that starts a program comes first


def test_extensions_intake_lines_and_free_care_are_valid() -> None:
    assert _errors(listing(phone="(503) 555-0199 ext. 12", intake_phones=["(503) 555-0198"],
                           programs=[program(payment=["free"])])) == []


def test_a_phone_extension_has_one_form() -> None:
    [message] = _errors(listing(phone="(503) 555-0199 x12"))
    assert message.startswith("phone: ")
    assert "' ext. 12'" in message


def test_tel_links_carry_the_extension_apart() -> None:
    assert tel_href("(800) 719-8115 ext. 1") == "tel:+18007198115;ext=1"
    assert tel_href("+44 20 7946 0958") == "tel:+442079460958"
