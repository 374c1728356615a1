"""The command line: a thin layer of option parsing over the engine and the reports.

Only click is imported at start-up; the engine, LibCST and rich load when a command needs
them, because pre-commit starts this program on every commit.
"""

from __future__ import annotations

import sys

import click

from .._version import __version__

FORMAT_CHOICES = ("text", "json", "github", "sarif", "markdown")
TEXT_STYLES = ("full", "concise")
"""``--output-format`` also takes these: the text report's two styles (as in ruff)."""


def _split_codes(value: str | None) -> list[str]:
    if not value:
        return []
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def _selected(value: str | None) -> list[str]:
    """``--select``: an empty list is refused rather than read as "every rule"."""
    codes = _split_codes(value)
    if value is not None and not codes:
        raise click.UsageError("--select needs at least one rule code or prefix (e.g. H2L1)")
    return codes


def _resolve_format(
    output_format: str | None, output_style: str | None, configured: str | None
) -> tuple[str, str]:
    """(report format, text style) from ``--format``, ``--output-format`` and the config."""
    style = "full"
    if output_style in TEXT_STYLES:
        style, output_style = output_style, "text"
    if output_format and output_style and output_format != output_style:
        raise click.UsageError(
            f"--format {output_format} and --output-format {output_style} disagree"
        )
    chosen = output_format or output_style or configured or "text"
    if chosen in TEXT_STYLES:  # `format = "concise"` in the configuration
        style, chosen = chosen, "text"
    if chosen not in FORMAT_CHOICES:
        raise click.UsageError(f"unknown format in configuration: {chosen}")
    return chosen, style


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="heygen2liveavatar", message="%(prog)s %(version)s"
)
def main() -> None:
    """Migrate Python code from HeyGen's Interactive Avatar (Streaming) API to LiveAvatar."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--diff", "diff_mode", is_flag=True, help="Print a unified diff instead of writing files."
)
@click.option("--check", "check_mode", is_flag=True, help="Only report which files would change.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_CHOICES),
    default=None,
    help="Report format (default: text).",
)
@click.option(
    "--output-format",
    "output_style",
    type=click.Choice(TEXT_STYLES + FORMAT_CHOICES),
    default=None,
    help="full (default) or concise (one line per finding) text, or any --format.",
)
@click.option(
    "--statistics", is_flag=True, help="Print only the per-rule table of fixes and manual items."
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when files change or manual work remains (2 still means a failed input).",
)
@click.option(
    "--select",
    default=None,
    help="Comma-separated rule codes or prefixes to run (e.g. H2L1,H2L401).",
)
@click.option("--ignore", default=None, help="Comma-separated rule codes or prefixes to skip.")
@click.option(
    "--exclude", multiple=True, help="Glob of paths to skip (repeatable); adds to the config's."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: CPU count; 1 runs in-process).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the diff and the findings (default: only on a terminal, never with NO_COLOR).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the requested report.")
@click.option("--verbose", "-v", is_flag=True, help="Also list every fix.")
@click.option(
    "--stdin-filename",
    default=None,
    help="Path of the source read from standard input: named in messages, and the file of "
    "its project whose settings and facts apply.",
)
@click.option("--no-gitignore", is_flag=True, help="Do not skip files that git ignores.")
@click.option(
    "--no-inventory",
    is_flag=True,
    help="Walk only Python files and notebooks (skip dependency manifests and the non-Python inventory).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read the project's facts afresh, without the cache (HEYGEN2LIVEAVATAR_NO_CACHE=1).",
)
def migrate(
    paths: tuple[str, ...],
    diff_mode: bool,
    check_mode: bool,
    output_format: str | None,
    output_style: str | None,
    statistics: bool,
    exit_zero: bool,
    select: str | None,
    ignore: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    color: bool | None,
    quiet: bool,
    verbose: bool,
    stdin_filename: str | None,
    no_gitignore: bool,
    no_inventory: bool,
    no_cache: bool,
) -> None:
    """Migrate PATHS (files or directories; default: the current directory; `-`: standard
    input, the migrated source on standard output).

    Without --diff or --check, files are rewritten in place (atomically), and the helper
    module the migrated code imports (liveavatar_bridge.py) is written at its import root.

    Exit status: 0 nothing to do, 1 files changed (or would change) or manual work remains,
    2 usage error or a file that could not be processed.
    """
    from ..engine.config import ConfigError, load_config
    from .run import MigrateRequest, run_migrate

    if diff_mode and check_mode:
        raise click.UsageError("--diff and --check are mutually exclusive")
    paths = paths or (".",)
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("'-' (standard input) must be the only PATH")
    try:
        # Standard input named by `--stdin-filename` is that file of its project: its settings.
        config = load_config((stdin_filename,) if paths == ("-",) and stdin_filename else paths)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    chosen_format, style = _resolve_format(output_format, output_style, config.format)
    if statistics and chosen_format not in ("text", "json"):
        raise click.UsageError("--statistics works with --format text or json")
    request = MigrateRequest(
        paths=paths,
        mode="diff" if diff_mode else "check" if check_mode else "write",
        output_format=chosen_format,
        select=_selected(select) or config.select,
        # Like --exclude, --ignore adds to the configured list (ruff's extend semantics
        # would need a second option; one that silently dropped the configuration surprised).
        ignore=[*config.ignore, *_split_codes(ignore)],
        exclude=[*config.exclude, *exclude],
        jobs=jobs or config.jobs,
        color=color if color is not None else config.color,
        quiet=quiet,
        verbose=verbose,
        stdin_filename=stdin_filename,
        respect_gitignore=not no_gitignore,
        inventory=not no_inventory,
        style=style,
        statistics=statistics,
        exit_zero=exit_zero,
        cache=not no_cache,
    )
    sys.exit(run_migrate(request))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_CHOICES),
    default="text",
    help="Report format (default: text, one `PATH:LINE:COL: H2Lnnn message` line per marker).",
)
@click.option(
    "--exclude", multiple=True, help="Glob of paths to skip (repeatable); adds to the config's."
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour (default: only on a terminal, never with NO_COLOR).",
)
@click.option("--quiet", "-q", is_flag=True, help="Do not print the closing count.")
@click.option("--no-gitignore", is_flag=True, help="Do not skip files that git ignores.")
def todo(
    paths: tuple[str, ...],
    output_format: str,
    exclude: tuple[str, ...],
    color: bool | None,
    quiet: bool,
    no_gitignore: bool,
) -> None:
    """List every TODO(heygen2liveavatar) marker under PATHS (default: the current directory).

    Exit status: 0 no marker, 1 markers remain, 2 usage error or unreadable input.
    """
    from ..engine.config import ConfigError, load_config
    from .todo import TodoRequest, run_todo

    paths = paths or (".",)
    if "-" in paths:
        raise click.UsageError("todo reads files; '-' (standard input) is not supported")
    try:
        config = load_config(paths)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    request = TodoRequest(
        paths=paths,
        output_format=output_format,
        exclude=[*config.exclude, *exclude],
        color=color if color is not None else config.color,
        quiet=quiet,
        respect_gitignore=not no_gitignore,
    )
    sys.exit(run_todo(request))


@main.command()
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text")
def rules(output_format: str) -> None:
    """List every rule: code, name, fix safety and summary."""
    import json

    from ..rules import ALL_RULES

    if output_format == "json":
        data = [
            {
                "code": rule.code,
                "name": rule.name,
                "summary": rule.summary,
                "fix": rule.fix,
                "docs": rule.docs(),
            }
            for rule in ALL_RULES
        ]
        click.echo(json.dumps(data, indent=2))
        return
    width = max(len(rule.name) for rule in ALL_RULES)
    for rule in ALL_RULES:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.fix:<6}  {rule.summary}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of rule CODE."""
    from ..rules import RULES_BY_CODE

    rule = RULES_BY_CODE.get(code.strip().upper())
    if rule is None:
        raise click.UsageError(f"unknown rule: {code} (see `heygen2liveavatar rules`)")
    click.echo(rule.docs())
