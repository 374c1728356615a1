"""Values a module serialises for readers outside the Python code.

``PAGE % json.dumps(info)`` puts the session into a page whose script reads ``session.url``;
``json.dump(info, f)`` leaves it in a file another process (the next CLI command) reads.
Like a dict a route returns as JSON, such a value is part of the program's interface.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from .index import Context, ModuleIndex

_SERIALISERS = frozenset(
    {
        "json.dumps",
        "json.dump",
        "orjson.dumps",
        "ujson.dumps",
        "ujson.dump",
        "yaml.dump",
        "yaml.safe_dump",
        "tomli_w.dumps",
        "tomli_w.dump",
    }
)


def serialised_values(index: ModuleIndex) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The first argument of each serialiser call (``json.dumps(info)``, ``json.dump(info, f)``),
    by the qualified name its import gives the callee."""
    for site in index.calls:
        if not site.node.args or site.node.args[0].keyword is not None or site.node.args[0].star:
            continue
        if index.qualified_name(site.name) in _SERIALISERS:
            yield site.node.args[0].value, site.context


__all__ = ["serialised_values"]
