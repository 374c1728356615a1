"""Items of a HeyGen list read where the response's flow is lost (another function's
parameter, a helper's return value): told apart by a key only such an item has.

``choose_avatar(list_avatars(), pref)`` iterates ``a["pose_name"]`` and the caller prints
``avatar["normal_preview"]``: the JSON flow stops at the call boundary, but a variable read
with a key that only avatar-list items have (``pose_name``, ``normal_preview``) is such an
item, and its other item keys (``avatar_id``) are read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .index import ModuleIndex
from .responses import data_key_of


@dataclass(frozen=True)
class ItemRead:
    node: cst.CSTNode
    """``item["key"]`` or ``item.get("key")``."""
    key_node: cst.SimpleString
    key: str


def evidenced_item_reads(
    index: ModuleIndex, keys: frozenset[str], distinctive: frozenset[str]
) -> list[ItemRead]:
    """Reads of ``keys`` on names that, in the same function, are also read with one of the
    ``distinctive`` keys."""
    groups: dict[tuple[int, str], list[ItemRead]] = {}

    def add(
        node: cst.CSTNode,
        base: cst.BaseExpression,
        key_node: cst.SimpleString,
        key: str,
        scope: object,
    ) -> None:
        if isinstance(base, cst.Name):
            groups.setdefault((id(scope), base.value), []).append(ItemRead(node, key_node, key))

    for site in index.subscripts:
        keyed = data_key_of(site.node)
        if keyed is not None:
            add(site.node, keyed[0], keyed[2], keyed[1], site.context.function or index.module)
    for call in index.calls:
        keyed = data_key_of(call.node)
        if keyed is not None:
            add(call.node, keyed[0], keyed[2], keyed[1], call.context.function or index.module)
    found: list[ItemRead] = []
    for reads in groups.values():
        if any(read.key in distinctive for read in reads):
            found.extend(read for read in reads if read.key in keys)
    return found


__all__ = ["ItemRead", "evidenced_item_reads"]
