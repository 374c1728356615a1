"""H2L303's changes to one Contexts request: its HTTP method, its body's fields and the
reads of its response (shared by direct requests and calls of a knowledge-base helper)."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import without_item, without_keyword
from ..analysis.context_endpoints import OPERATION_VERBS, ContextOperation
from ..analysis.http import RequestSite
from ..analysis.json_flow import JsonFlow, key_like
from ..analysis.payloads import dict_keys, find_keyword_dict_call, find_payload_dict
from ..analysis.request_arguments import is_empty_body, method_change
from ..apispec.resources import (
    CONTEXT_FIELD_RENAMES,
    CONTEXT_LIST_FIELDS,
    CONTEXT_LIST_SHAPE,
    CONTEXT_REQUIRED_FIELDS,
)
from .base import RuleContext
from .common import hoist_as, json_tracer
from .h2l301_session_lists import migrate_list_reads

_BODY_KEYWORDS = ("json", "data", "content")


def migrate_context_request(
    ctx: RuleContext, request: RequestSite, op: ContextOperation, done: set[tuple[object, ...]]
) -> None:
    """Method, payload fields and response reads of ``request``, a Context ``op``
    (``done``: the rule's record of what it already changed in this module)."""
    if op.heygen_method != op.liveavatar_method:
        change_method(ctx, request, op)
    if op.liveavatar_method in ("POST", "PATCH"):
        payload_fields(ctx, request, op)
    response_reads(ctx, request, op, done)


def change_method(ctx: RuleContext, request: RequestSite, op: ContextOperation) -> None:
    new = op.liveavatar_method
    old = op.heygen_method or ""
    what = f"LiveAvatar {OPERATION_VERBS[new]} a context with `{new} /v1/contexts{op.liveavatar_suffix}`"
    change = method_change(ctx.index, request, old, new)
    changed = change is not None and ctx.transform(change.node, change.transform)
    if not changed:
        ctx.manual(request.node, f"{what}: send this request as `{new}`")
        return
    ctx.fixed(request.node, f"`{old}` becomes `{new}`: {what}")
    if new == "DELETE":
        _drop_body(ctx, request)


def _drop_body(ctx: RuleContext, request: RequestSite) -> None:
    """LiveAvatar's DELETE takes no body, and httpx's ``delete()`` accepts none."""
    payload = request.payload
    args = list(request.node.args)
    if (
        payload is not None
        and payload.keyword is None
        and not payload.star
        and payload in args
        and is_empty_body(payload.value)
        and all(arg.keyword is not None for arg in args[args.index(payload) + 1 :])
    ):
        # ``fetch(url, {}, method="DELETE")``: the wrapper's body parameter, last positional
        ctx.transform(request.node, without_item(args.index(payload)))
        return
    for arg in request.node.args:
        if arg.keyword is None or arg.keyword.value not in _BODY_KEYWORDS:
            continue
        if is_empty_body(arg.value):
            ctx.transform(request.node, without_keyword(arg.keyword.value))
        elif "httpx" in ctx.index.imports.values():
            ctx.manual(
                arg,
                "`DELETE /v1/contexts/{id}` takes no body and httpx's `delete()` accepts "
                f"none: drop `{arg.keyword.value}=`",
            )


def payload_fields(ctx: RuleContext, request: RequestSite, op: ContextOperation) -> None:
    payload = request.payload
    node = find_payload_dict(
        payload.value if payload is not None else None, ctx.index, request.call.context
    )
    endpoint = f"`{op.liveavatar_method} /v1/contexts{op.liveavatar_suffix}`"
    required = ", ".join(f"`{f}`" for f in CONTEXT_REQUIRED_FIELDS)
    call = find_keyword_dict_call(
        payload.value if payload is not None else None, ctx.index, request.call.context
    )
    if node is None and call is not None:
        _keyword_fields(ctx, call, endpoint, required, op)
        return
    if node is None and _renamed_at_run_time(ctx, payload, op):
        return
    if node is None:
        ctx.manual(
            request.node,
            f"{endpoint} requires {required} in its JSON body (HeyGen's `opening` is "
            "`opening_text`): check the payload",
        )
        return
    keys = dict_keys(node)
    for old, new in CONTEXT_FIELD_RENAMES.items():
        element = keys.get(old)
        if element is None or new in keys:
            continue
        key_node = element.key
        assert isinstance(key_node, cst.SimpleString)
        if ctx.replace(key_node, key_like(key_node, new)):
            ctx.fixed(key_node, f"`{old}` is `{new}` in LiveAvatar contexts")
    present = {CONTEXT_FIELD_RENAMES.get(k, k) for k in keys}
    opaque = any(isinstance(e, cst.StarredDictElement) for e in node.elements)
    missing = [f for f in CONTEXT_REQUIRED_FIELDS if f not in present]
    if missing and not opaque:
        replaces = " (it replaces the whole context)" if op.liveavatar_method == "PATCH" else ""
        ctx.manual(
            node,
            f"{endpoint}{replaces} requires {required}; this payload lacks "
            + ", ".join(f"`{f}`" for f in missing),
        )


def _renamed_at_run_time(ctx: RuleContext, payload: cst.Arg | None, op: ContextOperation) -> bool:
    """``json=payload`` (a dict the code built from a file, a record...): its keys are renamed
    where it is sent, ``{("opening_text" if k == "opening" else k): v for k, v in
    payload.items()}``, as HeyGen's knowledge-base fields are LiveAvatar's but ``opening``."""
    if (
        payload is None
        or payload.keyword is None
        or payload.keyword.value != "json"
        or op.liveavatar_method not in ("POST", "PATCH")
        or not isinstance(payload.value, (cst.Name, cst.Attribute, cst.Subscript, cst.Call))
    ):
        return False
    renames = " ".join(
        f'"{new}" if k == "{old}" else' for old, new in CONTEXT_FIELD_RENAMES.items()
    )

    def renamed(updated: cst.CSTNode) -> cst.CSTNode:
        source = ctx.module.code_for_node(updated)
        return cst.parse_expression(f"{{({renames} k): v for k, v in {source}.items()}}")

    if not ctx.transform(payload.value, renamed):
        return False
    ctx.fixed(
        payload.value,
        "the knowledge base's `opening` is `opening_text` in LiveAvatar contexts: renamed where "
        "this body is sent",
    )
    return True


def _keyword_fields(
    ctx: RuleContext, call: cst.Call, endpoint: str, required: str, op: ContextOperation
) -> None:
    """``json=dict(name=n, opening=o, prompt=p)``: the keywords are the fields, renamed where
    LiveAvatar's differ (``opening=`` -> ``opening_text=``)."""
    keywords = {arg.keyword.value: arg.keyword for arg in call.args if arg.keyword is not None}
    for old, new in CONTEXT_FIELD_RENAMES.items():
        keyword = keywords.get(old)
        if keyword is None or new in keywords:
            continue
        if ctx.replace(keyword, cst.Name(new)):
            ctx.fixed(keyword, f"`{old}` is `{new}` in LiveAvatar contexts")
    present = {CONTEXT_FIELD_RENAMES.get(k, k) for k in keywords}
    missing = [f for f in CONTEXT_REQUIRED_FIELDS if f not in present]
    if missing:
        replaces = " (it replaces the whole context)" if op.liveavatar_method == "PATCH" else ""
        ctx.manual(
            call,
            f"{endpoint}{replaces} requires {required}; this payload lacks "
            + ", ".join(f"`{f}`" for f in missing),
        )


def response_reads(
    ctx: RuleContext, request: RequestSite, op: ContextOperation, done: set[tuple[object, ...]]
) -> None:
    tracer = json_tracer(ctx)
    flow = tracer.trace(request)
    if op.liveavatar_suffix == "" and op.liveavatar_method == "GET":
        if tracer.iterated_unknown_result(request):
            # Iterated as the list itself: the wrapper returns HeyGen's ``data``.
            flow = tracer.trace_from(request, CONTEXT_LIST_SHAPE.items)
        if not any(read.key == "list" for read in flow.reads):
            # HeyGen's list as ``data[]``: read at ``data.results[]`` (its items' lost fields
            # and a list handed out elsewhere are reported there).
            migrate_list_reads(ctx, flow, CONTEXT_LIST_SHAPE, set())
            return
        for read in flow.reads:
            # HeyGen's list came as ``data.list[]`` (or ``data[]``); LiveAvatar pages it
            # as ``data.results[]``.
            if read.key == "list" and ctx.replace(
                read.key_node, key_like(read.key_node, "results")
            ):
                ctx.fixed(read.node, "`list` is `results` in LiveAvatar's paginated context list")
        if flow.reads or flow.escapes:
            fields = ", ".join(f"`{f}`" for f in CONTEXT_LIST_FIELDS)
            ctx.manual(
                request.node,
                f"check how this code reads the list: `GET /v1/contexts` items carry {fields} "
                "(`GET /v1/contexts/{id}` has `prompt` and `opening_text`)",
            )
        return
    for read in flow.reads:
        new = CONTEXT_FIELD_RENAMES.get(read.key)
        if new is None or ("read", id(read.key_node)) in done:
            continue
        done.add(("read", id(read.key_node)))
        if ctx.replace(read.key_node, key_like(read.key_node, new)):
            ctx.fixed(read.node, f"`{read.key}` is `{new}` in LiveAvatar contexts")
    if op.liveavatar_method != "DELETE" and flow.escapes:
        _returned_records_keep_heygen_keys(ctx, flow, done)


def _returned_records_keep_heygen_keys(
    ctx: RuleContext, flow: JsonFlow, done: set[tuple[object, ...]]
) -> None:
    """``return _data(resp)`` (a context record) where some reader of it is out of reach (a
    route handing it to the browser, ``record[k]``): the record keeps HeyGen's field names
    beside LiveAvatar's, ``{**record, "opening": record.get("opening_text")}``."""
    for value in flow.values:
        statement = ctx.index.parent_of(value.node)
        if value.path != ("data",) or not isinstance(statement, cst.Return):
            continue
        if ("record", id(statement)) in done:
            continue
        done.add(("record", id(statement)))
        line = ctx.statement_of(statement)
        context = ctx.index.context_of(line) if line is not None else None
        if line is None or context is None or context.function is None:
            continue
        if isinstance(value.node, cst.Name):
            name: cst.Name | None = value.node
        else:
            name = hoist_as(ctx, value.node, line, context, "context")
        if name is None:
            continue
        keys = ", ".join(
            f'"{old}": {name.value}.get("{new}")' for old, new in CONTEXT_FIELD_RENAMES.items()
        )
        record = cst.parse_expression(f"{{**{name.value}, {keys}}}")
        if ctx.replace(value.node, record):
            renamed = ", ".join(f"`{old}`" for old in CONTEXT_FIELD_RENAMES)
            ctx.fixed(
                statement,
                f"the returned context keeps HeyGen's {renamed} for the readers the tool cannot "
                "follow",
            )
