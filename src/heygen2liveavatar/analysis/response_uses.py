"""How code uses an HTTP response, read off the tree: ``resp.json()``, ``resp.raise_for_status()``,
``body["data"]["task_id"]``, ``body.get("code")``, status tests (``resp.status_code != 200``,
``not resp.ok``) and the statements around them.

Rules that replace a request by something that returns another value (an event id) read these
shapes to adapt each use of the old response (see ``rules/task_results.py``).
"""

from __future__ import annotations

import libcst as cst

from ..apispec.events import (
    ENVELOPE_DATA,
    RESPONSE_FAILURE_ATTRIBUTES,
    RESPONSE_STATUS_ATTRIBUTES,
)
from .index import ModuleIndex, string_value
from .responses import parse_receiver


def method_on(index: ModuleIndex, node: cst.CSTNode) -> tuple[cst.Call, str] | None:
    """``node.method()`` (no arguments): the call and the method's name."""
    attribute = index.parent_of(node)
    if not isinstance(attribute, cst.Attribute) or attribute.value is not node:
        return None
    call = index.parent_of(attribute)
    if not isinstance(call, cst.Call) or call.func is not attribute or call.args:
        return None
    return call, attribute.attr.value


def is_data_subscript(parent: cst.CSTNode | None, node: cst.CSTNode) -> bool:
    """``node["data"]``."""
    return (
        isinstance(parent, cst.Subscript)
        and parent.value is node
        and len(parent.slice) == 1
        and isinstance(parent.slice[0].slice, cst.Index)
        and string_value(parent.slice[0].slice.value) == ENVELOPE_DATA
    )


def assigned_name(parent: cst.CSTNode | None, node: cst.CSTNode) -> str | None:
    """``name = node``: the name."""
    if (
        isinstance(parent, cst.Assign)
        and parent.value is node
        and len(parent.targets) == 1
        and isinstance(parent.targets[0].target, cst.Name)
    ):
        return parent.targets[0].target.value
    return None


def assigned_value(updated: cst.CSTNode) -> cst.BaseExpression:
    assert isinstance(updated, cst.Assign)
    value = updated.value
    if isinstance(value, cst.Await):  # ``x = (await f())`` -> ``await f()``
        value = value.with_changes(lpar=[], rpar=[])
    return value


def rebound(updated: cst.CSTNode, name: str) -> cst.CSTNode:
    assert isinstance(updated, cst.Assign)
    target = updated.targets[0].with_changes(target=cst.Name(name))
    return updated.with_changes(targets=[target], value=assigned_value(updated))


def parse_call(index: ModuleIndex, read: cst.Name) -> cst.Call | None:
    """The call that parses the response ``read`` names: ``resp.json()``, ``json.load(resp)``,
    ``json.loads(resp.read().decode())``..."""
    current: cst.CSTNode | None = read
    for _ in range(6):  # resp -> .read -> () -> .decode -> () -> Arg -> json.loads(...)
        current = index.parent_of(current) if current is not None else None
        if isinstance(current, cst.Call) and parse_receiver(current, index) is read:
            return current
        if not isinstance(current, (cst.Attribute, cst.Call, cst.Arg)):
            return None
    return None


def is_whole_statement(index: ModuleIndex, expression: cst.CSTNode) -> bool:
    parent = index.parent_of(expression)
    if isinstance(parent, cst.Await):
        parent = index.parent_of(parent)
    return isinstance(parent, cst.Expr)


def descend(node: cst.CSTNode, depth: int) -> cst.CSTNode:
    """The expression ``depth`` subscripts / ``.get()`` calls below ``node`` (updated nodes)."""
    for _ in range(depth):
        if isinstance(node, cst.Subscript):
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            node = node.func.value
    if isinstance(node, cst.Await):
        node = node.with_changes(lpar=[], rpar=[])
    return node


def get_call(index: ModuleIndex, node: cst.CSTNode) -> tuple[cst.Call, str] | None:
    """``node.get("key")`` (a default or not): the call and the key."""
    attribute = index.parent_of(node)
    if not isinstance(attribute, cst.Attribute) or attribute.value is not node:
        return None
    call = index.parent_of(attribute)
    if (
        not isinstance(call, cst.Call)
        or call.func is not attribute
        or attribute.attr.value != "get"
        or not call.args
    ):
        return None
    key = string_value(call.args[0].value)
    return (call, key) if key is not None else None


_FAILURE_OPERATORS = (cst.NotEqual, cst.GreaterThanEqual, cst.GreaterThan, cst.NotIn)
_SUCCESS_OPERATORS = (cst.Equal, cst.LessThan, cst.LessThanEqual, cst.In)


def status_check(
    index: ModuleIndex, read: cst.Name
) -> tuple[cst.BaseExpression, bool, cst.If | None] | None:
    """A test of the response's status (``resp.status_code != 200``, ``not resp.ok``...): the
    test, whether it is true on failure, and the ``if`` it is the whole test of (``None``
    when it is a value, as in ``return resp.ok``); httpx's ``resp.is_error`` is true on
    failure."""
    attribute = index.parent_of(read)
    if not isinstance(attribute, cst.Attribute) or attribute.value is not read:
        return None
    if attribute.attr.value not in RESPONSE_STATUS_ATTRIBUTES:
        return None
    test: cst.BaseExpression = attribute
    failure = attribute.attr.value in RESPONSE_FAILURE_ATTRIBUTES
    parent = index.parent_of(attribute)
    if isinstance(parent, cst.Comparison) and len(parent.comparisons) == 1:
        if failure:
            return None  # ``resp.is_error == False``: not worth reading
        operator = parent.comparisons[0].operator
        if isinstance(operator, _FAILURE_OPERATORS):
            failure = True
        elif not isinstance(operator, _SUCCESS_OPERATORS):
            return None
        test, parent = parent, index.parent_of(parent)
    elif attribute.attr.value in ("status_code", "status"):
        return None  # a status used as a value
    if isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Not):
        failure = not failure
        test, parent = parent, index.parent_of(parent)
    if isinstance(parent, cst.If) and parent.test is test:
        return test, failure, parent
    return test, failure, None


def statements_of(suite: cst.BaseSuite) -> list[cst.BaseStatement]:
    if isinstance(suite, cst.IndentedBlock):
        return [s for s in suite.body if not (is_pass(s) and len(suite.body) > 1)] or [
            cst.SimpleStatementLine(body=[cst.Pass()])
        ]
    assert isinstance(suite, cst.SimpleStatementSuite)
    return [cst.SimpleStatementLine(body=list(suite.body))]


def is_pass(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Pass)
    )


def field_path(index: ModuleIndex, base: cst.CSTNode) -> tuple[list[str], cst.CSTNode]:
    """The keys read below ``base`` (``base["data"].get("task_id")`` -> ``["data", "task_id"]``)
    and the outermost read: subscripts with a string key and ``.get("key")`` calls."""
    keys: list[str] = []
    node = base
    while True:
        parent = index.parent_of(node)
        if isinstance(parent, cst.Subscript) and parent.value is node and len(parent.slice) == 1:
            element = parent.slice[0].slice
            key = string_value(element.value) if isinstance(element, cst.Index) else None
            if key is None:
                break
            keys.append(key)
            node = parent
            continue
        chained = get_call(index, node)
        if chained is None:
            break
        call, key = chained
        keys.append(key)
        node = call
    return keys, node
