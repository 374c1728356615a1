"""Functions that make request functions: ``simple("streaming.interrupt")``.

A functional client builds its session-id-only calls with a factory::

    def simple(endpoint):
        return lambda session_id: call(endpoint, {"session_id": session_id})

    api = {"interrupt": simple("streaming.interrupt"), "close": simple("streaming.stop")}

The request is made later, by whoever calls the returned lambda. An endpoint that keeps a REST
successor only has its URL renamed; one that becomes an event (interrupt, listening) needs the
factory call replaced by a function that emits it, taking the same parameters:
``lambda session_id: liveavatar_bridge.emit(session_id, "avatar.interrupt")``. This module
reads such a factory: the lambda it returns, the request that lambda makes with the factory's
endpoint parameter, and the session id it sends, written in the lambda's own parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .http import wrapper_body_parameter
from .index import ModuleIndex, string_value
from .wrapper_params import callee_definitions, wrapper_definition

SESSION_ID = "session_id"


@dataclass(frozen=True)
class FactoryRequest:
    """What the function a factory call returns does with the endpoint it was given."""

    returned: cst.Lambda
    """The lambda the factory returns (its parameters are the new function's)."""
    session_id: cst.BaseExpression
    """The session id its request sends, in the lambda's parameters."""
    is_async: bool
    """The request is a coroutine function of this module: the lambda returns an awaitable."""


def factory_request(
    index: ModuleIndex, call: cst.Call, url: cst.BaseExpression
) -> FactoryRequest | None:
    """The request the function returned by ``call`` makes with ``url``, when ``call`` is
    a factory of this module whose whole body returns a lambda posting only a session id."""
    if not isinstance(call.func, cst.Name):
        return None
    position = next(
        (i for i, arg in enumerate(call.args) if arg.value is url and arg.keyword is None), None
    )
    definition = wrapper_definition(index, call)
    if position is None or definition is None or call.args[position].star:
        return None
    params = [*definition.params.posonly_params, *definition.params.params]
    if position >= len(params):
        return None
    endpoint = params[position].name.value
    returned = _returned_lambda(definition)
    if returned is None or not isinstance(returned.body, cst.Call):
        return None
    request = returned.body
    positional = [a for a in request.args if a.keyword is None and not a.star]
    if not positional or not _is_name(positional[0].value, endpoint):
        return None
    body = wrapper_body_parameter(index, request)
    if body is None or body[1] < 0 or body[1] >= len(positional):
        return None
    payload = positional[body[1]].value
    if not isinstance(payload, cst.Dict) or len(payload.elements) != 1:
        return None
    element = payload.elements[0]
    if not isinstance(element, cst.DictElement) or string_value(element.key) != SESSION_ID:
        return None
    lambda_params = {p.name.value for p in returned.params.params}
    if not (isinstance(element.value, cst.Name) and element.value.value in lambda_params):
        return None  # a value of the factory's scope does not exist where the call stands
    _name, inner = callee_definitions(index, request)
    is_async = len(inner) == 1 and inner[0].asynchronous is not None
    return FactoryRequest(returned, element.value, is_async)


def _returned_lambda(definition: cst.FunctionDef) -> cst.Lambda | None:
    body = definition.body
    if not isinstance(body, cst.IndentedBlock):
        return None
    statements = [s for s in body.body if not _is_docstring(s)]
    if len(statements) != 1 or not isinstance(statements[0], cst.SimpleStatementLine):
        return None
    line = statements[0].body
    if len(line) != 1 or not isinstance(line[0], cst.Return):
        return None
    value = line[0].value
    return value if isinstance(value, cst.Lambda) else None


def _is_docstring(statement: cst.BaseStatement) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    expr = statement.body[0]
    return isinstance(expr, cst.Expr) and isinstance(
        expr.value, (cst.SimpleString, cst.ConcatenatedString)
    )


def _is_name(expr: cst.BaseExpression, name: str) -> bool:
    return isinstance(expr, cst.Name) and expr.value == name


__all__ = ["FactoryRequest", "factory_request"]
