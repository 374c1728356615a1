"""Where a dependency on a framework's HeyGen integration moves: package, extras and version.

Given a requirement string (PEP 508, or a Poetry constraint), finds the framework package move
(``apispec.frameworks.PACKAGE_MOVES``) that applies to it and computes the requirement as it
should read after the migration, with the fix or manual message to report. A requirement
already on the new package is held to the same minimum, so a second run reports what the first
did. Companion packages (framework cores the new plugins need) are checked here too. Used by
H2L505 for ``setup.py`` and by ``engine/dependencies.py`` for the other declaration files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..apispec.frameworks import PACKAGE_MOVES, PackageMove
from .requirements import Requirement, admits, apply_edits, normalize, parse_requirement, raise_to


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
    HeyGen extra (another requirement of the same file moved them: two pins must agree; or
    the project's code imports their HeyGen integration)."""
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
    name: str, constraint: str | None, extras: Iterable[str], raised: Iterable[str] = ()
) -> tuple[PackageMove, str | None, str | None, str | None] | None:
    """For a Poetry dependency: (move, new constraint, fix, manual) or ``None``."""
    extras = list(extras)
    move = move_for(name, extras, raised) or target_of(name)
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
