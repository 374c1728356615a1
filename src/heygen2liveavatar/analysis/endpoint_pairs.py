"""Endpoints returned with their bodies: ``return "streaming.task", {...}`` fed to a poster.

Command objects turned into requests by one function per command (``functools.singledispatch``
handlers registered on ``to_request``, or plain functions) that return an ``(endpoint, body)``
pair, unpacked and sent by a shared helper::

    endpoint, body = to_request(cmd, self.session_id)
    data = _post(endpoint, body)          # requests/urllib to f"{API}/{endpoint}"

The endpoint literal and its request meet only at run time: one poster call sends whatever the
command asks for. Endpoints LiveAvatar serves by REST with the same body (stop, keep-alive)
keep going through it once their token is renamed; the others cannot (a task or interrupt is a
LiveKit event, ``streaming.new`` becomes the token call the session is started after), and the
poster call is where a person has to dispatch on the endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ..apispec import find_endpoints
from .http import RequestSite
from .index import CallSite, ModuleIndex, dotted_name


@dataclass
class ReturnedEndpoint:
    """One ``return "streaming.x", body`` of a producer."""

    function: cst.FunctionDef
    literal: cst.SimpleString
    key: str
    """The endpoint the literal names (``new``, ``task`` ...)."""
    body: cst.BaseExpression


@dataclass
class PairPoster:
    """A call sending the pair a producer returned: ``_post(endpoint, body)``."""

    call: CallSite
    producer: str
    """The function whose result was unpacked (``to_request``)."""
    returns: list[ReturnedEndpoint] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        found: list[str] = []
        for returned in self.returns:
            if returned.key not in found:
                found.append(returned.key)
        return found


def endpoint_key(text: str) -> str | None:
    """The endpoint a returned token names exactly (``streaming.new``, ``/v1/streaming.new``)."""
    path = text if text.startswith("/") else f"/v1/{text}"
    matches = find_endpoints(path)
    if len(matches) != 1 or matches[0].end != len(path):
        return None
    return matches[0].endpoint.key


def producers(index: ModuleIndex) -> dict[str, list[ReturnedEndpoint]]:
    """Functions returning ``(endpoint literal, body)`` pairs, by the name callers call: a
    ``singledispatch`` handler counts under the function it is registered on. Read from the
    module's strings (few name an endpoint), not by walking every function."""
    found: dict[str, list[ReturnedEndpoint]] = {}
    for site in index.strings:
        function = site.context.function
        literal = site.node
        if function is None or "streaming" not in site.value:
            continue
        element = index.parent_of(literal)
        pair = index.parent_of(element) if isinstance(element, cst.Element) else None
        statement = index.parent_of(pair) if isinstance(pair, cst.Tuple) else None
        if not isinstance(statement, cst.Return) or not isinstance(literal, cst.SimpleString):
            continue
        assert isinstance(pair, cst.Tuple)
        if len(pair.elements) != 2 or pair.elements[0].value is not literal:
            continue
        key = endpoint_key(site.value)
        if key is not None:
            returned = ReturnedEndpoint(function, literal, key, pair.elements[1].value)
            found.setdefault(_called_as(function), []).append(returned)
    return found


def _called_as(function: cst.FunctionDef) -> str:
    """``@to_request.register`` (or ``.register(Cls)``): ``to_request``; else its own name."""
    for decorator in function.decorators:
        expr = decorator.decorator
        if isinstance(expr, cst.Call):
            expr = expr.func
        name = dotted_name(expr) or ""
        if name.endswith(".register") and name.count(".") == 1:
            return name.split(".")[0]
    return function.name.value


def pair_posters(index: ModuleIndex, requests: list[RequestSite]) -> list[PairPoster]:
    """Calls of a request wrapper of this module (a function making one of ``requests``) that
    pass the two names a producer's pair was unpacked into, in the same function."""
    returned = producers(index)
    if not returned:
        return []
    wrappers = {
        request.call.context.function.name.value
        for request in requests
        if request.call.context.function is not None
    }
    found: list[PairPoster] = []
    for call in index.calls:
        if call.name not in returned or call.context.function is None:
            continue
        names = _unpacked_into(index, call)
        if names is None:
            continue
        for other in index.calls:
            if (
                other.context.function is call.context.function
                and other.name in wrappers
                and _passes(other.node, names)
            ):
                found.append(PairPoster(other, call.name, list(returned[call.name])))
    return found


def _unpacked_into(index: ModuleIndex, call: CallSite) -> tuple[str, str] | None:
    """``endpoint, body = to_request(...)``: the two names."""
    statement = index.parent_of(call.node)
    if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
        return None
    target = statement.targets[0].target
    if not isinstance(target, cst.Tuple) or len(target.elements) != 2:
        return None
    names = [e.value.value for e in target.elements if isinstance(e.value, cst.Name)]
    return (names[0], names[1]) if len(names) == 2 else None


def _passes(call: cst.Call, names: tuple[str, str]) -> bool:
    passed = [a.value.value for a in call.args if isinstance(a.value, cst.Name)]
    return names[0] in passed and names[1] in passed
