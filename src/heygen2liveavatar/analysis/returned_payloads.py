"""What a function's returned value hands to its callers, inside a larger payload.

``return {"session": data, "avatar": AVATAR}``, ``jsonify(ok=True, session=data)``,
``return {**data, "avatar": AVATAR}``: a route or opener returns the session data as part of
what a frontend reads (``body.session.url``).
"""

from __future__ import annotations

import libcst as cst

from .index import dotted_name

# Calls that turn their argument into the response body as it is (``make_response`` too:
# ``make_response(jsonify(data), 201)``): Flask's, Starlette's and FastAPI's, Django's
# ``JsonResponse``, aiohttp's ``web.json_response``; also called through their module.
RESPONDERS = frozenset(
    {
        "jsonify",
        "JSONResponse",
        "ORJSONResponse",
        "UJSONResponse",
        "JsonResponse",
        "json_response",
        "dict",
        "make_response",
    }
)
# Responder keywords that are not the content handed out.
_NOT_CONTENT = frozenset({"status", "status_code", "headers", "media_type", "mimetype"})


def handed_out(value: cst.BaseExpression, nested: bool = False) -> list[cst.BaseExpression]:
    """What a returned value hands out: the value; each part of a tuple (Flask's ``return
    jsonify(data), 201``; ``return client, data``); a responder's content arguments, through
    nested responders (``jsonify(data)``, ``jsonify(session=data)``,
    ``JSONResponse(content=...)``, ``make_response(jsonify(data), 201)``); and, one level
    down, the values of a dict display (``return {"session": data, "avatar": AVATAR}``); the
    value of a ``typing.cast``, or of a copy (``data.copy()``, ``copy.deepcopy(data)``); both
    sides of a dict merge (``data | extra``)."""
    if type(value) is cst.Tuple:
        return [
            found
            for element in value.elements
            if type(element) is cst.Element
            for found in handed_out(element.value, nested)
        ]
    if is_responder(value):
        assert isinstance(value, cst.Call)
        return [
            found
            for arg in value.args
            if not arg.star and (arg.keyword is None or arg.keyword.value not in _NOT_CONTENT)
            for found in handed_out(arg.value, nested)
        ]
    if _is_cast(value):
        assert isinstance(value, cst.Call)
        return handed_out(value.args[1].value, nested)  # ``cast(NewSessionData, data)``
    copied = _copied(value)
    if copied is not None:
        return handed_out(copied, nested)  # ``data.copy()``, ``copy.deepcopy(data)``
    if type(value) is cst.BinaryOperation and type(value.operator) is cst.BitOr:
        # ``data | {"expires_in": 600}``: a merged dict (Python 3.9), both sides handed out
        return [*handed_out(value.left, nested), *handed_out(value.right, nested)]
    handed = [value]
    if isinstance(value, cst.Dict) and not nested:
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                handed.extend(handed_out(element.value, nested=True))
    return handed


def is_responder(value: cst.BaseExpression) -> bool:
    """``jsonify(data)``, ``make_response(jsonify(data))``, ``web.json_response(...)``,
    ``JsonResponse(...)``: a call making the response body, one of :data:`RESPONDERS`, by name
    or through its module (``dict`` only by name)."""
    if not isinstance(value, cst.Call):
        return False
    if isinstance(value.func, cst.Name):
        return value.func.value in RESPONDERS
    name = (dotted_name(value.func) or "").rsplit(".", 1)[-1]
    return name in RESPONDERS and name != "dict"


def _copied(value: cst.BaseExpression) -> cst.BaseExpression | None:
    """``x`` of ``x.copy()``, ``copy.copy(x)``, ``copy.deepcopy(x)``: a copy hands ``x`` out."""
    if not isinstance(value, cst.Call):
        return None
    func = value.func
    if (
        not value.args
        and isinstance(func, cst.Attribute)
        and func.attr.value == "copy"
        and isinstance(func.value, (cst.Name, cst.Attribute, cst.Subscript))
    ):
        return func.value
    if (
        dotted_name(func) in ("copy.copy", "copy.deepcopy", "deepcopy")
        and len(value.args) == 1
        and not value.args[0].star
        and value.args[0].keyword is None
    ):
        return value.args[0].value
    return None


def _is_cast(value: cst.BaseExpression) -> bool:
    """``cast(T, value)`` / ``typing.cast(T, value)``: the value, typed for the checker."""
    return (
        isinstance(value, cst.Call)
        and dotted_name(value.func) in ("cast", "typing.cast", "t.cast")
        and len(value.args) == 2
        and not any(arg.star or arg.keyword for arg in value.args)
    )


def spreads(value: cst.BaseExpression) -> list[tuple[cst.Dict, cst.StarredDictElement]]:
    """``**data`` elements of a returned dict display (``return {**data, "avatar": AVATAR}``),
    also inside a responder (``jsonify({**data})``) or a tuple (Flask's ``return {**data},
    200``)."""
    if type(value) is cst.Tuple:
        return [
            found
            for element in value.elements
            if type(element) is cst.Element
            for found in spreads(element.value)
        ]
    candidates = [value]
    if is_responder(value):
        assert isinstance(value, cst.Call)
        candidates = [arg.value for arg in value.args if not arg.star]
    return [
        (candidate, element)
        for candidate in candidates
        if isinstance(candidate, cst.Dict)
        for element in candidate.elements
        if isinstance(element, cst.StarredDictElement) and isinstance(element.value, cst.Name)
    ]


__all__ = ["RESPONDERS", "handed_out", "is_responder", "spreads"]
