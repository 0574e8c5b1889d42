"""Text iopdir writes to GitHub (bot comments, pull request bodies, the monthly report)."""

from __future__ import annotations

from generator.authoring.github_text import code, inert


def test_inert_text_carries_no_markup_and_mentions_nobody() -> None:
    assert inert("**bold** <b>x</b> @team") == "\\*\\*bold\\*\\* &lt;b&gt;x&lt;/b&gt; @\u2060team"


def test_a_code_span_shows_the_text_as_it_is() -> None:
    """No backslashes in a file name; a backtick inside cannot end the span early."""
    assert code("lanternfish-recovery-collective.yaml") == \
        "`lanternfish-recovery-collective.yaml`"
    assert code("a`b") == "``a`b``"
    assert code("`x") == "`` `x ``"
    assert code("two\nlines") == "`two lines`"
