"""Values a module serialises for readers outside the Python code.

``PAGE % json.dumps(info)`` puts the session into a page whose script reads ``session.url``;
``json.dump(info, f)`` (or ``pickle.dump(info, f)``) leaves it in a file another process (the
next CLI command) reads.
Like a dict a route returns as JSON, such a value is part of the program's interface.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from .index import CallSite, Context, ModuleIndex

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
        # a pickle is read back by Python, but by another process (the next command of a
        # script): no reader the tracking follows
        "pickle.dump",
        "pickle.dumps",
    }
)


def serialised_values(index: ModuleIndex) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The first argument of each serialiser call (``json.dumps(info)``, ``json.dump(info, f)``),
    by the qualified name its import gives the callee."""
    for site in index.calls:
        value = serialised_value(index, site)
        if value is None:
            continue
        yield value, site.context
        # ``json.dump({"spare": spare}, fh)``, or ``rooms = {"spare": spare}`` dumped: the
        # reader indexes the entry first.
        if isinstance(value, cst.Name):
            bound = site.context.scope.assignments.get(value.value, [])
            value = bound[0] if len(bound) == 1 else value
        if isinstance(value, cst.Dict):
            for element in value.elements:
                if isinstance(element, cst.DictElement):
                    yield element.value, site.context


def serialised_value(index: ModuleIndex, site: CallSite) -> cst.BaseExpression | None:
    """What ``site`` serialises, when it is a serialiser call with a positional first argument."""
    if not site.node.args or site.node.args[0].keyword is not None or site.node.args[0].star:
        return None
    if index.qualified_name(site.name) in _SERIALISERS:
        return site.node.args[0].value
    return None


__all__ = ["serialised_value", "serialised_values"]
