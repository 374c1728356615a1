"""HTTP client classes whose methods return parsed JSON, read with ``ast`` for the project facts.

``class HeyGenHTTP(requests.Session)`` overriding ``request()`` to raise on an error code and
``return body.get("data")`` makes ``http.post("streaming.new", json=...)`` return the
``data`` of the envelope, not a response object, in every module that uses it. The calls
look like any ``requests`` call; only the class's code tells (see
``analysis.responses.ResponseTracker.kind_of_request``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .partial_methods import partial_methods
from .wrapper_facts import dotted_name, own_nodes

CLIENT_METHODS = frozenset(
    {"request", "get", "post", "put", "patch", "delete", "head", "options", "send"}
)
"""Methods an overriding client class may make return JSON (``request`` serves them all)."""

_JSON_LOADERS = frozenset({"json.loads", "loads", "orjson.loads", "ujson.loads", "json.load"})


def json_methods(cls: ast.ClassDef) -> list[str]:
    """The HTTP methods of ``cls`` that return parsed JSON on every path (also a private
    ``_request``: the transport a mixin SDK's other mixins call as ``self._request``), and
    their ``functools.partialmethod`` aliases (``_post = partialmethod(_request, "POST")``)."""
    helpers = _json_helpers(cls)
    found = [
        statement.name
        for statement in cls.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name.lstrip("_") in CLIENT_METHODS
        and statement.name in helpers
    ]
    for alias, target, _bound in partial_methods(cls):
        if target in found and alias.lstrip("_") in CLIENT_METHODS and alias not in found:
            found.append(alias)
    return found


def transport_methods(cls: ast.ClassDef) -> list[str]:
    """The methods of a class of its own (no base: an SDK's ``_Transport`` holding a
    ``requests.Session``) that return parsed JSON, when every HTTP method it defines does.

    Such a class is a client only through the methods it defines, so a method of it that
    returns a response object would make ``(cls, "request")`` mean two things: none is kept.
    """
    defined = [
        statement.name
        for statement in cls.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name.lstrip("_") in CLIENT_METHODS
    ]
    defined += [
        alias
        for alias, _target, _bound in partial_methods(cls)
        if alias.lstrip("_") in CLIENT_METHODS and alias not in defined
    ]
    found = json_methods(cls)
    return found if defined and sorted(found) == sorted(defined) else []


def data_methods(cls: ast.ClassDef, methods: list[str]) -> list[str]:
    """Those of ``methods`` (which return parsed JSON) that return the envelope's ``data``
    part on every path (``return body.get("data")``, ``return resp.json()["data"]``)."""
    found: list[str] = []
    for statement in cls.body:
        if (
            isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
            and statement.name in methods
            and _returns(statement, _is_data)
        ):
            found.append(statement.name)
    for alias, target, _bound in partial_methods(cls):
        if target in found and alias in methods and alias not in found:
            found.append(alias)
    return found


def _returns_json(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return _returns(function, _is_json)


def _json_helpers(cls: ast.ClassDef) -> set[str]:
    """The methods of ``cls`` that return parsed JSON on every path, also by returning what
    another of them returns (``return self._decode(resp)``, ``_decode`` returning
    ``resp.json()``)."""
    functions = [s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    found: set[str] = set()

    def test(value: ast.expr, assigned: dict[str, list[ast.expr]], depth: int) -> bool:
        return _is_json(value, assigned, depth, frozenset(found))

    changed = True
    while changed:
        changed = False
        for function in functions:
            if function.name not in found and _returns(function, test):
                found.add(function.name)
                changed = True
    return found


def _returns(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    test: Callable[[ast.expr, dict[str, list[ast.expr]], int], bool],
) -> bool:
    """Does every ``return`` of ``function`` give a value that passes ``test``?"""
    nodes = own_nodes(function)
    returns = [n.value for n in nodes if isinstance(n, ast.Return)]
    if not returns or any(value is None for value in returns):
        return False
    assigned: dict[str, list[ast.expr]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    return all(value is not None and test(value, assigned, 0) for value in returns)


def returns_envelope_data(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``def call(method, path, payload=None): ... return json.loads(raw).get("data")``: a
    module-level request wrapper returning the ``data`` of the JSON envelope on every path."""
    return _returns(function, _is_data)


def _is_data(value: ast.expr, assigned: dict[str, list[ast.expr]], depth: int) -> bool:
    """The ``data`` part of parsed JSON: ``body["data"]``, ``body.get("data")`` (``or {}``),
    or a local name only ever bound to one."""
    if depth > 4:
        return False
    if isinstance(value, ast.Await):
        return _is_data(value.value, assigned, depth + 1)
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and len(value.values) == 2:
        fallback = value.values[1]
        empty = isinstance(fallback, (ast.Dict, ast.List)) and not (
            fallback.keys if isinstance(fallback, ast.Dict) else fallback.elts
        )
        return empty and _is_data(value.values[0], assigned, depth + 1)
    if isinstance(value, ast.Subscript):
        key = value.slice
        return _is_data_key(key) and _is_json(value.value, assigned, depth + 1)
    if isinstance(value, ast.Call):
        func = value.func
        return (
            isinstance(func, ast.Attribute)
            and func.attr == "get"
            and bool(value.args)
            and _is_data_key(value.args[0])
            and _is_json(func.value, assigned, depth + 1)
        )
    if isinstance(value, ast.Name):
        values = assigned.get(value.id, [])
        return bool(values) and all(_is_data(v, assigned, depth + 1) for v in values)
    return False


def _is_data_key(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == "data"


def _is_json(
    value: ast.expr,
    assigned: dict[str, list[ast.expr]],
    depth: int,
    helpers: frozenset[str] = frozenset(),
) -> bool:
    """``resp.json()``, ``json.loads(...)``, ``body["data"]`` / ``body.get("data")`` of such
    a value, a local name only ever bound to one, or a call ``self.<helper>(...)`` of a
    method of the class known to return JSON (``helpers``)."""
    if depth > 4:
        return False
    if isinstance(value, ast.Await):
        return _is_json(value.value, assigned, depth + 1, helpers)
    if isinstance(value, ast.Subscript):
        return _is_json(value.value, assigned, depth + 1, helpers)
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Attribute):
            if func.attr == "json" and not value.args:
                return True
            if func.attr == "get" and value.args:
                return _is_json(func.value, assigned, depth + 1, helpers)
            if isinstance(func.value, ast.Name) and func.value.id == "self":
                return func.attr in helpers
        return dotted_name(func) in _JSON_LOADERS
    if isinstance(value, ast.Name):
        values = assigned.get(value.id, [])
        return bool(values) and all(_is_json(v, assigned, depth + 1, helpers) for v in values)
    return False


def returns_response_json(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``def check(resp): ... return resp.json()``: a module helper that takes a response as
    its first parameter and returns that response's whole JSON on every path (after checks of
    its own), so that a module importing it reads ``check(http.post(...))`` as parsed JSON."""
    params = function.args.posonlyargs + function.args.args
    if not params or params[0].arg in ("self", "cls"):
        return False
    name = params[0].arg

    def parsed(value: ast.expr, assigned: dict[str, list[ast.expr]], depth: int) -> bool:
        if depth > 4:
            return False
        if isinstance(value, ast.Await):
            return parsed(value.value, assigned, depth + 1)
        if isinstance(value, ast.Name):
            values = assigned.get(value.id, [])
            return bool(values) and all(parsed(v, assigned, depth + 1) for v in values)
        return (
            isinstance(value, ast.Call)
            and not value.args
            and not value.keywords
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "json"
            and isinstance(value.func.value, ast.Name)
            and value.func.value.id == name
        )

    return _returns(function, parsed)
