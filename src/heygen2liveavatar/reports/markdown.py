"""``--format markdown``: a pull-request comment (or job summary) in GitHub-flavoured Markdown.

Heading, totals, a table of fixes and manual items per rule, the manual to-do list with
links to ``path#Lline``, the files that change, and the files that failed. Lists are capped
so that a large run still fits in one comment (GitHub takes 65536 characters).

Links are relative (``path#L12``), which works where the document sits at the repository
root. Inside GitHub Actions (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY`` and ``GITHUB_SHA``
set) they become absolute ``.../blob/SHA/path#L12`` links, because a comment or job summary
does not resolve relative links against the repository. Line numbers are those of the source
as it was read, so the links are right for ``--check`` and ``--diff`` runs on the checkout.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from .._version import __version__
from ..engine.results import STATUS_CHANGED, STATUS_CREATED, FileResult, RunSummary
from ..model import KIND_MANUAL
from .base import Reporter
from .locations import printable, relative_posix, uri_path
from .rule_names import rule_name

TITLE = "heygen2liveavatar: HeyGen Streaming API to LiveAvatar"
"""Also how ``engine.own_reports`` recognises a saved report (tested): change both together."""
MAX_ITEMS = 200
"""Entries per list; the rest is counted, not listed."""

_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# Characters that can start Markdown or HTML constructs in running text, plus `@`, which
# would mention (and notify) a GitHub user.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&@#])")
_BACKTICKS = re.compile(r"`+")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def escape_text(text: str) -> str:
    """Plain text on one line, shown literally: Markdown-significant characters escaped."""
    return _escape(" ".join(text.split()))


def inline(text: str) -> str:
    """A message that may use `code spans` on purpose: spans kept, the rest escaped."""
    text = " ".join(text.split())
    pieces: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        pieces.append(_escape(text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_escape(text[position:]))
    return "".join(pieces)


def code(text: str) -> str:
    """``text`` as one code span, whatever backticks it contains."""
    text = " ".join(text.split())
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


class LinkMaker:
    """``path#Lline`` links, absolute when running in GitHub Actions."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        server = env.get("GITHUB_SERVER_URL", "").rstrip("/")
        repository = env.get("GITHUB_REPOSITORY", "")
        sha = env.get("GITHUB_SHA", "")
        self.prefix = f"{server}/{repository}/blob/{sha}/" if server and repository and sha else ""
        self.root = env.get("GITHUB_WORKSPACE") or None

    def link(self, path: str, line: int = 0) -> str:
        """``[`path:line`](path#Lline)``; plain ``path:line`` for a path outside the checkout."""
        relative = relative_posix(path, self.root)
        # A file name that is not UTF-8 shows its odd bytes as `\xNN`; the link target
        # percent-encodes them (`uri_path`).
        label = printable(relative if relative is not None else path)
        if line >= 1:
            label += f":{line}"
        if relative is None:
            return code(label)
        target = self.prefix + uri_path(relative)
        if line >= 1:
            target += f"#L{line}"
        return f"[{code(label)}]({target})"


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    lines = [f"| {' | '.join(header)} |", f"| {' | '.join(align)} |"]
    lines.extend(f"| {' | '.join(row)} |" for row in rows)
    return lines


def _capped(items: list[str]) -> list[str]:
    """At most ``MAX_ITEMS`` list items, then a count of the rest."""
    if len(items) <= MAX_ITEMS:
        return items
    rest = len(items) - MAX_ITEMS
    return [
        *items[:MAX_ITEMS],
        f"- … and {rest} more (run `heygen2liveavatar migrate --check` to see all)",
    ]


def _totals(summary: RunSummary, mode: str) -> list[str]:
    verb = "changed" if mode == "write" else "would change"
    totals = [
        f"**{_plural(summary.files_changed, 'file')} {verb}**",
        _plural(summary.fixes, "fix", "fixes"),
        f"{summary.manual} manual",
        _plural(summary.errors, "error"),
        f"{_plural(summary.files_scanned, 'file')} scanned",
    ]
    if summary.files_created:
        created = "created" if mode == "write" else "would be created"
        totals.insert(1, f"{_plural(summary.files_created, 'file')} {created}")
    lines = [" · ".join(totals)]
    if summary.acknowledged:
        lines += [
            "",
            f"{_plural(summary.acknowledged, 'open marker')} (`TODO(heygen2liveavatar)` "
            "comments left by an earlier run) "
            f"{'needs' if summary.acknowledged == 1 else 'need'} a person: see the to-do list.",
        ]
    if not summary.per_rule and not summary.errors and not summary.acknowledged:
        lines += ["", "Nothing to migrate: no HeyGen Streaming API usage needs changes."]
    return lines


def _rule_table(summary: RunSummary) -> list[str]:
    if not summary.per_rule:
        return []
    rows = []
    for rule_code in sorted(summary.per_rule):
        counts = summary.per_rule[rule_code]
        name = escape_text(rule_name(rule_code))
        rows.append([code(rule_code), name, str(counts["fix"]), str(counts["manual"])])
    rows.append(["**Total**", "", f"**{summary.fixes}**", f"**{summary.manual}**"])
    header = ["Rule", "Name", "Fixes", "Manual"]
    return ["", *_table(header, ["---", "---", "---:", "---:"], rows)]


def _manual_todo(results: list[FileResult], links: LinkMaker) -> list[str]:
    """New manual findings and the markers already in the files, in file and line order."""
    items = []
    for result in results:
        if result.status == STATUS_CREATED:
            continue
        entries = [(f, "") for f in result.findings if f.kind == KIND_MANUAL]
        entries += [(f, " *(marked in the code)*") for f in result.acknowledged]
        entries.sort(key=lambda entry: entry[0].sort_key())
        items += [
            f"- [ ] {links.link(result.path, finding.line)} {code(finding.rule)} "
            f"{inline(printable(finding.message))}{suffix}"
            for finding, suffix in entries
        ]
    if not items:
        return []
    return ["", f"### Manual to-do ({len(items)})", "", *_capped(items)]


def _changed_files(results: list[FileResult], links: LinkMaker, mode: str) -> list[str]:
    """A collapsed list: reviewers want to know which files change, not at first glance."""
    items = []
    for result in results:
        if result.status != STATUS_CHANGED:
            continue  # created files are listed apart, without a link
        parts = []
        if result.fixes:
            parts.append(_plural(len(result.fixes), "fix", "fixes"))
        if result.manual:
            parts.append(f"{len(result.manual)} manual")
        suffix = f" ({', '.join(parts)})" if parts else ""
        items.append(f"- {links.link(result.path)}{suffix}")
    lines: list[str] = []
    if items:
        title = f"Files that {'changed' if mode == 'write' else 'would change'} ({len(items)})"
        # HTML blocks need blank lines around Markdown content to render it.
        lines += ["", "<details>", f"<summary>{title}</summary>", "", *_capped(items), ""]
        lines += ["</details>"]
    created = [
        # No link: the new file is not in the commit the links point at.
        f"- {code(printable(relative_posix(result.path) or result.path))} (new helper module)"
        for result in results
        if result.status == STATUS_CREATED
    ]
    if created:
        verb = "were created" if mode == "write" else "would be created"
        lines += ["", f"### New files that {verb} ({len(created)})", "", *_capped(created)]
    return lines


def _errors(results: list[FileResult], links: LinkMaker) -> list[str]:
    items = [
        f"- {links.link(result.path, result.error_line)}: {escape_text(printable(result.error))}"
        for result in results
        if result.error is not None
    ]
    if not items:
        return []
    return ["", f"### Errors ({len(items)})", "", *_capped(items)]


def render(
    summary: RunSummary,
    results: list[FileResult],
    mode: str = "check",
    links: LinkMaker | None = None,
) -> str:
    """The whole comment; ``results`` as passed to ``Reporter.finish``."""
    links = links or LinkMaker()
    lines = [f"## {TITLE}", ""]
    lines += _totals(summary, mode)
    lines += _rule_table(summary)
    lines += _manual_todo(results, links)
    lines += _changed_files(results, links, mode)
    lines += _errors(results, links)
    lines += ["", f"<sub>heygen2liveavatar {escape_text(__version__)}</sub>", ""]
    return "\n".join(lines)


class MarkdownReporter(Reporter):
    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        self.context.out.write(render(summary, results, self.context.mode))
