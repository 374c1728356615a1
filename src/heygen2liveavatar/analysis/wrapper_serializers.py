"""A request wrapper that sends its body through a serializer its caller chooses.

``def _post(self, endpoint, schema, payload): body = schema.dump(payload); ...
json=body`` (a marshmallow-style schema, a DRF serializer, a ``msgspec`` encoder passed in):
the dict a call site passes (``self._post("streaming.new", NewSessionSchema(), request)``) is
not what goes on the wire; the serializer the caller passes decides which fields do. A rewrite
of the dict alone does not change the request, so the rules say where the fields are decided.

Only a serializer that is another parameter of the wrapper is recognised: a fixed helper
(``_drop_none(payload)``) is the wrapper's own business and keeps every field it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .http import wrapper_body_parameter
from .index import ModuleIndex, walk_nodes
from .wrapper_params import local_assignments, wrapper_definition

_BODY_KEYWORDS = frozenset({"json", "data", "content", "body"})
_ENCODERS = frozenset({"dumps", "encode"})
"""``json.dumps(body)``, ``.encode()``: turn the body into bytes, every field kept."""


@dataclass(frozen=True)
class BodySerializer:
    wrapper: str
    """The wrapper's name (``_post``)."""
    sent: str
    """The expression the wrapper sends, as written there (``schema.dump(payload)``)."""
    argument: cst.BaseExpression | None
    """What this call passes as the serializer (``NewSessionSchema()``), if it passes one."""


def body_serializer(index: ModuleIndex, call: cst.Call) -> BodySerializer | None:
    """The serializer of the wrapper ``call`` calls, when the caller passes it."""
    definition = wrapper_definition(index, call)
    body = wrapper_body_parameter(index, call)
    if definition is None or body is None:
        return None
    body_name = body[0]
    params = [*definition.params.posonly_params, *definition.params.params]
    if isinstance(call.func, cst.Attribute) and params and params[0].name.value in ("self", "cls"):
        params = params[1:]
    positional = [p.name.value for p in params]
    names = [*positional, *(p.name.value for p in definition.params.kwonly_params)]
    locals_ = local_assignments(definition)
    for node in walk_nodes(definition):
        if not (isinstance(node, cst.Arg) and node.keyword is not None):
            continue
        if node.keyword.value not in _BODY_KEYWORDS:
            continue
        sent = _serializer_call(node.value, locals_)
        if sent is None:
            continue
        func = sent.func
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            continue
        serializer = func.value.value
        if serializer == body_name or serializer not in names:
            continue
        if not any(isinstance(a.value, cst.Name) and a.value.value == body_name for a in sent.args):
            continue
        return BodySerializer(
            callee_name(call),
            cst.Module([]).code_for_node(sent),
            _argument(
                call, serializer, positional.index(serializer) if serializer in positional else -1
            ),
        )
    return None


def _serializer_call(
    value: cst.BaseExpression, locals_: dict[str, list[cst.BaseExpression]], depth: int = 0
) -> cst.Call | None:
    """``schema.dump(payload)`` sent here, directly, through one local or inside an encoder."""
    if depth > 3:
        return None
    if isinstance(value, cst.Name):
        bound = locals_.get(value.value, [])
        return _serializer_call(bound[0], locals_, depth + 1) if len(bound) == 1 else None
    if not isinstance(value, cst.Call):
        return None
    func = value.func
    if isinstance(func, cst.Attribute) and func.attr.value in _ENCODERS:
        # ``json.dumps(schema.dump(payload))`` / ``schema.dumps(payload).encode()``
        inner = value.args[0].value if value.args else func.value
        found = _serializer_call(inner, locals_, depth + 1)
        if found is not None or func.attr.value == "encode":
            return found
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
        return value
    return None


def callee_name(call: cst.Call) -> str:
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else "the wrapper"


def _argument(call: cst.Call, name: str, position: int) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position].value if 0 <= position < len(positional) else None


__all__ = ["BodySerializer", "body_serializer"]
