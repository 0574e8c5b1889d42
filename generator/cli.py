"""The `iopdir` command: validate listings, build or serve the site, write docs, start a listing.

Exit codes: 0 success, 1 invalid listing data or a failed build, 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from generator import __version__
from generator.authoring import (
    calls_command,
    form_command,
    init,
    record_command,
    report,
    scaffold,
)
from generator.importers import command as import_command
from generator.load import validation_cache
from generator.load.catalog import Catalog, UsageError, load_paths
from generator.load.diagnostics import format_all, has_errors, strict
from generator.load.validation_cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from generator.output import audit, hosting, runner_project
from generator.output.audit_pool import Auditor
from generator.output.publish import OutputError, replace_dir

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (UsageError, OutputError) as exc:
        print(f"iopdir: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iopdir", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Validate provider listings and build the IOP program directory site.",
        epilog="examples:\n  iopdir validate\n  iopdir build --strict\n  iopdir serve\n\n"
               "exit codes: 0 success, 1 invalid data or failed build, 2 usage error",
    )
    parser.add_argument("--version", action="version", version=f"iopdir {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in (_add_validate, _add_build, _add_serve, _add_generate, _add_audit, _add_new,
                _add_report, import_command.add, record_command.add, calls_command.add,
                form_command.add, init.add):
        add(commands)
    return parser


def _command(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
             summary: str, example: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=summary, description=summary,
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=f"example:\n  {example}",
    )


def _add_common(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                     help=argparse.SUPPRESS)  # fixes "today" so tests do not age
    _add_cache_options(cmd)


def _add_cache_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR, metavar="DIR",
                     help="keep validation results here, so only changed listings are checked "
                          "again (default: .iopdir-cache)")
    cmd.add_argument("--no-cache", action="store_true",
                     help="check every listing from scratch, without reading or writing the cache")


def _add_validate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "validate", "Check listing files and report every problem found.",
                   "iopdir validate providers/harbor-light.yaml --format github")
    cmd.add_argument("paths", nargs="*", type=Path, default=[Path("providers")], metavar="PATH",
                     help="listing files or directories (default: providers/)")
    cmd.add_argument("--format", choices=("text", "github"), default="text",
                     help="text (path:line:col: error: message) or github (workflow annotations)")
    _add_common(cmd)
    cmd.set_defaults(handler=_validate)


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "build", "Validate the listings, then build the static site. On "
                   "invalid data nothing is built and the existing site is left as it was.",
                   "iopdir build --providers providers --site-dir site --strict")
    _add_site_options(cmd)
    cmd.add_argument("--site-dir", type=Path, default=None,
                     help="where the site goes (default: site_dir of mkdocs.yml)")
    _add_site_url(cmd, "the site's public address, e.g. https://example.org/iop/ "
                       "(default: site_url of mkdocs.yml, which reads $SITE_URL)", None)
    cmd.add_argument("--verbose", action="store_true", help="show MkDocs' progress messages")
    _add_common(cmd)
    cmd.set_defaults(handler=_build)


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "serve", "Serve the site on this computer and rebuild it when a "
                   "listing or a page changes.", "iopdir serve --dev-addr 127.0.0.1:8000")
    _add_site_options(cmd)
    cmd.add_argument("--dev-addr", default=None, metavar="HOST:PORT",
                     help="address to serve on (default: 127.0.0.1:8000)")
    _add_common(cmd)
    cmd.set_defaults(handler=_serve)


def _add_generate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "generate", "Write a project that other runners build with no "
                   "hand edits: OUT/docs (hand-written, built-in and generated pages and data), "
                   "OUT/overrides, and OUT/mkdocs.yml and OUT/properdocs.yml without the iopdir "
                   "plugin. Then run zensical build, properdocs build or mkdocs build in OUT.",
                   "iopdir generate --out build && cd build && zensical build")
    cmd.add_argument("--out", type=Path, required=True, metavar="DIR",
                     help="directory to write (replaced whole); the site goes to DIR/site")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                     help="the project's MkDocs configuration (default: mkdocs.yml)")
    cmd.add_argument("--docs", type=Path, default=None, metavar="DIR",
                     help="hand-written pages to copy (default: docs_dir of the configuration)")
    _add_site_url(cmd, "the site's public address, for site_url and the Sitemap line of "
                       "robots.txt (default: $SITE_URL)", os.environ.get("SITE_URL") or None)
    _add_common(cmd)
    cmd.set_defaults(handler=_generate)


def _add_audit(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "audit", "Check every page of a built site: no event handler, no "
                   "javascript: address, no inline script outside the page's policy, nothing "
                   "loaded from another host, valid JSON-LD. `iopdir build` runs it every time.",
                   "iopdir audit site --providers providers")
    cmd.add_argument("site", type=Path, metavar="SITE_DIR", help="a built site")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory, to name the listing behind a problem "
                          "(default: providers/)")
    _add_site_url(cmd, "the site's own address (default: from its sitemap.xml)", None)
    cmd.set_defaults(handler=_audit)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "new", "Start a listing: ask a few questions (or take them as "
                   "options) and write providers/SLUG.yaml with every field explained. Never "
                   "replaces a file.", 'iopdir new --name "Harbor Light Recovery" --no-input '
                   '--phone "(503) 555-0142" --street "100 Example Ave" --city Portland '
                   "--zip 97201")
    cmd.add_argument("slug", nargs="?", help="the file name: lowercase letters, digits and "
                     "dashes (default: made from the name)")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    for question in scaffold.QUESTIONS:
        cmd.add_argument(f"--{question.field}", metavar="TEXT", help=question.help)
    cmd.add_argument("--no-input", action="store_true",
                     help="ask nothing: use the options, and leave the rest to fill in")
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    cmd.set_defaults(handler=_new)


def _add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "report", "Summarise the listings for maintainers: stale, "
                   "duplicated, without schedules, invalid, and counts by state and level of "
                   "care. Invalid listings are reported, not fatal.",
                   "iopdir report --format markdown > report.md")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--format", choices=("text", "markdown"), default="text",
                     help="text, or markdown for a GitHub issue (at most 100 rows a table)")
    cmd.add_argument("--stale-after-days", type=int, default=report.STALE_AFTER_DAYS,
                     metavar="DAYS", help="a listing verified longer ago than this is stale "
                     f"(default: {report.STALE_AFTER_DAYS})")
    _add_common(cmd)
    cmd.set_defaults(handler=_report)


def _add_site_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                     help="MkDocs configuration (default: mkdocs.yml)")


def _add_site_url(cmd: argparse.ArgumentParser, summary: str, default: str | None) -> None:
    cmd.add_argument("--site-url", type=_site_url, default=default, metavar="URL", help=summary)


def _site_url(value: str) -> str:
    try:
        return hosting.check_site_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _check(paths: list[Path], args: argparse.Namespace, fmt: str = "text",
           providers: bool = True) -> Catalog:
    """Load and report; warnings become errors under --strict."""
    catalog = _load(paths, args, providers)
    if args.strict:
        catalog.diagnostics = strict(catalog.diagnostics)
    if catalog.diagnostics:
        stream = sys.stdout if fmt == "github" else sys.stderr
        print(format_all(catalog.diagnostics, fmt), file=stream)
    return catalog


def _load(paths: list[Path], args: argparse.Namespace, providers: bool) -> Catalog:
    """Unchanged listings take their results from the validation cache (unless --no-cache)."""
    today = args.today or dt.date.today()
    directory = None if getattr(args, "no_cache", True) else args.cache_dir
    return validation_cache.load(paths, today, directory, providers, show_progress=True)


def _summary(catalog: Catalog) -> str:
    errors = sum(1 for d in catalog.diagnostics if d.severity.value == "error")
    warnings = len(catalog.diagnostics) - errors
    return (f"{catalog.files} file{'s' if catalog.files != 1 else ''} checked: "
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}")


def _validate(args: argparse.Namespace) -> int:
    catalog = _check(args.paths, args, args.format, providers=False)
    print(_summary(catalog), file=sys.stderr)
    return EXIT_INVALID if has_errors(catalog.diagnostics) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from generator.adapter import (
        run as mkdocs_run,  # MkDocs is imported only by the commands that run it
    )

    _need_file(args.config)
    catalog = _check([args.providers], args)
    if has_errors(catalog.diagnostics):
        print(_summary(catalog) + "; the site was not built", file=sys.stderr)
        return EXIT_INVALID
    site_dir = args.site_dir or mkdocs_run.site_dir_of(args.config)
    count = len(catalog.providers)  # the build releases the listings once pages are made
    try:
        mkdocs_run.build_site(args.config, args.providers.resolve(), site_dir, catalog,
                              args.strict, args.verbose, site_url=args.site_url)
    except mkdocs_run.BuildFailed as exc:
        print(f"iopdir: error: the build failed, the site was left as it was: {exc}",
              file=sys.stderr)
        return EXIT_INVALID
    print(f"Built {count} provider pages into {site_dir}", file=sys.stderr)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from generator.adapter import run as mkdocs_run

    _need_file(args.config)
    if not args.providers.is_dir():
        raise UsageError(f"{args.providers}: no such directory")
    catalog = _check([args.providers], args)
    if has_errors(catalog.diagnostics):
        print(_summary(catalog) + "; fix them, then serve again", file=sys.stderr)
        return EXIT_INVALID
    mkdocs_run.serve_site(args.config, args.providers.resolve(), args.dev_addr)
    return EXIT_OK


def _generate(args: argparse.Namespace) -> int:
    _need_file(args.config)
    config = runner_project.read_config(args.config)
    docs = args.docs or args.config.parent / str(config.get("docs_dir") or "docs")
    if not docs.is_dir():
        raise UsageError(f"{docs}: no such directory")
    if args.out.resolve() in (docs.resolve(), args.config.parent.resolve()):
        raise UsageError("--out must be a folder of its own, not the project or its docs")
    catalog = _check([args.providers], args)
    if has_errors(catalog.diagnostics):
        print(_summary(catalog) + "; nothing was written", file=sys.stderr)
        return EXIT_INVALID
    replace_dir(args.out, lambda tmp: runner_project.write(
        tmp, args.config, docs, catalog.providers, catalog.today, args.site_url))
    print(f"Wrote {len(catalog.providers)} provider pages, the docs and a configuration into "
          f"{args.out}; build it there with zensical build, properdocs build or mkdocs build",
          file=sys.stderr)
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    if not args.site.is_dir():
        raise UsageError(f"{args.site}: no such directory")
    sitemap = args.site / "sitemap.xml"
    own = (urlsplit(args.site_url).hostname if args.site_url else
           audit.sitemap_host(sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None)
    pages = sorted(path for path in args.site.rglob("*")
                   if path.is_file() and path.name.lower().endswith(audit.DOCUMENT_SUFFIXES))
    auditor = Auditor([own] if own else [], len(pages))
    try:
        auditor.add_files(args.site, (page.relative_to(args.site).as_posix() for page in pages))
        found = auditor.findings()
    finally:
        auditor.close()
    for finding in found:
        listing = args.providers / f"{finding.listing_slug}.yaml"
        print(finding.describe(str(listing) if listing.is_file() else None), file=sys.stderr)
    problems = len(found)
    print(f"{len(pages)} files audited (pages, SVG, XML): "
          f"{problems} problem{'' if problems == 1 else 's'}",
          file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    given = {field: getattr(args, field) for field in scaffold.FIELDS}
    prompter = None if args.no_input else scaffold.Prompter(sys.stdin, sys.stderr)
    written = scaffold.new_listing(args.providers, args.slug, given,
                                   args.today or dt.date.today(), prompter)
    path, again = written.path, invocation()
    if written.missing:
        print(f"Wrote {path}. Still to fill in: {', '.join(written.missing)}; the file will "
              f"not validate until they are. Then run: {again} validate {path}",
              file=sys.stderr)
    else:
        schedule = "" if given.get("schedule") or written.scheduled else "add your schedule, "
        print(f"Wrote {path}. It validates as written: check every value (the program starts "
              f"from common values), {schedule}then run: {again} validate {path}",
              file=sys.stderr)
    return EXIT_OK


def invocation() -> str:
    """How to run iopdir again from here, as people can type it: `iopdir` when that command is
    on PATH, else its path (such as .venv/bin/iopdir), or `python -m generator`."""
    started = Path(sys.argv[0])
    if started.name == "__main__.py":
        return f"{_typed(Path(sys.executable))} -m generator"
    on_path = shutil.which(started.name)
    if on_path and Path(on_path).resolve() == started.resolve():
        return started.name
    return _typed(started)


def _typed(path: Path) -> str:
    """`path` relative to the working folder when it is inside it; no symlink is resolved."""
    absolute = Path(os.path.abspath(path))  # noqa: PTH100 - keeps .venv/bin/python a symlink
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def _report(args: argparse.Namespace) -> int:
    found = report.build(load_paths([args.providers], today=args.today), args.stale_after_days)
    render = report.render_markdown if args.format == "markdown" else report.render_text
    sys.stdout.write(render(found))
    return EXIT_OK


def _need_file(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"{path}: no such file (run iopdir from the project directory, "
                         "or pass --config)")
