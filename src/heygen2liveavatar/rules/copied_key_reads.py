"""API-key reads this run copied from a retired create_token call to where they are sent now.

``requests.post(create_token, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})`` goes;
``rules.token_auth`` copies its key into the token call's headers (or a client's defaults)
before H2L402 runs. H2L402 then renames or marks the original read, which the run removes:
the copies must get the same edit, or the migrated program sends the HeyGen key.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.index import string_value, walk_nodes
from .base import RuleContext

COPIED_KEY_READS = "token_auth.copied_key_reads"
"""``ctx.shared`` key: (copied expression, node now holding a copy) pairs."""


def note_copied_key_read(ctx: RuleContext, original: cst.CSTNode, target: cst.CSTNode) -> None:
    copies = ctx.shared.setdefault(COPIED_KEY_READS, [])
    assert isinstance(copies, list)
    copies.append((original, target))


def copies_of(ctx: RuleContext, node: cst.CSTNode) -> list[cst.CSTNode]:
    """Nodes this run copied ``node`` into."""
    copies = ctx.shared.get(COPIED_KEY_READS)
    if not isinstance(copies, list):
        return []
    return [
        target
        for original, target in copies
        if any(inner is node for inner in walk_nodes(original, into_scopes=False))
    ]


class _Rename(cst.CSTTransformer):
    def __init__(self, old: str, new: str) -> None:
        super().__init__()
        self.old, self.new = old, new

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        if string_value(updated_node) != self.old:
            return updated_node
        return updated_node.with_changes(value=updated_node.value.replace(self.old, self.new, 1))


def rename_in_copies(ctx: RuleContext, node: cst.SimpleString, old: str, new: str) -> None:
    """``os.environ["HEYGEN_API_KEY"]`` renamed to ``LIVEAVATAR_API_KEY`` at ``node``: so are
    the copies of it this run made (the ``"HEYGEN_API_KEY"`` literal in each)."""

    def rename(updated: cst.CSTNode) -> cst.CSTNode:
        renamed = updated.visit(_Rename(old, new))
        assert isinstance(renamed, cst.CSTNode)
        return renamed

    for target in copies_of(ctx, node):
        ctx.transform(target, rename)


__all__ = ["COPIED_KEY_READS", "copies_of", "note_copied_key_read", "rename_in_copies"]
