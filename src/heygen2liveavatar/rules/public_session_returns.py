"""H2L404's part for what a function hands out: keep the keys its own callers read.

A function that returned HeyGen's ``streaming.new`` data as it was (``return data``,
``return jsonify(data)``) is the project's interface to code the tool never sees: a driver
script, a test, a browser reading the JSON of a route. Those callers read ``url`` and
``access_token``. After migration the dict holds LiveAvatar's names (``livekit_url``...), so
the returned dict also carries the HeyGen-era keys, filled from LiveAvatar's, and nothing
that read it breaks. Reads inside the project are renamed to LiveAvatar's names anyway.

The same holds for the data handed to a template (``render_template("room.html",
info=info)``): the template reads ``{{ info.url }}`` in a file the tool does not rewrite; and
for the data an opener stores in a container that outlives it (``SESSIONS[sid] = info``, a
module-level dict or ``self.sessions``), read by other functions where tracking cannot follow;
and for the data serialised for a page's script or another process (``json.dumps(info)``).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.callback_arguments import callback_arguments
from ..analysis.container_stores import long_lived_stores, public_attribute_stores
from ..analysis.imported_functions import imported_function_returns_data
from ..analysis.index import Context, dotted_name, string_value
from ..analysis.layout import without_lines
from ..analysis.marimo_cells import cell_of
from ..analysis.project_call_arguments import project_call_arguments
from ..analysis.response_models import response_models
from ..analysis.responses import DATA, UNKNOWN, data_key_of, plain_json_options
from ..analysis.returned_payloads import handed_out, is_responder, spreads
from ..analysis.serialised_values import serialised_values
from ..analysis.session_flow import SessionFlow, fresh_name
from ..analysis.template_contexts import template_context_values
from ..apispec.session_fields import BRIDGE_HEYGEN_NAMES
from .base import RuleContext
from .bridge_calls import is_bridge_call, wrap_in_bridge_call
from .common import hoist

# HeyGen-era key -> the LiveAvatar key that holds its value now (api-reference 5.3).
PUBLIC_ALIASES = (("url", "livekit_url"), ("access_token", "livekit_client_token"))
LITE_ALIASES = (("realtime_endpoint", "ws_url"),)


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
        results = flow.tracker.returns_of(function) + flow.tracker.yields_of(function)
        for returned, context in results:
            # ``resp = make_response(jsonify(data))`` (headers set on it), ``return resp``.
            bound = flow.tracker.bound_values(returned, context)
            value = bound[0] if len(bound) == 1 and is_responder(bound[0]) else returned
            for handed in handed_out(value):
                _alias(
                    ctx,
                    flow,
                    handed,
                    context,
                    "the returned session data keeps the keys its callers read",
                )
            for dict_node, spread in spreads(value):
                _alias_spread(ctx, flow, dict_node, spread, context)
    # Module-level code opening a session (a Streamlit script) stores for its next run.
    at_module_level = any(r.call.context.function is None for r in flow.new_requests)
    opened_in = [
        (statement, context)
        for statement, context in flow.tracker.statements
        if (context.function is not None and id(context.function) in openers)
        or (context.function is None and context.class_def is None and at_module_level)
    ]
    # Where else the session data leaves the code the tool rewrites, and what each keeps.
    handed_on = (
        (
            long_lived_stores(ctx.index, opened_in),
            "the session data stored for other functions keeps the keys they read",
        ),
        (
            public_attribute_stores(opened_in, response_models(ctx.index, ctx.filename)),
            "the session data kept on a public attribute keeps the keys its readers use",
        ),
        (
            callback_arguments(ctx.index, openers),
            "the session data handed to a callback its caller supplied keeps the keys it reads",
        ),
        (
            project_call_arguments(ctx.index, ctx.filename, openers, at_module_level),
            "the session data handed to another module's function keeps the keys it reads",
        ),
        (
            serialised_values(ctx.index),
            "the session data serialised for readers outside the code keeps the keys they read",
        ),
        (
            template_context_values(ctx.index),
            "the session data handed to a template keeps the keys it reads",
        ),
    )
    for found, what in handed_on:
        for value, context in found:
            _alias(ctx, flow, value, context, what)


def _alias(
    ctx: RuleContext,
    flow: SessionFlow,
    value: cst.BaseExpression,
    context: Context,
    what: str,
) -> None:
    target = value
    if (
        is_responder(value)
        and isinstance(value, cst.Call)
        and len(value.args) == 1
        and not value.args[0].keyword
    ):
        target = value.args[0].value  # ``return jsonify(data)``
    origin = flow.tracker.classify(target, context)
    if origin is None or origin.endpoint_key != "new" or origin.kind not in (DATA, UNKNOWN):
        return
    if not _data_level(ctx, flow, target, context):
        # An envelope or a response object: its callers index ``["data"]`` first. Parsed JSON
        # that may be the whole envelope (``jsonify(resp.json())``, ``return self._check(r)``
        # with ``_check`` returning ``r.json()``) gets the HeyGen-era keys inside its
        # ``data``; a response object is left as it is.
        if (
            origin.kind == DATA or _parsed_json(ctx, flow, target, context)
        ) and wrap_in_bridge_call(ctx, target, BRIDGE_HEYGEN_NAMES):
            ctx.fixed(target, f"{what}: `liveavatar_bridge.{BRIDGE_HEYGEN_NAMES}` adds them")
        return
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
    replacement: cst.BaseExpression = merged
    if (
        isinstance(target, cst.Name)
        and isinstance(statement.body[0], cst.Return)
        and cell_of(ctx.index.module, context.function)
    ):
        # A marimo cell hands out the names its code defines, not what its ``return`` says
        # (``analysis/marimo_cells.py``): the name itself keeps the keys.
        line = cst.SimpleStatementLine(
            [cst.Assign([cst.AssignTarget(target.deep_clone())], merged)]
        )
        if ctx.insert_before(statement, [line]):
            ctx.fixed(
                target,
                f"{what} (" + ", ".join(f"`{old}` from `{new}`" for old, new in aliases) + ")",
            )
        return
    parent = ctx.index.parent_of(target)
    if isinstance(parent, cst.Arg) and parent.star == "**":
        # ``VIEWER.format(**data)``: the merged dict goes in a name of its own rather than
        # ``**{**data, ...}`` inside the call.
        name = fresh_name(ctx.index, context, "session_fields")
        line = cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(name))], merged)])
        if not ctx.insert_before(statement, [line]):
            return
        replacement = cst.Name(name)
    if ctx.transform(target, lambda _updated: replacement):
        ctx.fixed(
            target,
            f"{what} (" + ", ".join(f"`{old}` from `{new}`" for old, new in aliases) + ")",
        )


def _alias_spread(
    ctx: RuleContext,
    flow: SessionFlow,
    dict_node: cst.Dict,
    spread: cst.StarredDictElement,
    context: Context,
) -> None:
    """``{**data, "avatar": AVATAR}`` -> ``{**data, "url": data.get("livekit_url"), ...,
    "avatar": AVATAR}``: the HeyGen-era keys right after the spread, so later keys still win."""
    source = spread.value
    assert isinstance(source, cst.Name)
    origin = flow.tracker.classify(source, context)
    if origin is None or origin.endpoint_key != "new" or origin.kind not in (DATA, UNKNOWN):
        return
    if origin.kind == UNKNOWN and not _data_level(ctx, flow, source, context):
        return
    written = {string_value(e.key) for e in dict_node.elements if isinstance(e, cst.DictElement)}
    aliases = [
        (old, new)
        for old, new in PUBLIC_ALIASES + (LITE_ALIASES if flow.mode == "LITE" else ())
        if old not in written
    ]
    if not aliases:
        return
    added = [
        cst.DictElement(
            cst.SimpleString(f'"{old}"'),
            cst.Call(
                cst.Attribute(cst.Name(source.value), cst.Name("get")),
                [cst.Arg(cst.SimpleString(f'"{new}"'))],
            ),
        )
        for old, new in aliases
    ]
    position = next(i for i, e in enumerate(dict_node.elements) if e is spread)

    def insert(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Dict)
        elements = list(updated.elements)
        tail = elements[position + 1 :]
        opening = updated.lbrace.whitespace_after
        if isinstance(opening, cst.ParenthesizedWhitespace):
            # One entry a line: the added keys too, at the entries' indentation (the spread's
            # own comma, with its comment, stays where it separates it from the next entry).
            separator = cst.Comma(whitespace_after=without_lines(opening))
            head = elements[position] if tail else elements[position].with_changes(comma=separator)
        else:
            separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            head = elements[position].with_changes(comma=separator)
        new = [element.with_changes(comma=separator) for element in added]
        if not tail:
            new[-1] = new[-1].with_changes(comma=elements[position].comma)
        return updated.with_changes(elements=[*elements[:position], head, *new, *tail])

    if ctx.transform(dict_node, insert):
        ctx.fixed(
            spread,
            "the returned session data keeps the keys its callers read ("
            + ", ".join(f"`{old}` from `{new}`" for old, new in aliases)
            + ")",
        )


def _parsed_json(
    ctx: RuleContext, flow: SessionFlow, expr: cst.BaseExpression, context: Context, depth: int = 0
) -> bool:
    """Is ``expr`` surely parsed JSON (``r.json()``, ``json.loads(...)``, a name only ever bound
    to one, or a function of this module whose every return is one), never a response object?"""
    if depth > 4:
        return False
    if isinstance(expr, cst.Await):
        expr = expr.expression
    tracker = flow.tracker
    if isinstance(expr, cst.Name):
        values = tracker.bound_values(expr, context)
        return bool(values) and all(_parsed_json(ctx, flow, v, context, depth + 1) for v in values)
    if not isinstance(expr, cst.Call):
        return False
    func = expr.func
    if isinstance(func, cst.Attribute) and func.attr.value == "json" and plain_json_options(expr):
        return True
    if ctx.index.qualified_name(dotted_name(func)) == "json.loads":
        return True
    if is_bridge_call(expr, "start_session"):
        return True
    if any(site.node is expr for r in flow.new_requests for site in tracker.parse_sites(r)):
        # ``api.call("streaming.new", body)``: a wrapper the tracker reads as returning the
        # parsed token response (envelope or ``data``), which H2L101 starts the session with.
        return True
    name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")
    functions = tracker.functions_named(name)
    returns = tracker.returns_of(functions[0]) if len(functions) == 1 else []
    return bool(returns) and all(
        _parsed_json(ctx, flow, value, value_context, depth + 1) for value, value_context in returns
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
