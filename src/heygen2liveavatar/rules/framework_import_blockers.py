"""What keeps a framework import from moving, reported where a person must act.

Used by :class:`~.h2l500_frameworks.ImportMigration` for every H2L5xx rule: a binding whose
name is assigned again, or used by a statement the user suppressed, stays on HeyGen (the move
would leave an undefined or wrong name); star and plain dotted imports hide which names the
module uses, so they are reported rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.import_bindings import Binding, DottedImport, StarImport
from ..analysis.name_references import uses_of
from .base import RuleContext


def freeze_blocked_bindings(ctx: RuleContext, bindings: Sequence[Binding]) -> None:
    """Fill each binding's references; freeze (and report) those that cannot move."""
    uses = uses_of(
        ctx.index, ctx.module, frozenset(b.local for b in bindings if "." not in b.local)
    )
    for binding in bindings:
        if ctx.is_suppressed(binding.statement):
            binding.frozen = True
            continue
        references, rebindings = uses.get(binding.local, ([], []))
        binding.references.extend(references)
        for node in rebindings:
            binding.frozen = True
            ctx.manual(
                node,
                f"`{binding.local}` is also assigned here, so its HeyGen import was not "
                "migrated: rename one of them and run again",
            )
        suppressed = [node for node in binding.references if ctx.is_suppressed(node)]
        if suppressed:
            binding.frozen = True
            for node in binding.references:
                if node not in suppressed:
                    ctx.manual(
                        node,
                        f"`{binding.local}` is also used by a statement marked "
                        "`heygen2liveavatar: ignore`, so this use stays on HeyGen too",
                    )


def report_unsupported_imports(
    ctx: RuleContext,
    stars: Sequence[StarImport],
    dotted: Sequence[DottedImport],
    framework: str,
) -> None:
    """Star imports and plain dotted imports of a framework module: reported, never guessed."""
    for star in stars:
        ctx.manual(
            star.node,
            f"`from {star.module} import *` hides which {framework} names this module "
            "uses: import them by name so the LiveAvatar rewrite can apply, and run again",
        )
    for item in dotted:
        ctx.manual(
            item.alias,
            f"`import {item.module}` is used through its dotted path, which is not "
            f"rewritten: import the names from `{item.module}` (or the module `as` a "
            "name) and run again",
        )
