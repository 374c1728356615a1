"""Endpoints declared as descriptors: ``new = Endpoint("/v1/streaming.new")`` on a client class.

An in-house SDK writes each endpoint once, as a class attribute whose descriptor's ``__get__``
returns a function posting its keywords through the client::

    class Endpoint:
        def __init__(self, path):
            self.path = path

        def __get__(self, client, owner=None):
            if client is None:
                return self

            def call(**body):
                return client._request(self.path, body)

            return call

    class StreamingClient:
        new = Endpoint("/v1/streaming.new")

``client.new(avatar_id=...)`` is then the method ``def new(self, **body): return
self._request("/v1/streaming.new", body)``, which is what the rules can migrate (the token call
started, a task sent as an event); an attribute cannot hold that code. So the attributes whose
endpoint changes shape on LiveAvatar are spelled as those methods first (the next pass of the
migration migrates them); keep-alive and stop keep their descriptor (their path moves).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

import libcst as cst

from ..apispec import find_endpoints
from .index import ModuleIndex, single_assignments, string_value

RESHAPED_KEYS = frozenset(
    {"new", "start", "task", "interrupt", "start_listening", "stop_listening"}
)
"""Endpoints whose calls become something else than a request to a moved path."""


@dataclass(frozen=True)
class DescriptorEndpoint:
    """``name = Endpoint("<path>")`` in a client class, whose descriptor posts
    ``instance.<sender>(self.path, body)`` with the keywords of the call."""

    statement: cst.SimpleStatementLine
    name: str
    path: cst.SimpleString
    key: str
    sender: str
    """The client method the descriptor's call posts through (``_request``)."""
    keywords: str
    """The name of the call's ``**keywords`` (``body``)."""


@dataclass(frozen=True)
class _Descriptor:
    sender: str
    keywords: str


def descriptor_endpoints(index: ModuleIndex) -> list[DescriptorEndpoint]:
    """The class attributes of this module that are endpoint descriptors of a class defined
    here, naming an endpoint in :data:`RESHAPED_KEYS`."""
    classes = [s for s in index.module.body if isinstance(s, cst.ClassDef)]
    descriptors = {c.name.value: d for c in classes if (d := _descriptor(c)) is not None}
    if not descriptors:
        return []
    found: list[DescriptorEndpoint] = []
    for owner in classes:
        if owner.name.value in descriptors or not isinstance(owner.body, cst.IndentedBlock):
            continue
        for statement in owner.body.body:
            endpoint = _endpoint_attribute(statement, descriptors)
            if endpoint is not None:
                found.append(endpoint)
    return found


def _endpoint_attribute(
    statement: cst.BaseStatement, descriptors: dict[str, _Descriptor]
) -> DescriptorEndpoint | None:
    """``name = Endpoint("/v1/streaming.task")``."""
    found = endpoint_instance(statement, descriptors, RESHAPED_KEYS, only_argument=True)
    if found is None:
        return None
    target, call, path, key = found
    assert isinstance(statement, cst.SimpleStatementLine) and isinstance(call.func, cst.Name)
    descriptor = descriptors[call.func.value]
    return DescriptorEndpoint(
        statement, target.value, path, key, descriptor.sender, descriptor.keywords
    )


def _descriptor(class_def: cst.ClassDef) -> _Descriptor | None:
    """A class whose ``__init__(self, path)`` keeps the path and whose ``__get__`` returns a
    nested ``call(**body)`` that returns ``instance.<sender>(self.<path>, body)``."""
    methods = {
        s.name.value: s
        for s in (class_def.body.body if isinstance(class_def.body, cst.IndentedBlock) else ())
        if isinstance(s, cst.FunctionDef)
    }
    init, get = methods.get("__init__"), methods.get("__get__")
    if init is None or get is None:
        return None
    stored = stored_path(init)
    params = get.params.params
    if stored is None or len(params) < 2 or not isinstance(get.body, cst.IndentedBlock):
        return None
    instance = params[1].name.value
    nested = [s for s in get.body.body if isinstance(s, cst.FunctionDef)]
    if len(nested) != 1:
        return None
    call = nested[0]
    returned = get.body.body[-1]
    if not _returns_name(returned, call.name.value):
        return None
    star = call.params.star_kwarg
    if (
        not isinstance(star, cst.Param)
        or call.params.params
        or call.params.posonly_params
        or call.params.kwonly_params
        or isinstance(call.params.star_arg, cst.Param)
        or not isinstance(call.body, cst.IndentedBlock)
        or len(call.body.body) != 1
    ):
        return None
    line = call.body.body[0]
    if not (
        isinstance(line, cst.SimpleStatementLine)
        and len(line.body) == 1
        and isinstance(ret := line.body[0], cst.Return)
        and isinstance(sent := ret.value, cst.Call)
        and isinstance(sent.func, cst.Attribute)
        and isinstance(sent.func.value, cst.Name)
        and sent.func.value.value == instance
        and len(sent.args) == 2
        and all(a.keyword is None and not a.star for a in sent.args)
    ):
        return None
    path, body = sent.args[0].value, sent.args[1].value
    if not (
        isinstance(path, cst.Attribute)
        and isinstance(path.value, cst.Name)
        and path.value.value == params[0].name.value
        and path.attr.value == stored
        and isinstance(body, cst.Name)
        and body.value == star.name.value
    ):
        return None
    return _Descriptor(sent.func.attr.value, star.name.value)


def endpoint_instance(
    statement: cst.BaseStatement,
    classes: Container[str],
    keys: Container[str],
    only_argument: bool,
) -> tuple[cst.Name, cst.Call, cst.SimpleString, str] | None:
    """``name = Class("/v1/streaming.task", ...)`` for a class of ``classes`` and a path that
    is one endpoint of ``keys``: the name, the call, the path literal and the endpoint key;
    with ``only_argument``, the path is the call's only argument."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    assign = statement.body[0]
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(target := assign.targets[0].target, cst.Name)
        and isinstance(call := assign.value, cst.Call)
        and isinstance(call.func, cst.Name)
        and call.func.value in classes
        and call.args
        and (len(call.args) == 1 or not only_argument)
        and call.args[0].keyword is None
        and not call.args[0].star
        and isinstance(path := call.args[0].value, cst.SimpleString)
    ):
        return None
    text = string_value(path) or ""
    matches = find_endpoints(text)
    if len(matches) != 1 or matches[0].end != len(text):
        return None
    key = matches[0].endpoint.key
    return (target, call, path, key) if key in keys else None


def stored_path(init: cst.FunctionDef, more_parameters: bool = False) -> str | None:
    """``def __init__(self, path): self.path = path``: the attribute the path (the first
    parameter after ``self``) is kept in; with ``more_parameters``, ``__init__`` may take
    others after it."""
    params = init.params.params
    if len(params) < 2 or (len(params) > 2 and not more_parameters):
        return None
    if not isinstance(init.body, cst.IndentedBlock):
        return None
    owner, path = params[0].name.value, params[1].name.value
    for assign in single_assignments(init.body.body):
        if (
            isinstance(target := assign.targets[0].target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value == owner
            and isinstance(assign.value, cst.Name)
            and assign.value.value == path
        ):
            return target.attr.value
    return None


def _returns_name(statement: cst.BaseStatement, name: str) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(ret := statement.body[0], cst.Return)
        and isinstance(ret.value, cst.Name)
        and ret.value.value == name
    )


def as_method(endpoint: DescriptorEndpoint, first: bool) -> cst.FunctionDef:
    """``def new(self, **body): return self._request("/v1/streaming.new", body)``, with the
    attribute's comments above it (and a blank line, unless it opens the class body)."""
    keywords = cst.Name(endpoint.keywords)
    sent = cst.Call(
        cst.Attribute(cst.Name("self"), cst.Name(endpoint.sender)),
        [cst.Arg(endpoint.path.deep_clone()), cst.Arg(keywords)],
    )
    body = cst.IndentedBlock([cst.SimpleStatementLine([cst.Return(sent)])])
    leading = list(endpoint.statement.leading_lines)
    if not first and not (leading and leading[0].comment is None):
        leading.insert(0, cst.EmptyLine(indent=False))
    return cst.FunctionDef(
        name=cst.Name(endpoint.name),
        params=cst.Parameters(params=[cst.Param(cst.Name("self"))], star_kwarg=cst.Param(keywords)),
        body=body,
        leading_lines=leading,
    )


__all__ = ["RESHAPED_KEYS", "DescriptorEndpoint", "as_method", "descriptor_endpoints"]
