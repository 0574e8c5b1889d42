"""Only the theme's own inline scripts get into a page's policy, so the audit sees any other."""

from __future__ import annotations

from pathlib import Path

from generator.output import audit, hosting, theme_scripts

TEMPLATE = ('<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
            "__md_get=(e,_=localStorage)=>JSON.parse(_.getItem(e))</script>\n"
            "<script>{{ config.extra.analytics }}</script>\n"  # only an expression: never trusted
            '<script src="{{ base_url }}/x.js"></script>\n'
            '<script type="application/json">{"config": true, "and": "twenty more"}</script>\n')


def _trusted(tmp_path: Path) -> theme_scripts.TrustedScripts:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "base.html").write_text(TEMPLATE, encoding="utf-8")
    return theme_scripts.from_templates([tmp_path])


def test_a_template_script_is_trusted_with_any_plain_value_in_its_expressions(
        tmp_path: Path) -> None:
    trusted = _trusted(tmp_path)
    for base in (".", "../..", "/iop/"):
        assert trusted(f'__md_scope=new URL("{base}",location),'
                       "__md_get=(e,_=localStorage)=>JSON.parse(_.getItem(e))")


def test_an_expression_cannot_break_out_of_its_string(tmp_path: Path) -> None:
    trusted = _trusted(tmp_path)
    assert not trusted('__md_scope=new URL("x",location),alert(1),("",location),'
                       "__md_get=(e,_=localStorage)=>JSON.parse(_.getItem(e))")


def test_scripts_the_templates_do_not_write_are_not_trusted(tmp_path: Path) -> None:
    trusted = _trusted(tmp_path)
    assert len(trusted.patterns) == 1  # not the expression-only, src or data scripts
    assert not trusted("alert(1)")
    assert not trusted("")


def test_an_injected_script_is_left_out_of_the_policy_and_reported(tmp_path: Path) -> None:
    """Text a theme prints unescaped (a site name holding a script) cannot allow itself."""
    trusted = _trusted(tmp_path)
    page = ('<!doctype html><html><head><meta charset="utf-8">'
            '<script>__md_scope=new URL(".",location),'
            "__md_get=(e,_=localStorage)=>JSON.parse(_.getItem(e))</script>"
            "<title>Org</title><script>alert(1)</script></head><body></body></html>")
    secured, hashes = hosting.with_policy(page, trusted)
    assert len(hashes) == 1 and hosting.script_hash("alert(1)") not in hashes
    findings = [f.message for f in audit.audit_page(secured, "index.html")]
    assert any("alert(1)" in message and "not in the page's" in message
               for message in findings), findings
