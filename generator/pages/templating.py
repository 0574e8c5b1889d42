"""The one template environment for generated pages: listing text reaches HTML only through it.

Listing text is input from strangers. Pages are Markdown files for MkDocs, but no listing value
is ever handed to a Markdown parser (Markdown is not a sanitizer: its inline patterns run inside
text that looks escaped). Instead, everything a listing says is rendered by Jinja2 with
autoescaping into one raw HTML block per page, which Python-Markdown stores verbatim: a
top-level block element at the start of a line, without a `markdown` attribute, with no blank
line and no indented line in it (`html_block`). Addresses are built from validated values in
`generator.model.links` and escaped for their attribute like any other text.

Interface words are written `{{ _("Phone") }}` in the templates, through Jinja's i18n
extension: there is one environment per language of the site, each with that language's gettext
catalog (generator/model/i18n.py) and its filters and vocabulary tables in that language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.model import fmt, i18n, vocab
from generator.model.links import linkable, mailto_href, tel_href

_BLANK_OR_INDENT = re.compile(r"[\r\n]\s*")
# What Python's splitlines, and so some Markdown extensions, count as the end of a line; a tab.
_LINE_BREAKS = re.compile("[\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Characters YAML and JSON readers may refuse or treat as line breaks, written as escapes.
_NOT_ASCII = re.compile(r"[^\x20-\x7e]")


TABLES = {
    "ACCEPTING": vocab.ACCEPTING, "ACCREDITATIONS": vocab.ACCREDITATIONS,
    "CONTINUUM": vocab.CONTINUUM, "DAY_NAMES": vocab.DAY_NAMES, "FORMATS": vocab.FORMATS,
    "LEVELS": vocab.LEVELS, "MAT": vocab.MAT, "PAYMENT": vocab.PAYMENT,
    "POPULATIONS": vocab.POPULATIONS, "SERVICES": vocab.SERVICES,
    "UNREACHABLE_REASONS": vocab.UNREACHABLE_REASONS,
    "VERIFICATION_METHODS": vocab.VERIFICATION_METHODS,
}


def environment(lang: str = i18n.SOURCE) -> Environment:
    """The environment of one language (English by default), made once."""
    return _environment(lang)


@lru_cache(maxsize=8)
def _environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("generator.pages", "templates"),
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"], auto_reload=False, finalize=one_line,
    )
    env.install_gettext_translations(  # type: ignore[attr-defined]
        i18n.translations(lang), newstyle=True)
    env.filters.update(
        tel=tel_href, weblink=linkable, mailto=mailto_href, address=fmt.address,
        clock=partial(fmt.clock, lang=lang), hours=partial(fmt.hours, lang=lang),
        zone=partial(fmt.zone_name, lang=lang), state_name=partial(fmt.state_name, lang=lang),
        schedule=partial(fmt.schedule_summary, lang=lang),
        language=partial(language_name, lang=lang), labels=_labels,
        hours_number=_hours_number,
    )
    env.globals.update({name: i18n.table(labels, lang) for name, labels in TABLES.items()})
    env.globals.update(lang=lang, RIGHT_TO_LEFT=vocab.RIGHT_TO_LEFT,
                       SIGN_LANGUAGES=vocab.SIGN_LANGUAGES)
    env.globals["ui"] = env.get_template("macros.html").module  # imported once, not each time
    return env


def language_name(code: str, lang: str = i18n.SOURCE) -> str:
    """A language as the pages name it: in itself ('Español'), a sign language in `lang`."""
    if code in vocab.SIGN_LANGUAGES:
        return i18n.gettext_(lang, vocab.SIGN_LANGUAGES[code])
    return vocab.endonym(code)


def one_line(value: Any) -> Any:
    """Every printed value on one line (the environment's `finalize`). Python-Markdown's
    preprocessors read the page text line by line before any HTML block is set aside:
    fenced_code turns a line of three backticks into a code block, with attributes from
    attr_list (an onclick), and extensions such as pymdownx.snippets include files. So no
    listing text may start a line; line breaks mean nothing in HTML text anyway."""
    if isinstance(value, str) and _LINE_BREAKS.search(value):
        flat = _LINE_BREAKS.sub(" ", value)
        return Markup(flat) if isinstance(value, Markup) else flat
    return value


def _labels(codes: Iterable[str], table: Mapping[str, str]) -> list[str]:
    """`codes | labels(LEVELS)`: the words the site shows for a list of schema codes."""
    return [table[code] for code in codes]


def _hours_number(value: float) -> str:
    """7.5 -> '7.5', 9.0 -> '9': the number of hours, for a table cell."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def render(template: str, lang: str = i18n.SOURCE, **context: Any) -> str:
    """A template rendered in `lang` as a raw HTML block for a Markdown page (`html_block`)."""
    return html_block(render_html(template, lang, **context))


def render_html(template: str, lang: str = i18n.SOURCE, **context: Any) -> str:
    """A template rendered in `lang`, as HTML (for the theme's own parts)."""
    return environment(lang).get_template(template).render(**context)


def html_block(html: str) -> str:
    """`html` as one block that Python-Markdown keeps verbatim: it must open with a block-level
    element at the start of the text, and no line may be blank (which could end the block) or
    indented (which could start a code block). Whitespace between tags means nothing in HTML
    here (no <pre>), and listing text is escaped already, so lines are joined flush left and
    tabs become spaces. Every line starts with one of the templates' own tags: listing text
    never starts a line (see `one_line`)."""
    block = _BLANK_OR_INDENT.sub("\n", html.strip()).replace("\t", " ")  # Markdown expands tabs
    if not (block.startswith("<div") and block.endswith("</div>")):
        raise ValueError("a generated page block must be one <div> element")
    if any(not line.startswith("<") for line in block.split("\n")):
        raise ValueError("every line of a generated page block must start with a tag")
    return block + "\n"


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar holding exactly `value`, in printable ASCII only, so no
    character can end the string or make a YAML reader refuse the front matter (which MkDocs
    would then show as page text). JSON's escapes are YAML's, except that characters beyond
    U+FFFF are written as one `\\UXXXXXXXX` instead of a pair of surrogates."""
    # Mutation testing: ensure_ascii=None is an equivalent mutant (falsy, like False).
    return _NOT_ASCII.sub(_escape, json.dumps(value, ensure_ascii=False))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def front_matter(title: str, description: str, **data: str) -> str:
    """YAML front matter. Themes print `title` and `description` into HTML as they are (MkDocs'
    theme environment does not autoescape), so those two are HTML-escaped here: the pages stay
    safe in any runner `iopdir generate` writes for. The iopdir plugin marks them as escaped
    (and escapes hand-written pages' own). `data` values are kept exactly."""
    shown = {"title": str(escape(title)), "description": str(escape(description))}
    lines = [f"{key}: {yaml_string(value)}" for key, value in {**shown, **data}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
