"""HTTP clients that only served requests a rule removed.

An auth class (or a getter) that fetched HeyGen's create_token token often opened a client of
its own for it: ``self._token_client = httpx.Client()`` in ``__init__``, or
``with httpx.Client() as client:`` around the fetch. Once H2L101 retires the fetch, the client
would stay open for nothing (a connection pool per instance). This module finds such clients
(and the lines that only close them: ``self._token_client.close()`` in ``close()``); it decides
nothing about edits.
"""

from __future__ import annotations

from collections.abc import Iterator, Set

import libcst as cst

from .index import ModuleIndex, dotted_name, walk_nodes

# Constructors of clients that hold connections until closed, and nothing else: dropping the
# call loses no effect anyone would miss.
CLIENT_CONSTRUCTORS = frozenset(
    {
        "httpx.Client",
        "httpx.AsyncClient",
        "requests.Session",
        "requests.session",
        "aiohttp.ClientSession",
    }
)


# Settings objects a client is built with, plain values themselves: building one has no effect.
_SETTINGS_CONSTRUCTORS = frozenset(
    {"aiohttp.ClientTimeout", "ClientTimeout", "httpx.Timeout", "httpx.Limits"}
)
_INERT_LEAVES = (cst.Name, cst.Attribute, cst.Integer, cst.Float, cst.SimpleString)


def is_client_constructor(node: cst.BaseExpression) -> bool:
    """``httpx.Client(timeout=10)``, ``aiohttp.ClientSession(headers=HEADERS,
    timeout=aiohttp.ClientTimeout(total=20))``: a call of a client constructor whose arguments
    are literals, names, or settings built from them (nothing evaluated for its effect)."""
    if type(node) is not cst.Call or dotted_name(node.func) not in CLIENT_CONSTRUCTORS:
        return False
    return all(_inert(arg.value) for arg in node.args)


def _inert(value: cst.BaseExpression) -> bool:
    if type(value) in _INERT_LEAVES:
        return True
    return (
        type(value) is cst.Call
        and dotted_name(value.func) in _SETTINGS_CONSTRUCTORS
        and all(type(arg.value) in _INERT_LEAVES for arg in value.args)
    )


# Methods that only release a client: a line calling one does nothing once the client is gone.
CLOSE_METHODS = frozenset({"close", "aclose"})


def idle_attribute_clients(
    index: ModuleIndex, class_def: cst.ClassDef, removed: Set[int]
) -> list[tuple[cst.SimpleStatementLine, list[cst.SimpleStatementLine]]]:
    """The ``self.X = <client constructor>`` lines of ``class_def``'s methods whose attribute
    is read nowhere in the module (``<anything>.X``, or ``"X"`` in a string) but inside the
    statements of ``removed`` (``id`` of each statement the edits delete) and in lines that
    only close it (``self.X.close()``, ``await self.X.aclose()``), each with those lines."""
    idle: list[tuple[cst.SimpleStatementLine, list[cst.SimpleStatementLine]]] = []
    for line, attribute in _attribute_clients(class_def):
        if attribute in _string_values(index):
            continue  # ``getattr(self, "X")``
        closes: list[cst.SimpleStatementLine] = []
        for node in walk_nodes(index.module):
            if (
                type(node) is not cst.Attribute
                or node.attr.value != attribute
                or _assigned(index, node, line)
                or _inside(index, node, removed)
            ):
                continue
            close = _close_line(index, node)
            if close is None:
                break
            closes.append(close)
        else:
            idle.append((line, closes))
    return idle


def idle_with_client(index: ModuleIndex, statement: cst.With, removed: Set[int]) -> bool:
    """``with httpx.Client() as client:`` whose body reads ``client`` only inside statements
    of ``removed``: once they go, the block opens a client for nothing."""
    if len(statement.items) != 1:
        return False
    item = statement.items[0]
    if not is_client_constructor(item.item):
        return False
    if item.asname is None:
        return True
    target = item.asname.name
    if type(target) is not cst.Name:
        return False
    return all(
        _inside(index, node, removed)
        for node in walk_nodes(statement.body)
        if type(node) is cst.Name and node.value == target.value
    )


def _attribute_clients(
    class_def: cst.ClassDef,
) -> Iterator[tuple[cst.SimpleStatementLine, str]]:
    body = class_def.body
    if not isinstance(body, cst.IndentedBlock):
        return
    for method in body.body:
        if type(method) is not cst.FunctionDef or not isinstance(method.body, cst.IndentedBlock):
            continue
        for line in method.body.body:
            if type(line) is not cst.SimpleStatementLine or len(line.body) != 1:
                continue
            assign = line.body[0]
            if type(assign) is not cst.Assign or len(assign.targets) != 1:
                continue
            target = assign.targets[0].target
            if (
                type(target) is cst.Attribute
                and type(target.value) is cst.Name
                and target.value.value == "self"
                and is_client_constructor(assign.value)
            ):
                yield line, target.attr.value


def _close_line(index: ModuleIndex, node: cst.Attribute) -> cst.SimpleStatementLine | None:
    """The line ``node`` (``self.X``) is in when the line only closes it: ``self.X.close()``
    or ``await self.X.aclose()``, alone on its line."""
    if type(node.value) is not cst.Name or node.value.value != "self":
        return None
    method = index.parent_of(node)
    call = index.parent_of(method) if method is not None else None
    if (
        type(method) is not cst.Attribute
        or method.value is not node
        or method.attr.value not in CLOSE_METHODS
        or type(call) is not cst.Call
        or call.args
    ):
        return None
    expression: cst.CSTNode | None = index.parent_of(call)
    if type(expression) is cst.Await:
        expression = index.parent_of(expression)
    if type(expression) is not cst.Expr:
        return None
    line = index.parent_of(expression)
    if type(line) is not cst.SimpleStatementLine or len(line.body) != 1:
        return None
    return line


def _string_values(index: ModuleIndex) -> set[str]:
    return {site.value for site in index.strings}


def _assigned(index: ModuleIndex, node: cst.Attribute, line: cst.SimpleStatementLine) -> bool:
    """``node`` is the target of ``line`` (the assignment itself, not a read)."""
    return index.statement_of(node) is line and isinstance(index.parent_of(node), cst.AssignTarget)


def _inside(index: ModuleIndex, node: cst.CSTNode, statements: Set[int]) -> bool:
    current: cst.CSTNode | None = node
    while current is not None:
        if id(current) in statements:
            return True
        current = index.parent_of(current)
    return False


__all__ = [
    "CLIENT_CONSTRUCTORS",
    "CLOSE_METHODS",
    "idle_attribute_clients",
    "idle_with_client",
    "is_client_constructor",
]
