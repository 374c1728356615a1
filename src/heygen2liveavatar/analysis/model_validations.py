"""Model validations of a response: ``Model.model_validate(resp.json())`` and its spellings.

Typed clients parse a response straight into a model, and pydantic offers many doors:
``Model.model_validate(<mapping>)`` and ``Model.model_validate_json(<bytes or str>)`` (v2),
``Model.parse_obj`` / ``Model.parse_raw`` (v1), ``TypeAdapter(T).validate_python`` /
``validate_json``, and the model may be a generic envelope (``Envelope[Session]``) or an
adapter bound to a name. A *raw* validation reads the response body itself (``resp.content``,
``resp.text``, ``await resp.read()``): it is the parse of the response, and the session
helper, which merges start's data into a mapping, needs the mapping spelling of it
(``model_validate_json(resp.content)`` -> ``model_validate(resp.json())``).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .index import dotted_name

MAPPING_VALIDATORS = frozenset(
    {"model_validate", "parse_obj", "construct", "model_construct", "validate_python"}
)
"""Methods validating a mapping (pydantic v2, v1, ``TypeAdapter``)."""
RAW_VALIDATORS = {
    "model_validate_json": "model_validate",
    "parse_raw": "parse_obj",
    "validate_json": "validate_python",
}
"""Methods validating JSON text or bytes, with their mapping counterparts."""
_ADAPTER_METHODS = frozenset({"validate_python", "validate_json"})

_BODY_ATTRIBUTES = frozenset({"text", "content", "body"})
_BODY_METHODS = frozenset({"read", "text", "content", "decode"})
_JSON_METHOD_BODIES = frozenset({"text", "content", "read"})
"""Body reads whose response object also has ``.json()`` (requests, httpx, aiohttp)."""


@dataclass(frozen=True)
class Validation:
    """``<model>.<method>(<source>)``: a model validated from one argument."""

    call: cst.Call
    model: cst.BaseExpression
    """``Model``, ``module.Model``, ``Envelope[Session]``, ``TypeAdapter(T)``, an adapter name."""
    method: cst.Name
    source: cst.BaseExpression

    @property
    def raw(self) -> bool:
        """It validates JSON text or bytes, not a mapping."""
        return self.method.value in RAW_VALIDATORS

    @property
    def model_name(self) -> str | None:
        """The class name of a plain (not generic) model: ``Model`` or ``module.Model``."""
        return dotted_name(self.model)


def validation_of(call: cst.Call) -> Validation | None:
    """The validation ``call`` makes, if it is one (one positional argument)."""
    func = call.func
    if type(func) is not cst.Attribute or len(call.args) != 1:
        return None
    arg = call.args[0]
    if arg.star or arg.keyword is not None:
        return None
    method = func.attr.value
    if method not in MAPPING_VALIDATORS and method not in RAW_VALIDATORS:
        return None
    model = func.value
    if method in _ADAPTER_METHODS:
        # Only ``TypeAdapter`` has these: its receiver is an adapter however it is spelled.
        return Validation(call, model, func.attr, arg.value)
    base = model.value if type(model) is cst.Subscript else model
    if dotted_name(base) is None:
        return None  # a class by its name (``Envelope``, ``models.Envelope[T]``)
    return Validation(call, model, func.attr, arg.value)


def body_owner(expr: cst.BaseExpression) -> cst.BaseExpression | None:
    """``resp`` for ``resp.text``, ``resp.read()``, ``resp.read().decode()``, ``await resp.text()``."""
    if isinstance(expr, cst.Await):
        return body_owner(expr.expression)
    if isinstance(expr, cst.Attribute) and expr.attr.value in _BODY_ATTRIBUTES:
        return expr.value
    if (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Attribute)
        and expr.func.attr.value in _BODY_METHODS
    ):
        inner = expr.func.value
        if expr.func.attr.value == "decode":
            return body_owner(inner)
        return inner
    return None


def parsed_body(body: cst.BaseExpression) -> cst.BaseExpression | None:
    """The parsed JSON of a raw body read, spelled like the read: ``resp.content`` ->
    ``resp.json()``, ``await resp.read()`` -> ``await resp.json()``. ``None`` where the
    response object has no ``json()`` (urllib's ``resp.read()``): ``json.loads`` it."""
    if type(body) is cst.Attribute and body.attr.value in ("text", "content"):
        return cst.Call(cst.Attribute(body.value, cst.Name("json")))
    if type(body) is cst.Await:
        inner = body.expression
        if (
            type(inner) is cst.Call
            and type(inner.func) is cst.Attribute
            and inner.func.attr.value in _JSON_METHOD_BODIES
            and not inner.args
        ):
            json_call = cst.Call(cst.Attribute(inner.func.value, cst.Name("json")))
            return body.with_changes(expression=json_call)
    return None


__all__ = [
    "MAPPING_VALIDATORS",
    "RAW_VALIDATORS",
    "Validation",
    "body_owner",
    "parsed_body",
    "validation_of",
]
