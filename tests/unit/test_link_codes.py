"""The finder's linking page lists the link codes from the listing format, in each language."""

from __future__ import annotations

from generator.model.vocab import FORMATS, LEVELS, PAYMENT, POPULATIONS
from generator.output import site, theme


def test_the_linking_page_lists_every_code_of_the_schema() -> None:
    for lang, path in (("en", "finder/linking.md"), ("es", "es/finder/linking.md")):
        page = (theme.DOCS / path).read_text(encoding="utf-8")
        assert "<!-- iopdir:link-codes -->" in page, path
        text = site.expand_markers(page, [], lang)
        for vocab in (PAYMENT, LEVELS, FORMATS, POPULATIONS):
            for code in vocab:
                assert f"`{code}` (" in text, (path, code)
    assert "`state_insurance` (State-financed insurance (other than Medicaid))" in \
        site.link_codes([], "en")
    assert "`php` (Hospitalización parcial" in site.link_codes([], "es")


def test_link_examples_are_full_addresses_with_the_site_s_address_when_it_is_known() -> None:
    page = (theme.DOCS / "finder" / "linking.md").read_text(encoding="utf-8")
    known = site.expand_texts(page, site.marker_texts([], "en", "", "https://iop.example.org/"))
    assert "\nhttps://iop.example.org/finder/?zip=60614&miles=10" in known
    unknown = site.expand_texts(page, site.marker_texts([], "es", "", None))
    assert "\ndirección-de-su-sitio/finder/?zip=60614" in unknown
