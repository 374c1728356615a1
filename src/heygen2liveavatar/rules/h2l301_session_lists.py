"""H2L301: ``GET /v1|v2/streaming.list`` becomes ``GET /v1/sessions?type=active|historic``.

Also home of :func:`migrate_list_reads`, which H2L302 shares: both endpoints turn a HeyGen
list into LiveAvatar's paginated ``data.results[]`` and rename item fields.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.endpoints import EndpointLiteral, liveavatar_path
from ..analysis.http import HTTP_METHOD_NAMES, RequestSite
from ..analysis.index import ModuleIndex, dotted_name, string_value
from ..analysis.json_flow import JsonFlow, JsonFlowTracer, key_like, move_read, read_inside
from ..analysis.payloads import add_dict_entry, dict_keys, find_payload_dict
from ..apispec.resources import (
    LIST_QUERY_PARAMS_WITHOUT_SUCCESSOR,
    LIVEAVATAR_PAGE_SIZE_MAX,
    SESSION_LIST_SHAPES,
    SESSION_LIST_TYPE,
    SESSION_LIST_TYPE_PARAM,
    ListResponseShape,
)
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal
from .common import string_like

# Clients whose ``params=`` are merged into the URL's query, so ``type`` can go there.
_PARAMS_CLIENTS = frozenset({"requests", "httpx", "aiohttp"})
_NUMERIC_CALLEES = frozenset(
    {"fromtimestamp", "utcfromtimestamp", "localtime", "gmtime", "ctime", "int", "float", "round"}
)
_ORDERING = (cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual)


def json_tracer(ctx: RuleContext) -> JsonFlowTracer:
    """The module's :class:`JsonFlowTracer`, shared by the rules that read list responses."""
    tracer = ctx.shared.get("json_flow")
    if not isinstance(tracer, JsonFlowTracer):
        tracer = JsonFlowTracer(ctx.index, ctx.requests)
        ctx.shared["json_flow"] = tracer
    return tracer


class SessionListRule(Rule):
    code = "H2L301"
    name = "session-lists"
    summary = (
        "`GET /v1/streaming.list` and `GET /v2/streaming.list` become "
        "`GET /v1/sessions?type=active|historic`; reads of the response follow the new shape."
    )
    fix = FIX_UNSAFE
    description = """
HeyGen had two session lists: `GET /v1/streaming.list` (active sessions, in `data.sessions[]`)
and `GET /v2/streaming.list` (history, in a top-level `data[]` with `total`, `page`,
`page_size` and `next_pagination_token`). LiveAvatar has one, `GET /v1/sessions`, with a
required `type` query parameter (`active` or `historic`) and a paginated body
`data: {count, next, previous, results[]}`.

The rule rewrites the path wherever the URL is built. When every request using the URL passes
a literal `params=` dict (requests, httpx, aiohttp), `"type"` goes into that dict; otherwise
the query stays in the URL (`/v1/sessions?type=active`), which those clients merge with any
`params`. It then follows the response through the code that reads it, in the same function
or through the module's own helpers:

- `data.sessions` / top-level `data` become `data.results`; `total` becomes `data.count`;
- item `session_id` becomes `id`;
- `created_at` is now an ISO 8601 string: a use as a number (arithmetic, ordering,
  `datetime.fromtimestamp`) is reported;
- `next_pagination_token`, `page`, `page_size` (response) and item fields without a successor
  (`status`, `avatar_id`, `voice_name`, `api_key_type`) are reported, as is a response that
  leaves the module's sight (returned to other modules, passed to other functions).

The fix is unsafe because LiveAvatar pages its results (20 per page by default, at most 100):
code that expected every session in one response must follow `data.next`.
"""
    example_before = """
import requests

def active_session_ids(headers):
    resp = requests.get("https://api.heygen.com/v1/streaming.list", headers=headers)
    return [s["session_id"] for s in resp.json()["data"]["sessions"]]

def history(headers, page):
    resp = requests.get(
        "https://api.heygen.com/v2/streaming.list", params={"page": page}, headers=headers
    )
    body = resp.json()
    return body["total"], [s["session_id"] for s in body["data"]]
"""
    example_after = """
import requests

def active_session_ids(headers):
    resp = requests.get("https://api.liveavatar.com/v1/sessions?type=active", headers=headers)
    return [s["id"] for s in resp.json()["data"]["results"]]

def history(headers, page):
    resp = requests.get(
        "https://api.liveavatar.com/v1/sessions", params={"page": page, "type": "historic"}, headers=headers
    )
    body = resp.json()
    return body["data"]["count"], [s["id"] for s in body["data"]["results"]]
"""

    def check(self, ctx: RuleContext) -> None:
        for key in SESSION_LIST_TYPE:
            for literal in ctx.literals.endpoint_literals(key):
                if literal.is_target:
                    self._rewrite_path(ctx, literal, key)
        tracer = json_tracer(ctx)
        done: set[object] = set()
        for request in ctx.streaming_requests:
            key = request.endpoint.key if request.endpoint is not None else ""
            if key not in SESSION_LIST_SHAPES:
                continue
            self._check_params(ctx, request)
            migrate_list_reads(ctx, tracer.trace(request), SESSION_LIST_SHAPES[key], done)

    # The path and its ``type`` ---------------------------------------------------------
    def _rewrite_path(self, ctx: RuleContext, literal: EndpointLiteral, key: str) -> None:
        node = literal.site.node
        value = literal.site.value
        users = literal.requests
        params = [_params_dict(ctx, r) for r in users]
        in_params = bool(users) and all(
            d is not None and _merges_params(r) for r, d in zip(users, params)
        )
        for match in literal.matches:
            if match.endpoint.key != key:
                continue
            old = value[match.start : match.end]
            new = liveavatar_path(match)
            assert new is not None
            path, _, query = new.partition("?")
            following: list[cst.CSTNode] = []
            if in_params:
                new = path  # ``type`` goes into the params dict below
            elif value[match.end : match.end + 1] == "?":
                old, new = old + "?", f"{path}?{query}&"
            else:
                nexts = {_query_after(r, node) for r in users}
                if len(nexts) > 1 and None in nexts:
                    ctx.manual(
                        node,
                        f"`{old}` becomes `GET /v1/sessions?{query}`, but this URL is used both "
                        "with and without a query string: add `type` to each request",
                    )
                    continue
                following = [n for n in nexts if n is not None]
            if not edit_literal(ctx, node, old, new):
                continue
            ctx.fixed(node, f"`{old}` becomes `{new}`")
            for piece in following:
                # ``f"{LIST_URL}?page={n}"``: the query now continues the one in the path.
                assert isinstance(piece, (cst.SimpleString, cst.FormattedStringText))
                edit_literal(ctx, piece, "?", "&")
            if in_params:
                for params_dict in params:
                    assert params_dict is not None
                    self._add_type(ctx, params_dict, SESSION_LIST_TYPE[key])

    def _add_type(self, ctx: RuleContext, params: cst.Dict, list_type: str) -> None:
        keys = dict_keys(params)
        if SESSION_LIST_TYPE_PARAM in keys:
            return
        like = next(iter(keys.values())).key if keys else None
        value = string_like(like, list_type)

        def add(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Dict)
            if SESSION_LIST_TYPE_PARAM in dict_keys(updated):
                return updated
            return add_dict_entry(updated, SESSION_LIST_TYPE_PARAM, value)

        if ctx.transform(params, add):
            ctx.fixed(
                params, f'adds `"{SESSION_LIST_TYPE_PARAM}": "{list_type}"` to the query parameters'
            )

    def _check_params(self, ctx: RuleContext, request: RequestSite) -> None:
        params = _params_dict(ctx, request)
        if params is None:
            return
        for name, element in dict_keys(params).items():
            if name in LIST_QUERY_PARAMS_WITHOUT_SUCCESSOR:
                ctx.manual(
                    element,
                    f"query parameter `{name}` is gone in LiveAvatar: "
                    f"{LIST_QUERY_PARAMS_WITHOUT_SUCCESSOR[name]}",
                )
            elif name == "page_size":
                size = element.value
                if isinstance(size, cst.Integer) and int(size.value) > LIVEAVATAR_PAGE_SIZE_MAX:
                    ctx.manual(
                        element,
                        f"LiveAvatar returns at most {LIVEAVATAR_PAGE_SIZE_MAX} sessions per page: "
                        "lower `page_size` and follow `data.next`",
                    )


def _params_dict(ctx: RuleContext, request: RequestSite) -> cst.Dict | None:
    for arg in request.node.args:
        if arg.keyword is not None and arg.keyword.value == "params":
            return find_payload_dict(arg.value, ctx.index, request.call.context)
    return None


def _merges_params(request: RequestSite) -> bool:
    """Is this a call of an HTTP client (not a project wrapper) that merges ``params=``?

    requests, httpx and aiohttp all merge ``params`` into the URL's query string; a
    ``session.get``/``self.client.get`` receiver is one of them, ``self._get`` is the project's.
    """
    if request.client in _PARAMS_CLIENTS:
        return True
    func = request.node.func
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value in HTTP_METHOD_NAMES
        and dotted_name(func.value) not in ("self", "cls")
    )


def _query_after(request: RequestSite, node: cst.CSTNode) -> cst.CSTNode | None:
    """The literal right after ``node`` in the request's URL, when it starts the query (``?``)."""
    for position, piece in enumerate(request.pieces):
        if piece.node is node and position + 1 < len(request.pieces):
            following = request.pieces[position + 1]
            if following.text is not None and following.text.startswith("?"):
                return following.node
            return None
    return None


# Response reads (shared with H2L302) -------------------------------------------------------
def migrate_list_reads(
    ctx: RuleContext, flow: JsonFlow, shape: ListResponseShape, done: set[object]
) -> None:
    """Map the reads of a HeyGen list response onto LiveAvatar's ``data.results[]`` shape.

    ``done`` holds ids of nodes already handled (a helper's reads reached from two requests).
    """
    if flow.start and not _realign_wrapper_result(ctx, flow, shape, done):
        return
    for read in flow.reads:
        if id(read.node) in done:
            continue
        done.add(id(read.node))
        moved = shape.key_moves.get(read.container, {}).get(read.key)
        if moved is not None:
            _move(ctx, read.node, read.key_node, read.key, moved)
        elif read.container == shape.item_path:
            _item_read(ctx, shape, read.node, read.key_node, read.key)
        elif read.container == () and read.key in shape.root_manual:
            ctx.manual(
                read.node, f"`{read.key}` is gone in LiveAvatar: {shape.root_manual[read.key]}"
            )
    for key in shape.item_iso_datetimes:
        for value in flow.values_at((*shape.item_path, key)):
            if ("iso", id(value)) in done or not is_numeric_use(ctx.index, value):
                continue
            done.add(("iso", id(value)))
            ctx.manual(
                value,
                f"`{key}` is an ISO 8601 string in LiveAvatar, not a unix timestamp: parse it "
                "(`datetime.fromisoformat`) before using it as a number",
            )
    prefixes = {shape.item_path[:length] for length in range(len(shape.item_path) + 1)}
    for escape in flow.escapes:
        if ("escape", id(escape.node)) in done:
            continue
        done.add(("escape", id(escape.node)))
        if escape.path is None or escape.path in prefixes:
            ctx.manual(
                escape.node,
                f"this response is read elsewhere and its shape changed: {shape.summary}",
            )
            break


def _realign_wrapper_result(
    ctx: RuleContext, flow: JsonFlow, shape: ListResponseShape, done: set[object]
) -> bool:
    """A module wrapper that returns part of the JSON (``return r.json()["data"]``).

    When that part moved (HeyGen's ``data`` list is LiveAvatar's ``data.results``), the call
    site reads the rest of the new path (``self._get(...)["results"]``), which gives the code
    after it the shape it expects. When the wrapper itself reads a key that is gone, only a
    person can change the wrapper (other calls use it too). False: leave the reads alone.
    """
    start = flow.start or ()
    node: cst.CSTNode = flow.request.node
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Await):
        node = parent
    for container, moves in shape.key_moves.items():
        for key, new_path in moves.items():
            moved = (*container, key)
            if start[: len(moved)] != moved:
                continue
            if start == moved and new_path[0] == key:
                if ("realign", id(node)) in done:
                    return True
                done.add(("realign", id(node)))
                extra = new_path[1:]
                reference = cst.SimpleString(f'"{key}"')

                def realign(
                    updated: cst.CSTNode,
                    extra: tuple[str, ...] = extra,
                    reference: cst.SimpleString = reference,
                ) -> cst.CSTNode:
                    assert isinstance(updated, cst.BaseExpression)
                    result = updated
                    if isinstance(result, cst.Await):
                        result = result.with_changes(
                            lpar=[cst.LeftParen()], rpar=[cst.RightParen()]
                        )
                    for part in extra:
                        result = cst.Subscript(
                            value=result,
                            slice=[cst.SubscriptElement(cst.Index(key_like(reference, part)))],
                        )
                    return result

                if ctx.transform(node, realign):
                    ctx.fixed(
                        node,
                        f"the wrapper returns `{'.'.join(moved)}`, which is "
                        f"`{'.'.join(new_path)}` in LiveAvatar: reads `{'.'.join(extra)}` from it",
                    )
                return True
            ctx.manual(
                node,
                f"the wrapper called here reads `{'.'.join(moved)}` from the response, which is "
                f"`{'.'.join(new_path)}` in LiveAvatar: {shape.summary}",
            )
            return False
    return True


def _move(
    ctx: RuleContext,
    node: cst.CSTNode,
    key_node: cst.SimpleString,
    key: str,
    new_path: tuple[str, ...],
) -> None:
    if ctx.transform(node, lambda updated: move_read(updated, key_node, new_path)):
        ctx.fixed(node, f"`{key}` is `{'.'.join(new_path)}` in LiveAvatar")


def _item_read(
    ctx: RuleContext,
    shape: ListResponseShape,
    node: cst.CSTNode,
    key_node: cst.SimpleString,
    key: str,
) -> None:
    if key in shape.item_renames:
        new = shape.item_renames[key]
        if ctx.replace(key_node, key_like(key_node, new)):
            ctx.fixed(node, f"item field `{key}` is `{new}` in LiveAvatar")
    elif key in shape.item_objects:
        inner = shape.item_objects[key]
        if ctx.transform(node, lambda updated: read_inside(updated, key_node, inner)):
            ctx.fixed(node, f"item field `{key}` is `{key}.{inner}` in LiveAvatar")
    elif key in shape.item_removed:
        ctx.manual(node, f"item field `{key}` is gone in LiveAvatar: {shape.item_removed[key]}")


def is_numeric_use(index: ModuleIndex, node: cst.CSTNode) -> bool:
    """Is this value used as a number (arithmetic, ordering, timestamp conversion)?"""
    parent = index.parent_of(node)
    if isinstance(parent, cst.BinaryOperation):
        # ``"%s" % value`` formats; everything else on a unix timestamp is arithmetic.
        return not (isinstance(parent.operator, cst.Modulo) and parent.right is node)
    if isinstance(parent, cst.UnaryOperation):
        return True
    if isinstance(parent, cst.Comparison):
        return any(isinstance(target.operator, _ORDERING) for target in parent.comparisons)
    if isinstance(parent, cst.FormattedStringExpression) and parent.format_spec:
        spec = "".join(
            part.value for part in parent.format_spec if isinstance(part, cst.FormattedStringText)
        )
        return any(kind in spec for kind in "dfeg")
    if isinstance(parent, cst.Arg):
        call = index.parent_of(parent)
        if isinstance(call, cst.Call):
            name = (dotted_name(call.func) or "").rsplit(".", 1)[-1]
            if name in _NUMERIC_CALLEES:
                return True
            return any(
                arg.keyword is not None and arg.keyword.value == "unit" and string_value(arg.value)
                for arg in call.args
            )
    return False
