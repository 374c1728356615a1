#!/usr/bin/env python3
"""Generate ``docs/rules.md`` from the rule registry.

    python scripts/gen_rule_docs.py            # rewrite docs/rules.md
    python scripts/gen_rule_docs.py --check    # exit 1 if docs/rules.md is stale

Every section is a rule's own ``Rule.docs()`` (what ``heygen2liveavatar explain CODE``
prints), so the page, ``rules --format json``, ``explain`` and the SARIF rule help never
disagree. ``tests/test_rule_docs.py`` fails when the committed page is stale.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "rules.md"
COMMAND = "python scripts/gen_rule_docs.py"

# The contract's rule families, by the hundreds digit of the code.
CATEGORIES = (
    ("1", "Session lifecycle"),
    ("2", "In-session control"),
    ("3", "Resources"),
    ("4", "Configuration"),
    ("5", "Framework integrations"),
    ("9", "Detections that always need a person"),
)
FIX_SAFETY = (
    ("safe", "the migrated code does what the original did, against LiveAvatar"),
    ("unsafe", "the best rewrite, but behaviour can change: review the diff"),
    ("manual", "no automatic fix; the place gets a `TODO(heygen2liveavatar)` marker comment"),
)

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^#{1,6} ")


def _import_registry() -> None:
    """Let the script run from a checkout without an installed package."""
    try:
        import heygen2liveavatar  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))


def shift_headings(markdown: str, levels: int) -> str:
    """Demote ATX headings by ``levels``; lines inside code fences (``# comments``) stay."""
    lines = []
    fence: str | None = None
    for line in markdown.splitlines():
        match = _FENCE.match(line)
        if match is not None:
            if fence is None:
                fence = match.group(1)
            elif match.group(1) == fence:
                fence = None
        elif fence is None and _HEADING.match(line):
            line = "#" * levels + line
        lines.append(line)
    return "\n".join(lines)


def anchor(heading: str) -> str:
    """GitHub's slug for a heading: lower case, punctuation dropped, spaces to hyphens."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render() -> str:
    """The whole page."""
    _import_registry()
    from heygen2liveavatar.rules import ALL_RULES

    out = [
        "# Rules",
        "",
        f"<!-- Generated from the rule registry by `{COMMAND}`; do not edit by hand. -->",
        "",
        "Every rule of heygen2liveavatar. `heygen2liveavatar rules` lists them, "
        "`heygen2liveavatar explain CODE` prints one section of this page, and "
        "`--select`/`--ignore` take codes or prefixes (`H2L1`, `H2L401`).",
        "",
        "Fix safety:",
        "",
        *(f"- **{name}**: {meaning}." for name, meaning in FIX_SAFETY),
        "",
        "| Code | Name | Fix | Summary |",
        "| --- | --- | --- | --- |",
    ]
    for rule in ALL_RULES:
        link = anchor(f"{rule.code} {rule.name}")
        out.append(
            f"| [{rule.code}](#{link}) | {_cell(rule.name)} | {rule.fix} | {_cell(rule.summary)} |"
        )
    known = {digit for digit, _title in CATEGORIES}
    groups = [*CATEGORIES, ("", "Other rules")]
    for digit, title in groups:
        members = [
            rule
            for rule in ALL_RULES
            if (rule.code[3:4] == digit if digit else rule.code[3:4] not in known)
        ]
        if not members:
            continue
        heading = f"{title} (H2L{digit}xx)" if digit else title
        out += ["", f"## {heading}"]
        for rule in members:
            out += ["", shift_headings(rule.docs().strip(), 2)]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="Exit 1 if the file is stale; write nothing."
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="Default: docs/rules.md.")
    args = parser.parse_args(argv)
    text = render()
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is stale: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
