"""What a function's returned value hands to its callers, inside a larger payload.

``return {"session": data, "avatar": AVATAR}``, ``jsonify(ok=True, session=data)``,
``return {**data, "avatar": AVATAR}``: a route or opener returns the session data as part of
what a frontend reads (``body.session.url``).
"""

from __future__ import annotations

import libcst as cst

# Calls that turn their argument into the response body as it is.
RESPONDERS = frozenset({"jsonify", "JSONResponse", "json_response", "dict"})
# Responder keywords that are not the content handed out.
_NOT_CONTENT = frozenset({"status", "status_code", "headers", "media_type", "mimetype"})


def handed_out(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """What a returned value hands out: the value, or a responder's content arguments
    (``jsonify(data)``, ``jsonify(session=data)``), and the values of a dict display among
    them (``return {"session": data, "avatar": AVATAR}``)."""
    items: list[cst.BaseExpression] = [value]
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in RESPONDERS
    ):
        items = [
            arg.value
            for arg in value.args
            if not arg.star and (arg.keyword is None or arg.keyword.value not in _NOT_CONTENT)
        ]
    handed: list[cst.BaseExpression] = []
    for item in items:
        handed.append(item)
        if isinstance(item, cst.Dict):
            handed.extend(e.value for e in item.elements if isinstance(e, cst.DictElement))
    return handed


def spreads(value: cst.BaseExpression) -> list[tuple[cst.Dict, cst.StarredDictElement]]:
    """``**data`` elements of a returned dict display (``return {**data, "avatar": AVATAR}``),
    also inside a responder (``jsonify({**data})``)."""
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


__all__ = ["RESPONDERS", "handed_out", "spreads"]
