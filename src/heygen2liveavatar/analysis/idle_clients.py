"""HTTP clients that only served requests a rule removed.

An auth class (or a getter) that fetched HeyGen's create_token token often opened a client of
its own for it: ``self._token_client = httpx.Client()`` in ``__init__``, or
``with httpx.Client() as client:`` around the fetch. Once H2L101 retires the fetch, the client
would stay open for nothing (a connection pool per instance). This module finds such clients;
it decides nothing about edits.
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


def is_client_constructor(node: cst.BaseExpression) -> bool:
    """``httpx.Client(timeout=10)``: a call of a client constructor whose arguments are
    literals or names (nothing evaluated for its effect)."""
    if type(node) is not cst.Call or dotted_name(node.func) not in CLIENT_CONSTRUCTORS:
        return False
    return all(
        type(arg.value) in (cst.Name, cst.Attribute, cst.Integer, cst.Float, cst.SimpleString)
        for arg in node.args
    )


def idle_attribute_clients(
    index: ModuleIndex, class_def: cst.ClassDef, removed: Set[int]
) -> list[cst.SimpleStatementLine]:
    """The ``self.X = <client constructor>`` lines of ``class_def``'s methods whose attribute
    is read nowhere in the module (``<anything>.X``, or ``"X"`` in a string) but inside the
    statements of ``removed`` (``id`` of each statement the edits delete)."""
    idle: list[cst.SimpleStatementLine] = []
    for line, attribute in _attribute_clients(class_def):
        if attribute in _string_values(index):
            continue  # ``getattr(self, "X")``
        if all(
            _inside(index, node, removed)
            for node in walk_nodes(index.module)
            if type(node) is cst.Attribute
            and node.attr.value == attribute
            and not _assigned(index, node, line)
        ):
            idle.append(line)
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
    "idle_attribute_clients",
    "idle_with_client",
    "is_client_constructor",
]
