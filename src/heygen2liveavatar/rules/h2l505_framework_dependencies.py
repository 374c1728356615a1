"""H2L505: dependency declarations move to the frameworks' LiveAvatar packages and versions.

The requirement-string logic lives here so that both the text processor for requirements
files, ``pyproject.toml`` and ``setup.cfg`` (``engine/dependencies.py``) and this rule's check
of ``setup(install_requires=[...])`` in ``setup.py`` use it. Rewrites edit spans of the original
text: comments, markers, other extras and the user's spacing survive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import libcst as cst

from ..analysis.index import dotted_name
from ..apispec.frameworks import PACKAGE_MOVES, PackageMove
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal

# --------------------------------------------------------------------------------------
# Versions (the small part of PEP 440 these packages use)
# --------------------------------------------------------------------------------------

_VERSION = re.compile(r"^\s*v?(?P<release>\d+(?:\.\d+)*)(?P<suffix>[^\s,;)]*)\s*$", re.IGNORECASE)


def parse_version(text: str) -> tuple[tuple[int, ...], int] | None:
    """(release, phase) with phase 0 for pre/dev releases, 1 for a release, 2 for post."""
    match = _VERSION.match(text)
    if match is None:
        return None
    release = tuple(int(part) for part in match.group("release").split("."))
    suffix = match.group("suffix").lower()
    phase = 1 if not suffix else 2 if "post" in suffix else 0
    return release, phase


def _key(version: tuple[tuple[int, ...], int], width: int = 4) -> tuple[tuple[int, ...], int]:
    release, phase = version
    padded = release + (0,) * max(0, width - len(release))
    return padded, phase


def compare(a: str, b: str) -> int:
    """-1, 0 or 1; unparsable versions compare as equal (and so are left alone)."""
    left, right = parse_version(a), parse_version(b)
    if left is None or right is None:
        return 0
    width = max(len(left[0]), len(right[0]))
    ka, kb = _key(left, width), _key(right, width)
    return (ka > kb) - (ka < kb)


def normalize(name: str) -> str:
    """PEP 503 normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


# --------------------------------------------------------------------------------------
# Requirements (PEP 508, plus Poetry's ^ and ~ and bare versions)
# --------------------------------------------------------------------------------------

_NAME = re.compile(r"\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")
_EXTRAS = re.compile(r"\s*\[(?P<extras>[^\]]*)\]")
_CLAUSE = re.compile(
    r"\s*(?P<op>===|~=|==|!=|<=|>=|<|>|\^|~(?!=))?\s*(?P<version>[A-Za-z0-9*+!._-]+)\s*"
)


@dataclass
class Clause:
    op: str
    """``""`` for Poetry's bare version (meaning ``==``)."""
    version: str
    start: int
    """Offset of the version text in the requirement string."""
    end: int
    op_start: int = -1
    """Offset of the operator (``start`` when there is none)."""


@dataclass
class Requirement:
    text: str
    name: str
    name_span: tuple[int, int]
    extras: list[str]
    extras_span: tuple[int, int] | None
    """Span of the text between the brackets."""
    clauses: list[Clause]
    spec_end: int
    """Where a new clause would be appended (after the last clause, or after the extras)."""
    direct: bool
    """``name @ url``: no version to raise."""
    separator: str = ","

    @property
    def normalized(self) -> str:
        return normalize(self.name)


def parse_requirement(text: str, poetry: bool = False) -> Requirement | None:
    """Parse a requirement, or with ``poetry`` a Poetry constraint (``text`` is then only the
    version part and the name is empty)."""
    position = 0
    name = ""
    name_span = (0, 0)
    extras: list[str] = []
    extras_span: tuple[int, int] | None = None
    if not poetry:
        match = _NAME.match(text)
        if match is None:
            return None
        name = match.group("name")
        name_span = match.span("name")
        position = match.end()
        extras_match = _EXTRAS.match(text, position)
        if extras_match is not None:
            extras_span = extras_match.span("extras")
            extras = [e.strip() for e in extras_match.group("extras").split(",") if e.strip()]
            position = extras_match.end()
    spec_end = position
    rest = text[position:]
    marker = rest.find(";")
    spec_text = rest if marker < 0 else rest[:marker]
    if spec_text.strip().startswith("@"):
        return Requirement(text, name, name_span, extras, extras_span, [], spec_end, True)
    clauses: list[Clause] = []
    base = position
    inner = spec_text
    stripped = inner.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        open_at = inner.index("(")
        base += open_at + 1
        inner = inner[open_at + 1 : inner.rindex(")")]
    if inner.strip() and inner.strip() != "*":
        separator = ","
        if poetry and "||" in inner:
            return None
        offset = 0
        for piece in inner.split(","):
            match = _CLAUSE.fullmatch(piece)
            if match is None:
                return None
            op = match.group("op") or ""
            if not op and not poetry:
                return None
            start = base + offset + match.start("version")
            op_start = base + offset + match.start("op") if op else start
            clauses.append(
                Clause(
                    op, match.group("version"), start, start + len(match.group("version")), op_start
                )
            )
            offset += len(piece) + 1
        spec_end = clauses[-1].end
        if "," in inner:
            separator = inner[inner.index(",") : inner.index(",") + 1]
            after = inner[inner.index(",") + 1 :]
            separator += after[: len(after) - len(after.lstrip())]
        return Requirement(
            text, name, name_span, extras, extras_span, clauses, spec_end, False, separator
        )
    if inner.strip() == "*":
        star = base + inner.index("*")
        return Requirement(
            text,
            name,
            name_span,
            extras,
            extras_span,
            [Clause("*", "*", star, star + 1)],
            star + 1,
            False,
        )
    return Requirement(text, name, name_span, extras, extras_span, [], spec_end, False)


def _upper_of_compatible(version: str) -> str | None:
    """The exclusive upper bound of ``~=version``."""
    parsed = parse_version(version)
    if parsed is None or len(parsed[0]) < 2:
        return None
    release = list(parsed[0][:-1])
    release[-1] += 1
    return ".".join(str(part) for part in release)


def _upper_of_caret(version: str) -> str | None:
    parsed = parse_version(version)
    if parsed is None:
        return None
    release = list(parsed[0])
    for index, part in enumerate(release):
        if part != 0 or index == len(release) - 1:
            return ".".join(str(p) for p in [*release[:index], part + 1])
    return None


def _truncate(version: str, length: int) -> str:
    parsed = parse_version(version)
    assert parsed is not None
    release = list(parsed[0][:length]) + [0] * max(0, length - len(parsed[0]))
    return ".".join(str(part) for part in release)


@dataclass
class SpecOutcome:
    edits: list[tuple[int, int, str]]
    """(start, end, new text) within the requirement string."""
    conflict: str | None
    """Why the minimum cannot be reached by raising pins."""


def raise_to(requirement: Requirement, minimum: str) -> SpecOutcome:
    """Edits that make ``requirement`` admit ``minimum`` and nothing older."""
    edits: list[tuple[int, int, str]] = []
    bounded = False
    for clause in requirement.clauses:
        op, version = clause.op, clause.version
        if op == "*":
            edits.append((clause.start, clause.end, f">={minimum}"))
            bounded = True
            continue
        wildcard = version.endswith(".*")
        if op in ("<", "<="):
            too_low = compare(version, minimum) < 0 or (
                op == "<" and compare(version, minimum) == 0
            )
            if too_low:
                return SpecOutcome([], f"`{op}{version}` excludes {minimum}")
            continue
        if op == "!=":
            continue
        if op == "===":
            if compare(version, minimum) < 0:
                return SpecOutcome([], f"`==={version}` pins a version older than {minimum}")
            bounded = True
            continue
        if op in ("==", "") and wildcard:
            prefix = version[:-2]
            length = len(prefix.split("."))
            target = _truncate(minimum, length)
            order = compare(prefix, target)
            if order < 0:
                edits.append((clause.start, clause.end, f"{target}.*"))
                bounded = compare(target, minimum) == 0
            elif order > 0:
                bounded = True
            continue
        if op == "~=":
            if compare(version, minimum) < 0:
                length = len((parse_version(version) or ((0,), 1))[0])
                target = _truncate(minimum, length)
                edits.append((clause.start, clause.end, target))
                # ``~=1.2`` raised for 1.3.6 reads ``~=1.3``: still admits 1.3.0 to 1.3.5.
                bounded = bounded or compare(target, minimum) >= 0
            else:
                bounded = True
            continue
        # >=, >, ==, ^, ~ and Poetry's bare version: raise the version itself.
        if compare(version, minimum) < 0 or (op == ">" and compare(version, minimum) == 0):
            if op == ">":
                edits.append((clause.op_start, clause.end, f">={minimum}"))
            else:
                edits.append((clause.start, clause.end, minimum))
        bounded = True
    if not bounded:
        text = f"{requirement.separator}>={minimum}" if requirement.clauses else f">={minimum}"
        edits.append((requirement.spec_end, requirement.spec_end, text))
    return SpecOutcome(edits, None)


def admits(requirement: Requirement, minimum: str) -> bool:
    """Whether the version ranges of ``requirement`` leave room for ``minimum`` or later."""
    for clause in requirement.clauses:
        op, version = clause.op, clause.version
        if op in ("<", "<=") and (
            compare(version, minimum) < 0 or (op == "<" and compare(version, minimum) == 0)
        ):
            return False
        if op in ("==", "", "===") and not version.endswith(".*") and compare(version, minimum) < 0:
            return False
        if op in ("==", "") and version.endswith(".*"):
            prefix = version[:-2]
            if compare(prefix, _truncate(minimum, len(prefix.split(".")))) < 0:
                return False
        if op == "~=":
            upper = _upper_of_compatible(version)
            if upper is not None and compare(upper, minimum) <= 0:
                return False
        if op == "^":
            upper = _upper_of_caret(version)
            if upper is not None and compare(upper, minimum) <= 0:
                return False
        if op == "~":
            parsed = parse_version(version)
            if parsed is not None and len(parsed[0]) >= 2:
                upper = _upper_of_compatible(f"{version}.0" if len(parsed[0]) == 2 else version)
                if upper is not None and compare(upper, minimum) <= 0:
                    return False
    return True


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


# --------------------------------------------------------------------------------------
# Moves
# --------------------------------------------------------------------------------------


@dataclass
class RequirementChange:
    move: PackageMove
    new_text: str
    """The requirement as it should read (equal to the old one when only a finding is left)."""
    fix: str | None
    manual: str | None


def target_of(name: str) -> PackageMove | None:
    """The move whose *new* package is ``name`` (a requirement migrated earlier or by hand)."""
    normalized = normalize(name)
    for move in PACKAGE_MOVES:
        if move.new_name == normalized and move.name != normalized:
            return move
    return None


def move_for(name: str, extras: Iterable[str], raised: Iterable[str] = ()) -> PackageMove | None:
    """The move for a requirement; ``raised`` names packages to raise even without the
    HeyGen extra (another requirement of the same file moved them: two pins must agree)."""
    normalized = normalize(name)
    extras_set = {normalize(e) for e in extras}
    for move in PACKAGE_MOVES:
        if move.name != normalized:
            continue
        if move.needs_extra is not None and move.needs_extra not in extras_set:
            if normalized in raised:
                return PackageMove(move.name, move.new_name, move.min_version, why=move.why)
            continue
        return move
    return None


def _extras_edit(requirement: Requirement, move: PackageMove) -> tuple[int, int, str] | None:
    if not move.extra_renames or requirement.extras_span is None:
        return None
    renamed: list[str] = []
    for extra in requirement.extras:
        new = move.extra_renames.get(normalize(extra), extra)
        if new not in renamed:
            renamed.append(new)
    if renamed == requirement.extras:
        return None
    start, end = requirement.extras_span
    inner = requirement.text[start:end]
    separator = ", " if ", " in inner else ","
    return start, end, separator.join(renamed)


def migrate_requirement(text: str, raised: Iterable[str] = ()) -> RequirementChange | None:
    """What a PEP 508 requirement of a HeyGen framework package becomes, or ``None``."""
    requirement = parse_requirement(text)
    if requirement is None:
        return None
    # A requirement already on the new package (from an earlier run, or migrated by hand) is
    # held to the same minimum, so a second run reports what the first one did.
    move = move_for(requirement.name, requirement.extras, raised) or target_of(requirement.name)
    if move is None:
        return None
    return _migrate(requirement, move, text)


def _migrate(requirement: Requirement, move: PackageMove, label: str) -> RequirementChange:
    edits: list[tuple[int, int, str]] = []
    manual: str | None = None
    if requirement.direct:
        # The URL names the old project: renaming alone would make it lie.
        manual = (
            f"`{label.strip()}` is a direct reference: replace it with {move.new_name} "
            f">= {move.min_version} ({move.why})"
        )
    else:
        if move.new_name != requirement.normalized:
            edits.append((*requirement.name_span, move.new_name))
        extras = _extras_edit(requirement, move)
        if extras is not None:
            edits.append(extras)
        outcome = raise_to(requirement, move.min_version)
        if outcome.conflict is not None:
            manual = (
                f"{outcome.conflict}, the first {move.new_name} release this migration needs "
                f"({move.why}): widen the range"
            )
        else:
            edits.extend(outcome.edits)
    new_text = apply_edits(requirement.text, edits)
    fix = None
    if new_text != requirement.text:
        fix = f"`{label.strip()}` becomes `{new_text.strip()}`: {move.why}"
    return RequirementChange(move, new_text, fix, manual)


def migrate_poetry(
    name: str, constraint: str | None, extras: Iterable[str]
) -> tuple[PackageMove, str | None, str | None, str | None] | None:
    """For a Poetry dependency: (move, new constraint, fix, manual) or ``None``."""
    extras = list(extras)
    move = move_for(name, extras) or target_of(name)
    if move is None:
        return None
    if constraint is None:
        return move, None, None, None
    requirement = parse_requirement(constraint, poetry=True)
    if requirement is None:
        return (
            move,
            None,
            None,
            (
                f'`{name} = "{constraint}"`: raise it to {move.new_name} >= {move.min_version} '
                f"by hand ({move.why})"
            ),
        )
    outcome = raise_to(requirement, move.min_version)
    if outcome.conflict is not None:
        return (
            move,
            None,
            None,
            (
                f"{outcome.conflict}, the first {move.new_name} release this migration needs "
                f"({move.why}): widen the range"
            ),
        )
    new = apply_edits(constraint, outcome.edits)
    return move, new, None, None


def companion_conflict(
    text: str, companions: dict[str, tuple[str, str]], poetry_name: str | None = None
) -> str | None:
    """A manual message when ``text`` pins a companion package below what a moved package needs.

    ``companions`` maps normalised package -> (minimum, the package that needs it).
    """
    requirement = parse_requirement(text, poetry=poetry_name is not None)
    if requirement is None or requirement.direct:
        return None
    name = normalize(poetry_name) if poetry_name is not None else requirement.normalized
    if name not in companions:
        return None
    minimum, needed_by = companions[name]
    if admits(requirement, minimum):
        return None
    return f"{needed_by} needs {name} >= {minimum}, which `{text.strip()}` excludes: raise it"


def companions_of(moves: Iterable[PackageMove]) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for move in moves:
        if move.companion is not None:
            package, minimum = move.companion
            found[package] = (minimum, move.new_name)
    return found


# --------------------------------------------------------------------------------------
# The rule (setup.py; the other files go through engine/dependencies.py)
# --------------------------------------------------------------------------------------

_SETUP_CALLS = frozenset({"setup", "setuptools.setup", "distutils.core.setup"})
_SETUP_KEYWORDS = frozenset({"install_requires", "extras_require"})


class FrameworkDependenciesRule(Rule):
    code = "H2L505"
    needs_text = (
        "install_requires",
        "extras_require",
    )  # dependencies are read from these setup() keywords
    name = "framework-dependencies"
    summary = (
        "Dependencies on a framework's HeyGen integration move to its LiveAvatar package "
        "and the first version that has it."
    )
    fix = FIX_UNSAFE
    applies_to = (
        "requirements*.txt / *.in / constraints*.txt, pyproject.toml (PEP 621, PEP 735, Poetry, "
        "uv, PDM), setup.cfg and setup.py declaring pipecat-ai[heygen] (< 0.0.102), "
        "vision-agents-plugins-heygen, vision-agents[heygen] or livekit-plugins-hgl"
    )
    description = """
The code rules (H2L501-H2L503) emit the frameworks' LiveAvatar APIs, which need newer or
different packages. This rule rewrites the dependency declarations, as text, keeping comments,
markers, other extras and pins:

| before | after |
|---|---|
| `pipecat-ai[heygen]` (any range reaching below 0.0.102) | same, raised to `0.0.102`, the first release with `LiveAvatarNewSessionRequest(video_settings=VideoSettings(...))` |
| `vision-agents-plugins-heygen` | `vision-agents-plugins-liveavatar>=0.6.0` (its first release) |
| `vision-agents[heygen]` | `vision-agents[liveavatar]>=0.6.0` (the extra's first release) |
| `livekit-plugins-hgl` | `livekit-plugins-liveavatar>=1.3.6` (its first release) |

A pin that is too old is raised in its own style (`==0.0.97` -> `==0.0.102`, `^0.0.97` ->
`^0.0.102`, `~=0.0.97` -> `~=0.0.102`); a range without a lower bound gets `>=minimum`. An upper
bound that excludes the minimum, a hash-pinned line (the hashes would no longer match) and a
direct URL reference are reported instead of rewritten. `pipecat-ai` is only touched with its
`heygen` extra: without it the project does not use pipecat's HeyGen service. The new plugins
require newer framework cores: a `livekit-agents` pin below 1.3.6 or a `vision-agents` pin below
0.6.0 in the same file is reported.

Files: `requirements*.txt`, `requirements*.in`, `constraints*.txt`; `pyproject.toml`
(`[project]` dependencies and optional-dependencies, `[dependency-groups]`, `[tool.poetry.*]`
dependencies, groups and extras, `[tool.uv]` and `[tool.pdm]` dependency lists); `setup.cfg`
(`install_requires`, `extras_require`); and `setup.py` string literals in `setup(install_requires=...,
extras_require=...)`.

The fix is unsafe: a new framework release can change more than the avatar integration; run
your tests after installing it.
"""
    example_before = """
from setuptools import setup

setup(name="bot", install_requires=["pipecat-ai[daily,heygen]==0.0.97", "aiohttp"])
"""
    example_after = """
from setuptools import setup

setup(name="bot", install_requires=["pipecat-ai[daily,heygen]==0.0.102", "aiohttp"])
"""

    def check(self, ctx: RuleContext) -> None:
        sites = [
            site
            for site in ctx.index.strings
            if site.enclosing_call is not None
            and isinstance(site.node, cst.SimpleString)
            and ctx.index.qualified_name(_callee(site.enclosing_call)) in _SETUP_CALLS
            and self._inside_dependency_keyword(ctx, site.node, site.enclosing_call)
        ]
        changes = {id(site): migrate_requirement(site.value) for site in sites}
        raised = {
            c.move.name
            for c in changes.values()
            if c is not None and c.move.name == c.move.new_name
        }
        for site in sites:
            change = changes[id(site)] or migrate_requirement(site.value, raised)
            if change is None:
                continue
            if change.manual is not None:
                ctx.manual(site.node, change.manual)
            if change.fix is not None and edit_literal(ctx, site.node, site.value, change.new_text):
                ctx.fixed(site.node, change.fix)

    @staticmethod
    def _inside_dependency_keyword(ctx: RuleContext, node: cst.CSTNode, call: cst.Call) -> bool:
        current: cst.CSTNode | None = node
        while current is not None and current is not call:
            parent = ctx.index.parent_of(current)
            if isinstance(parent, cst.Arg) and parent.keyword is not None:
                return parent.keyword.value in _SETUP_KEYWORDS
            if isinstance(parent, cst.DictElement) and parent.key is current:
                return False  # an extra's name, not a requirement
            current = parent
        return False


def _callee(call: cst.Call) -> str | None:
    return dotted_name(call.func)
