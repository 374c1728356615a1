"""Reads of a HeyGen API key under spellings other than an ``HEYGEN_API_KEY`` variable name:
a secrets or config lookup (``st.secrets["heygen"]["heygen_api_key"]``,
``config["heygen_api_key"]``) or a settings attribute (``self._settings.heygen_api_key``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from .index import ModuleIndex, walk_nodes

# heygen_api_key, heygen_key, heygenApiKey, HeyGenAPIKey (not HEYGEN_API_KEY: a variable name,
# which H2L402 renames itself).
_KEY = re.compile(r"^heygen_?(?:[a-z0-9]+_?)*?(?:api_?)?(?:key|token)$", re.IGNORECASE)
_VARIABLE = re.compile(r"^HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)$")


@dataclass(frozen=True)
class KeyRead:
    node: cst.CSTNode
    name: str


def is_key_name(name: str) -> bool:
    return _KEY.match(name) is not None and _VARIABLE.match(name) is None


def heygen_key_reads(index: ModuleIndex) -> list[KeyRead]:
    """Subscripts by a HeyGen-key string and attributes named after a HeyGen key, read (not
    assigned) in the module; one per statement."""
    found: list[KeyRead] = []
    seen: set[int] = set()
    for node in walk_nodes(index.module):
        name: str | None = None
        if type(node) is cst.Subscript and len(node.slice) == 1:
            index_value = node.slice[0].slice
            if isinstance(index_value, cst.Index) and isinstance(
                index_value.value, cst.SimpleString
            ):
                value = index_value.value.evaluated_value
                name = value if isinstance(value, str) else None
        elif type(node) is cst.Attribute:
            name = node.attr.value
        if name is None or not is_key_name(name):
            continue
        parent = index.parent_of(node)
        if isinstance(parent, cst.AssignTarget):
            continue  # a definition, not a read
        statement = index.statement_of(node)
        if statement is None or id(statement) in seen:
            continue
        seen.add(id(statement))
        found.append(KeyRead(node, name))
    return found
