"""HeyGen's task response given back, and status checks dropped, where a request became an event.

``liveavatar_bridge.emit`` returns the event id and raises on failure. Code that reads more of
HeyGen's response than ``task_id`` gets ``liveavatar_bridge.heygen_response(<event id>)``
(``code`` 100, ``data.task_id`` = the event id, no ``duration_ms``); a status check keeps only
its success branch. The recognition is ``analysis/task_responses.py``.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.http import RequestSite
from ..analysis.index import Context
from ..analysis.layout import is_multiline, laid_out_like, unwrapped_argument
from ..analysis.response_models import model_built_from
from ..analysis.response_uses import (
    assigned_name,
    descend,
    field_path,
    is_data_subscript,
)
from ..analysis.task_responses import needs_response_shape, request_call_in, task_field
from ..apispec.events import (
    BRIDGE_HTTP_RESPONSE,
    BRIDGE_TASK_RESPONSE,
    ENVELOPE_DATA,
    TASK_DURATION_FIELD,
    TASK_ID_FIELD,
)
from .base import RuleContext
from .bridge_calls import wrap_in_bridge_call
from .task_statements import read_replaced_after_call

SHARED_REPLACED_REQUESTS = "events.replaced_requests"
"""``ctx.shared`` key: ids of request calls the event rules replaced, and of the calls that
checked their responses (``_check(resp)``); other rules skip them and what they hold."""
SHARED_HANDLED_READS = "events.handled_reads"
"""``ctx.shared`` key: ids of response field reads (``task_id``, ``duration_ms``) these rules
rewrote or marked (H2L404 leaves them alone)."""
OBJECT = "object"
"""The value was HeyGen's response object (``resp``)."""
DATA = "data"
"""The value was the parsed JSON of that response (``resp.json()``)."""
NO_DURATION = (
    "`duration_ms` has no LiveAvatar successor: the avatar sends `avatar.speak_ended` "
    "(topic `agent-response`, `source_event_id` = the event id) when it has finished"
)


def kept_as_heygen_response(
    ctx: RuleContext,
    node: cst.CSTNode,
    emit: str,
    value: cst.BaseExpression | None,
    data_part: bool = False,
) -> bool:
    """Give code that reads HeyGen's task response its shape back (``code``, ``message``,
    ``data.task_id`` = the event id) where the reads need more than the event id."""
    reads = needs_response_shape(ctx.index, node, ctx.edits.removed)
    if reads is None:
        return False
    as_heygen_response(ctx, node, emit, reads, value, data_part)
    return True


def as_heygen_response(
    ctx: RuleContext,
    node: cst.CSTNode,
    emit: str,
    reads: list[cst.Name],
    value: cst.BaseExpression | None,
    data_part: bool = False,
) -> None:
    """``node`` -> ``liveavatar_bridge.heygen_response(node)`` (or of ``value``), its ``["data"]``
    where the replaced wrapper returned the envelope's data; its reads of ``duration_ms`` by
    subscript are marked (there is none)."""
    bridge = emit.rsplit(".", 1)[0]
    func = cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_TASK_RESPONSE))

    original = request_call_in(node)
    extra = len(code_of(func, ctx.module)) + 2  # ``func(`` and ``)`` around the call

    def wrap(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        inner = value if value is not None else updated
        if isinstance(inner, cst.Await):
            inner = inner.with_changes(lpar=[], rpar=[])
        call = inner.expression if isinstance(inner, cst.Await) else inner
        if (
            value is None
            and isinstance(call, cst.Call)
            and original is not None
            and not is_multiline(call)
        ):
            # Laid out again with the wrapper's width: one argument a line if it is too long.
            relaid = laid_out_like(ctx.index, original, call.func, list(call.args), extra)
            inner = inner.with_changes(expression=relaid) if inner is not call else relaid
        response = cst.Call(func, [cst.Arg(inner)])
        if not data_part:
            return response
        data = cst.SubscriptElement(cst.Index(cst.SimpleString('"data"')))
        return cst.Subscript(response, [data])

    if not ctx.transform(node, wrap):
        return
    ctx.fixed(
        node,
        f"the code reads HeyGen's response: `{bridge}.{BRIDGE_TASK_RESPONSE}` gives it that "
        f"shape (`code` 100, as `{emit}` raises on failure; `data.task_id` = the event id; no "
        "`duration_ms`)",
    )
    handled = ctx.shared.setdefault(SHARED_HANDLED_READS, set())
    assert isinstance(handled, set)
    for read in reads:
        model = model_built_from(ctx.index, read)
        if model is not None and any(
            f.name == TASK_DURATION_FIELD and not f.has_default for f in model[1]
        ):
            ctx.manual(
                read,
                f"`{model[0]}` requires `duration_ms`, which LiveAvatar does not report: give "
                "the field a default or drop it (the avatar sends `avatar.speak_ended` when it "
                "has finished)",
            )
        keys, outer = field_path(ctx.index, read)
        field = task_field(keys)
        if field is None:
            continue
        handled.add(id(outer))
        if field == TASK_DURATION_FIELD and isinstance(outer, cst.Subscript):
            ctx.manual(outer, NO_DURATION)


def as_heygen_model(ctx: RuleContext, helper: cst.Call, model: cst.Call, emit: str) -> None:
    """``_unwrap(emit(...))``, a helper that built a model of HeyGen's JSON: the model is built
    from ``liveavatar_bridge.heygen_response(<event id>)`` in its place (the helper read the
    status of a response there is no more); a result nobody uses leaves the bare event call."""
    replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    replaced.add(id(helper))
    if isinstance(ctx.index.parent_of(helper), cst.Expr):
        ctx.transform(helper, first_argument)
        return
    bridge = emit.rsplit(".", 1)[0]
    func = cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_TASK_RESPONSE))

    def rebuild(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        # The helper call's own layout (its argument on lines of its own) is kept.
        response = updated.with_changes(func=func, args=updated.args[:1])
        arg = model.args[0].with_changes(value=response)
        return model.deep_clone().with_changes(args=[arg])

    if ctx.transform(helper, rebuild):
        ctx.fixed(
            helper,
            f"builds `{code_of(model.func, ctx.module)}` from `{bridge}.{BRIDGE_TASK_RESPONSE}` "
            f"(HeyGen's shape: `code` 100, as `{emit}` raises on failure; `data.task_id` = the "
            "event id): the helper checked a response there is no more",
        )


def first_argument(call: cst.CSTNode) -> cst.BaseExpression:
    assert isinstance(call, cst.Call)
    return unwrapped_argument(call)


def data_read(
    ctx: RuleContext, base: cst.CSTNode, replacement: cst.BaseExpression | None, emit: str
) -> bool:
    """``base["data"]["task_id"]`` -> the event id; ``duration_ms`` marked. False: not one."""
    keys, node = field_path(ctx.index, base)
    levels = len(keys)  # subscripts and ``.get()`` calls between ``base`` and ``node``
    if keys[:1] == [ENVELOPE_DATA]:
        keys = keys[1:]
    if not keys or keys[0] not in (TASK_ID_FIELD, TASK_DURATION_FIELD) or len(keys) > 1:
        return False
    handled = ctx.shared.setdefault(SHARED_HANDLED_READS, set())
    assert isinstance(handled, set)
    handled.add(id(node))
    if keys[0] == TASK_DURATION_FIELD and isinstance(node, cst.Call):
        # ``.get("duration_ms")``: the code already copes with no duration; it has none now.
        default = node.args[1].value if len(node.args) > 1 else cst.Name("None")
        if replacement is None and not isinstance(base, cst.Name):
            # Read on the event call itself (``emit(...).get("duration_ms")``): the default
            # stands in for the read only, the event is still sent.
            done = read_replaced_after_call(
                ctx, node, lambda updated: descend(updated, levels), default
            )
            if not done:
                ctx.manual(node, NO_DURATION)
                return True
        else:
            done = ctx.replace(node, default.deep_clone())
        if done:
            ctx.fixed(
                node,
                "no `duration_ms` any more (the code's own default stands in): the avatar sends "
                "`avatar.speak_ended` when it has finished",
            )
        return True
    if keys[0] == TASK_DURATION_FIELD:
        ctx.manual(node, NO_DURATION)
        return True
    if replacement is not None:
        done = ctx.replace(node, replacement)
    else:
        done = ctx.transform(node, lambda updated: descend(updated, levels))
    if done:
        ctx.fixed(node, f"`task_id` becomes the id of the event `{emit}` sent")
    return True


def as_http_response(ctx: RuleContext, node: cst.CSTNode, emit: str) -> bool:
    """``node`` (the event call) -> ``liveavatar_bridge.heygen_http_response(node)``: a
    successful response whose ``json()`` is HeyGen's task answer (``task_id`` = the event id)."""
    if not isinstance(node, cst.BaseExpression) or not wrap_in_bridge_call(
        ctx, node, BRIDGE_HTTP_RESPONSE
    ):
        return False
    bridge = emit.rsplit(".", 1)[0]
    ctx.fixed(
        node,
        f"the code uses HeyGen's response: `{bridge}.{BRIDGE_HTTP_RESPONSE}` gives it one "
        f"(status 200, as `{emit}` raises on failure; `json()`: `data.task_id` = the event id)",
    )
    return True


def data_level(ctx: RuleContext, node: cst.CSTNode, kind: str) -> tuple[cst.CSTNode, str]:
    """``<json>["data"]`` assigned as a whole is still the task data: follow it instead."""
    if kind != DATA:
        return node, kind
    parent = ctx.index.parent_of(node)
    if (
        is_data_subscript(parent, node)
        and parent is not None
        and assigned_name(ctx.index.parent_of(parent), parent) is not None
    ):
        ctx.transform(parent, lambda updated: descend(updated, 1))
        return parent, DATA
    return node, kind


def returns_id(emit: str) -> str:
    return (
        f"this returns the id of the event `{emit}` sent (a str) now, where HeyGen's "
        "response was returned: check what the callers do with it"
    )


def not_a_response(emit: str) -> str:
    return (
        f"`{emit}` returns the id of the event it sent (a str) and raises `LiveAvatarError` "
        "on failure, where HeyGen returned its response: adapt this use"
    )


def maybe_rebound(name: str, emit: str) -> str:
    return (
        f"`{name}` is bound again before this on some paths only: here it may be the event id "
        f"that `{emit}` returns (a str, where HeyGen returned its response) or the later value: "
        "adapt this use"
    )


def collapse(ctx: RuleContext, call: cst.Call) -> None:
    """``x.method()`` -> ``x`` (parenthesised only where the new place needs it)."""
    parent = ctx.index.parent_of(call)
    keep_parentheses = isinstance(parent, (cst.Attribute, cst.Subscript))

    def inner(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call) and isinstance(updated.func, cst.Attribute)
        value = updated.func.value
        if not keep_parentheses and isinstance(value, cst.Await):
            value = value.with_changes(lpar=[], rpar=[])
        return value

    ctx.transform(call, inner)


def adapted_here(ctx: RuleContext, request: RequestSite, context: Context) -> bool:
    """Whether the event rules replaced ``request`` and adapted the uses of its response in
    ``context``'s function (reads elsewhere, in its callers, are left to the other rules)."""
    replaced = ctx.shared.get(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    return id(request.node) in replaced and context.function is request.call.context.function


__all__ = [
    "DATA",
    "NO_DURATION",
    "OBJECT",
    "SHARED_HANDLED_READS",
    "SHARED_REPLACED_REQUESTS",
    "adapted_here",
    "as_heygen_model",
    "as_heygen_response",
    "as_http_response",
    "collapse",
    "data_level",
    "data_read",
    "first_argument",
    "kept_as_heygen_response",
    "not_a_response",
    "returns_id",
]
