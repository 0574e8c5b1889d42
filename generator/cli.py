"""The `iopdir` command: validate listings, build or serve the site, write docs, start a listing.

Exit codes: 0 success, 1 invalid listing data or a failed build, 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__, scaffold, site
from generator.catalog import Catalog, UsageError, load_paths
from generator.diagnostics import format_all, has_errors, strict
from generator.publish import OutputError, replace_dir

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
    for add in (_add_validate, _add_build, _add_serve, _add_generate, _add_new):
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
    cmd = _command(commands, "generate", "Write a complete docs directory (hand-written pages "
                   "plus generated pages and data) for another runner such as ProperDocs or "
                   "Zensical.", "iopdir generate --out build/docs && zensical build")
    cmd.add_argument("--out", type=Path, required=True, help="directory to write (replaced whole)")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR",
                     help="hand-written pages to copy (default: docs/)")
    _add_common(cmd)
    cmd.set_defaults(handler=_generate)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = _command(commands, "new", "Start a listing: write providers/SLUG.yaml from a template "
                   "with every field explained.", "iopdir new harbor-light-recovery")
    cmd.add_argument("slug", help="the file name: lowercase letters, digits and dashes")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.set_defaults(handler=_new)


def _add_site_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                     help="MkDocs configuration (default: mkdocs.yml)")


def _check(paths: list[Path], args: argparse.Namespace, fmt: str = "text") -> Catalog:
    """Load and report; warnings become errors under --strict."""
    catalog = load_paths(paths, today=args.today)
    if args.strict:
        catalog.diagnostics = strict(catalog.diagnostics)
    if catalog.diagnostics:
        stream = sys.stdout if fmt == "github" else sys.stderr
        print(format_all(catalog.diagnostics, fmt), file=stream)
    return catalog


def _summary(catalog: Catalog) -> str:
    errors = sum(1 for d in catalog.diagnostics if d.severity.value == "error")
    warnings = len(catalog.diagnostics) - errors
    return (f"{catalog.files} file{'s' if catalog.files != 1 else ''} checked: "
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}")


def _validate(args: argparse.Namespace) -> int:
    catalog = _check(args.paths, args, args.format)
    print(_summary(catalog), file=sys.stderr)
    return EXIT_INVALID if has_errors(catalog.diagnostics) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from generator import mkdocs_run  # MkDocs is imported only by the commands that run it

    _need_file(args.config)
    catalog = _check([args.providers], args)
    if has_errors(catalog.diagnostics):
        print(_summary(catalog) + "; the site was not built", file=sys.stderr)
        return EXIT_INVALID
    site_dir = args.site_dir or mkdocs_run.site_dir_of(args.config)
    try:
        mkdocs_run.build_site(args.config, args.providers.resolve(), site_dir, catalog,
                              args.strict, args.verbose)
    except mkdocs_run.BuildFailed as exc:
        print(f"iopdir: error: the build failed, the site was left as it was: {exc}",
              file=sys.stderr)
        return EXIT_INVALID
    print(f"Built {len(catalog.providers)} provider pages into {site_dir}", file=sys.stderr)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from generator import mkdocs_run

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
    catalog = _check([args.providers], args)
    if has_errors(catalog.diagnostics):
        print(_summary(catalog) + "; nothing was written", file=sys.stderr)
        return EXIT_INVALID
    if not args.docs.is_dir():
        raise UsageError(f"{args.docs}: no such directory")
    if args.out.resolve() == args.docs.resolve():
        raise UsageError("--out must not be the docs directory itself")
    replace_dir(args.out, lambda tmp: site.write_docs(tmp, args.docs, catalog.providers,
                                                      catalog.today))
    print(f"Wrote {len(catalog.providers)} provider pages and the docs into {args.out}",
          file=sys.stderr)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    path = scaffold.write_template(args.providers, args.slug)
    print(f"Wrote {path}. Fill it in, then run: iopdir validate {path}", file=sys.stderr)
    return EXIT_OK


def _need_file(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"{path}: no such file (run iopdir from the project directory, "
                         "or pass --config)")
