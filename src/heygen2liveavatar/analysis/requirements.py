"""Requirement strings and version ranges: the small part of PEP 440 and PEP 508 (plus
Poetry's ``^``, ``~`` and bare versions) that dependency declarations of the frameworks use.

Recognises a requirement's name, extras and version clauses with their offsets in the text, so
a migration can edit spans of the original (comments, markers, other extras and the user's
spacing survive), and answers the one question the migration asks of a range: what edits make it
admit a minimum version and nothing older (``raise_to``), or does it already (``admits``).
Shared by H2L505's check of ``setup.py`` and the text processor for requirements files,
``pyproject.toml`` and ``setup.cfg`` (``engine/dependencies.py``), through
``analysis/dependency_moves.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
