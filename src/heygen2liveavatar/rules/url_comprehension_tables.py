"""URL tables built by a comprehension, written out entry by entry before the other rules run.

See :mod:`..analysis.url_comprehensions`. The rewrite happens alone in its pass (no other rule
edits the module then): the next pass migrates the written-out table's entries like any
endpoint table's (``engine/transform.py`` runs passes until nothing changes).
"""

from __future__ import annotations

from ..analysis.url_comprehensions import url_comprehensions
from .base import RuleContext

COMPREHENSION_RULE = "H2L901"
"""The rule the rewrite reports under."""


def spell_url_comprehensions(ctx: RuleContext) -> bool:
    """Replace each streaming URL comprehension by the table it builds; ``True`` when one was
    replaced (the module's other rules wait a pass)."""
    if COMPREHENSION_RULE not in ctx.selected or "streaming.{" not in ctx.index.code:
        return False
    done = False
    ctx.rule_code = COMPREHENSION_RULE
    for found in url_comprehensions(ctx.index):
        if ctx.replace(found.comprehension, found.table):
            done = True
            ctx.fixed(
                found.comprehension,
                "the URL table built by a comprehension is written out entry by entry: "
                "each streaming endpoint moves on its own on LiveAvatar",
            )
    return done


__all__ = ["COMPREHENSION_RULE", "spell_url_comprehensions"]
