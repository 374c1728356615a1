"""H2L404's part for what a function hands out: keep the keys its own callers read.

A function that returned HeyGen's ``streaming.new`` data as it was (``return data``,
``return jsonify(data)``, ``return client, data``) is the project's interface to code the tool never sees: a driver
script, a test, a browser reading the JSON of a route. Those callers read ``url`` and
``access_token``. After migration the dict holds LiveAvatar's names (``livekit_url``...), so
the returned dict also carries the HeyGen-era keys, filled from LiveAvatar's, and nothing
that read it breaks. Reads inside the project are renamed to LiveAvatar's names anyway.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.imported_functions import imported_function_returns_data
from ..analysis.index import Context
from ..analysis.responses import DATA, UNKNOWN, data_key_of
from ..analysis.session_flow import SessionFlow
from .base import RuleContext
from .bridge_calls import is_bridge_call
from .common import hoist

# HeyGen-era key -> the LiveAvatar key that holds its value now (api-reference 5.3).
PUBLIC_ALIASES = (("url", "livekit_url"), ("access_token", "livekit_client_token"))
LITE_ALIASES = (("realtime_endpoint", "ws_url"),)
_RESPONDERS = frozenset({"jsonify", "JSONResponse", "json_response", "dict"})


def keep_public_keys(ctx: RuleContext, flow: SessionFlow) -> None:
    # The functions that open a session themselves: classifying every return of a large
    # module would follow every call chain of it.
    openers = {
        id(r.call.context.function): r.call.context.function
        for r in flow.new_requests
        if r.call.context.function is not None
    }
    for function in openers.values():
        assert function is not None
        for value, context in flow.tracker.returns_of(function):
            if type(value) is cst.Tuple:  # ``return client, data``: the data part
                for element in value.elements:
                    if type(element) is cst.Element:
                        _alias(ctx, flow, element.value, context)
                continue
            _alias(ctx, flow, value, context)


def _alias(
    ctx: RuleContext, flow: SessionFlow, value: cst.BaseExpression, context: Context
) -> None:
    target = value
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in _RESPONDERS
        and len(value.args) == 1
        and not value.args[0].keyword
    ):
        target = value.args[0].value  # ``return jsonify(data)``
    origin = flow.tracker.classify(target, context)
    if origin is None or origin.endpoint_key != "new" or origin.kind not in (DATA, UNKNOWN):
        return
    if origin.kind == UNKNOWN and not _data_level(ctx, flow, target, context):
        return  # an envelope or a response object: its callers index ``["data"]`` first
    statement = ctx.statement_of(target)
    if not isinstance(statement, cst.SimpleStatementLine):
        return
    source: cst.BaseExpression = target
    if not isinstance(target, cst.Name):
        hoisted = hoist(ctx, target, statement, context)
        if hoisted is None:
            return
        source = hoisted
    aliases = PUBLIC_ALIASES + (LITE_ALIASES if flow.mode == "LITE" else ())
    merged = cst.Dict(
        [
            cst.StarredDictElement(source.deep_clone()),
            *(
                cst.DictElement(
                    cst.SimpleString(f'"{old}"'),
                    cst.Call(
                        cst.Attribute(source.deep_clone(), cst.Name("get")),
                        [cst.Arg(cst.SimpleString(f'"{new}"'))],
                    ),
                )
                for old, new in aliases
            ),
        ]
    )
    if ctx.transform(target, lambda _updated: merged):
        ctx.fixed(
            target,
            "the returned session data keeps the keys its callers read ("
            + ", ".join(f"`{old}` from `{new}`" for old, new in aliases)
            + ")",
        )


def _data_level(
    ctx: RuleContext, flow: SessionFlow, expr: cst.BaseExpression, context: Context, depth: int = 0
) -> bool:
    """Is ``expr`` the ``data`` dict (``x["data"]``, a name or wrapper holding one, also a
    wrapper imported from the project's other modules)?"""
    if depth > 4:
        return False
    if isinstance(expr, cst.Await):
        expr = expr.expression
    if isinstance(expr, cst.BooleanOperation) and isinstance(expr.operator, cst.Or):
        expr = expr.left  # ``body.get("data") or {}``
    keyed = data_key_of(expr)
    if keyed is not None:
        return keyed[1] == "data"
    tracker = flow.tracker
    if isinstance(expr, cst.Name):
        values = tracker.bound_values(expr, context)
        return any(_data_level(ctx, flow, v, context, depth + 1) for v in values)
    if isinstance(expr, cst.Call):
        inner = expr
        started = is_bridge_call(inner, "start_session") or is_bridge_call(
            inner, "start_session_async"
        )
        if started and inner.args:
            return _data_level(ctx, flow, inner.args[0].value, context, depth + 1)
        func = inner.func
        name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")
        functions = tracker.functions_named(name)
        imported = ctx.index.imports.get(name) if isinstance(func, cst.Name) else None
        if not functions and imported is not None:
            return imported_function_returns_data(imported, ctx.filename)
        return len(functions) == 1 and all(
            _data_level(ctx, flow, value, value_context, depth + 1)
            for value, value_context in tracker.returns_of(functions[0])
        )
    return False


__all__ = ["keep_public_keys"]
