"""The built-in styles and scripts in a project's configuration (MkDocs' extra_css and
extra_javascript), so a project's mkdocs.yml need not list them."""

from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

from generator.output import theme


def add_builtin(config: MkDocsConfig) -> None:
    """The built-in styles and scripts, before the project's own (which can then override
    them); one a project already lists keeps its place."""
    styles = {str(value) for value in config.extra_css}
    config.extra_css[:0] = [path for path in theme.STYLESHEETS if path not in styles]
    scripts = {str(value) for value in config.extra_javascript}
    config.extra_javascript[:0] = [_script(path, kind) for path, kind in theme.SCRIPTS.items()
                                   if path not in scripts]


def _script(path: str, kind: str) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    script.type = kind
    return script
