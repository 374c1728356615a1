"""What a function's returned value hands to its callers, inside a larger payload.

``return {"session": data, "avatar": AVATAR}``, ``jsonify(ok=True, session=data)``,
``return {**data, "avatar": AVATAR}``: a route or opener returns the session data as part of
what a frontend reads (``body.session.url``).
"""

from __future__ import annotations

import libcst as cst

# Calls that turn their argument into the response body as it is (``make_response`` too:
# ``make_response(jsonify(data), 201)``).
RESPONDERS = frozenset({"jsonify", "JSONResponse", "json_response", "dict", "make_response"})
# Responder keywords that are not the content handed out.
_NOT_CONTENT = frozenset({"status", "status_code", "headers", "media_type", "mimetype"})


def handed_out(value: cst.BaseExpression, nested: bool = False) -> list[cst.BaseExpression]:
    """What a returned value hands out: the value; each part of a tuple (Flask's ``return
    jsonify(data), 201``; ``return client, data``); a responder's content arguments, through
    nested responders (``jsonify(data)``, ``jsonify(session=data)``,
    ``JSONResponse(content=...)``, ``make_response(jsonify(data), 201)``); and, one level
    down, the values of a dict display (``return {"session": data, "avatar": AVATAR}``)."""
    if type(value) is cst.Tuple:
        return [
            found
            for element in value.elements
            if type(element) is cst.Element
            for found in handed_out(element.value, nested)
        ]
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in RESPONDERS
    ):
        return [
            found
            for arg in value.args
            if not arg.star and (arg.keyword is None or arg.keyword.value not in _NOT_CONTENT)
            for found in handed_out(arg.value, nested)
        ]
    handed = [value]
    if isinstance(value, cst.Dict) and not nested:
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                handed.extend(handed_out(element.value, nested=True))
    return handed


def is_responder(value: cst.BaseExpression) -> bool:
    """``jsonify(data)``, ``make_response(jsonify(data))``: a call making the response body."""
    return (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in RESPONDERS
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
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in RESPONDERS
    ):
        candidates = [arg.value for arg in value.args if not arg.star]
    return [
        (candidate, element)
        for candidate in candidates
        if isinstance(candidate, cst.Dict)
        for element in candidate.elements
        if isinstance(element, cst.StarredDictElement) and isinstance(element.value, cst.Name)
    ]


__all__ = ["RESPONDERS", "handed_out", "is_responder", "spreads"]
