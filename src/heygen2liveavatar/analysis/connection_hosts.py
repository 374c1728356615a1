"""``http.client`` connections opened on a HeyGen host by a request wrapper.

``conn = http.client.HTTPSConnection(self.host)`` then ``conn.request(method, path, ...)`` in
``_call(method, path, payload)``: the host is in the connection's constructor, not in any URL,
so the wrapper's callers decide which API each request reaches (``_call("GET", "/v2/voices")``
beside ``_call("POST", "/v1/streaming.new", ...)``). Moving the host would send the video calls
to LiveAvatar; H2L401 asks here which wrappers open connections on it.
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex
from .values import ValueResolver

_CONNECTIONS = frozenset({"http.client.HTTPSConnection", "http.client.HTTPConnection"})


def connection_wrappers(
    index: ModuleIndex, resolver: ValueResolver, host: cst.CSTNode
) -> list[cst.FunctionDef]:
    """The functions opening an ``http.client`` connection whose host resolves to the literal
    ``host`` (``"api.heygen.com"``, also as the default of a setting kept on ``self``)."""
    found: list[cst.FunctionDef] = []
    for call in index.calls:
        if index.qualified_name(call.name) not in _CONNECTIONS or not call.node.args:
            continue
        function = call.context.function
        if not isinstance(function, cst.FunctionDef) or function in found:
            continue
        first = call.node.args[0]
        if first.keyword is not None and first.keyword.value != "host":
            continue
        if any(piece.node is host for piece in resolver.resolve(first.value, call.context)):
            found.append(function)
    return found


__all__ = ["connection_wrappers"]
