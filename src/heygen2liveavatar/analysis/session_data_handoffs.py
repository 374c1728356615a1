"""Uses of a parsed ``streaming.new`` response that read HeyGen's names where no rename reaches.

``if "url" not in data: raise ...`` tests for a HeyGen key by name; ``OUTBOX.put(data)``,
``HISTORY.append(data)`` and Flask's ``session.update(data)`` hand the whole response on to
readers elsewhere (a consumer thread, the next request) that look its keys up by HeyGen's
names. (Copies, ``data.copy()``, are the response itself to the tracker.) Each returns the expression that is
tested or handed on (``data``), which then gets HeyGen's names too.
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex
from .responses import OBJECT, ResponseTracker

_HEYGEN_KEYS = frozenset({"url", "access_token", "realtime_endpoint"})

# Methods of another object that keep their one argument for later readers: a queue, a list,
# a mapping merged from it (Flask's ``session.update(data)``).
_KEEPING_METHODS = frozenset({"put", "put_nowait", "append", "appendleft", "update"})


def _is_session_data(
    tracker: ResponseTracker, index: ModuleIndex, expr: cst.BaseExpression
) -> bool:
    context = None
    node: cst.CSTNode | None = expr
    while context is None and node is not None:
        context, node = index.context_of(node), index.parent_of(node)
    if context is None:
        return False
    origin = tracker.classify(expr, context)
    return origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT


def key_membership_tests(index: ModuleIndex, tracker: ResponseTracker) -> list[cst.BaseExpression]:
    """``data`` of ``"url" in data`` / ``"access_token" not in data``."""
    found: dict[int, cst.BaseExpression] = {}
    for site in index.strings:
        if site.value not in _HEYGEN_KEYS:
            continue
        comparison = index.parent_of(site.node)
        if not isinstance(comparison, cst.Comparison) or comparison.left is not site.node:
            continue
        target = comparison.comparisons[0]
        if not isinstance(target.operator, (cst.In, cst.NotIn)):
            continue
        if _is_session_data(tracker, index, target.comparator):
            found[id(target.comparator)] = target.comparator
    return list(found.values())


def handed_on_by_methods(index: ModuleIndex, tracker: ResponseTracker) -> list[cst.BaseExpression]:
    """``data`` of ``queue.put(data)``, ``rooms.append(data)``, ``session.update(data)``."""
    found: dict[int, cst.BaseExpression] = {}
    for call in index.calls:
        node = call.node
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in _KEEPING_METHODS):
            continue
        if len(node.args) != 1 or node.args[0].keyword is not None or node.args[0].star:
            continue
        handed = node.args[0].value
        if not isinstance(handed, (cst.Name, cst.Attribute, cst.Subscript)):
            continue
        if _is_session_data(tracker, index, func.value):
            continue  # ``SESSION.update(data)`` of a dict the tracker follows: renamed
        if _is_session_data(tracker, index, handed):
            found[id(handed)] = handed
    return list(found.values())


__all__ = ["handed_on_by_methods", "key_membership_tests"]
