"""The words of the theme's own templates (overrides/main.html and 404.html), in one language.

MkDocs' theme environment has no gettext catalogs of ours and does not autoescape, and other
runners (`iopdir generate`) render the overrides without any plugin. So the overrides print no
words of their own: they print `config.extra.iopdir_ui`, which the iopdir plugin (or `iopdir
generate`, in the configuration it writes) fills with this module's `ui`: short texts, escaped
where they are printed, and the crisis resources and the 404 page's body as HTML, rendered here
by the one autoescaping environment of generator/pages/templating.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.model import i18n
from generator.pages.templating import render_html


def ui(lang: str, sample: bool, roots: Mapping[str, str]) -> dict[str, str]:
    """`roots`: each language of the site with the address path of its home page ('/',
    '/es/'), first the one these words are for. The 404 page says its part in every language,
    since a host serves the same page for any missing address."""
    _ = i18n.translations(lang).gettext
    others = [other for other in roots if other != lang]
    not_found = render_html("theme/not_found.html", lang, root=roots[lang], level=1) + "".join(
        render_html("theme/not_found_other.html", other, root=roots[other], level=2)
        for other in others)
    return {
        "exit": _("Leave this site quickly"),
        "exit_hint": _("or press Shift 3 times"),
        "languages": _("This page in another language"),
        "printed_from": _("Printed from"),
        "not_found_title": _("Page not found"),
        "crisis": render_html("theme/crisis.html", lang, sample=sample).strip(),
        "crisis_footer": render_html("theme/crisis.html", lang, sample=False,
                                     place="footer").strip(),
        "not_found": not_found.strip(),
    }
