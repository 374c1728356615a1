"""H2L301: ``GET /v1|v2/streaming.list`` becomes ``GET /v1/sessions?type=active|historic``.

Also home of :func:`migrate_list_reads`, which H2L302 shares: both endpoints turn a HeyGen
list into LiveAvatar's paginated ``data.results[]`` and rename item fields.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import string_literal, with_keyword
from ..analysis.endpoints import EndpointLiteral, liveavatar_path
from ..analysis.http import RequestSite
from ..analysis.index import dotted_name
from ..analysis.json_flow import JsonFlow, key_like, move_read, read_inside
from ..analysis.list_responses import (
    WrapperRealignment,
    helper_realignments,
    is_numeric_use,
    realigned,
    returned_items,
    with_heygen_item_keys,
    wrapper_realignment,
)
from ..analysis.payloads import add_dict_entry, dict_keys
from ..analysis.request_arguments import (
    merges_params,
    params_dict,
    params_expression,
    query_after,
    wrapper_builds_query,
)
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
from .common import json_tracer


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
`params=` to its client (requests, httpx, aiohttp), `"type"` goes into them: into a literal
dict, as a keyword of `dict(...)`, or merged with any other mapping (`{**query, "type": ...}`;
httpx replaces a query written in the URL with `params`). Otherwise the query stays in the URL
(`/v1/sessions?type=active`). It then follows the response through the code that reads it, in the same function
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
        "https://api.liveavatar.com/v1/sessions",
        params={"page": page, "type": "historic"},
        headers=headers,
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
        params = [params_dict(ctx.index, r) for r in users]
        in_params = bool(users) and all(
            d is not None and merges_params(r) for r, d in zip(users, params)
        )
        # ``client.get(url, params=query)``: ``type`` joins the query parameters there too.
        expressions = [params_expression(r) for r in users]
        in_expressions = (
            not in_params
            and bool(users)
            and all(
                e is not None or (d is not None and merges_params(r))
                for r, e, d in zip(users, expressions, params)
            )
        )
        # ``fetch("/v2/streaming.list", **params)`` whose ``fetch`` appends its own query:
        # ``type`` is one more keyword of each call.
        in_keywords = (
            not in_params
            and bool(users)
            and all(wrapper_builds_query(ctx.index, r) for r in users)
            and not any(
                arg.keyword is not None and arg.keyword.value == SESSION_LIST_TYPE_PARAM
                for r in users
                for arg in r.node.args
            )
        )
        for match in literal.matches:
            if match.endpoint.key != key:
                continue
            old = value[match.start : match.end]
            new = liveavatar_path(match)
            assert new is not None
            path, _, query = new.partition("?")
            following: list[cst.CSTNode] = []
            if in_params or in_keywords or in_expressions:
                new = path  # ``type`` goes into the params dict or the keywords below
            elif value[match.end : match.end + 1] == "?":
                old, new = old + "?", f"{path}?{query}&"
            else:
                nexts = {query_after(r, node) for r in users}
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
                for params_node in params:
                    assert params_node is not None
                    self._add_type(ctx, params_node, SESSION_LIST_TYPE[key])
            if in_expressions:
                for request, params_node, argument in zip(users, params, expressions):
                    if params_node is not None:
                        self._add_type(ctx, params_node, SESSION_LIST_TYPE[key])
                    elif argument is not None:
                        self._merge_type(ctx, request, argument, SESSION_LIST_TYPE[key], node)
            if in_keywords:
                list_type = SESSION_LIST_TYPE[key]
                for request in users:
                    type_value = string_literal(list_type, node)
                    if ctx.transform(
                        request.node, with_keyword(SESSION_LIST_TYPE_PARAM, type_value)
                    ):
                        ctx.fixed(
                            request.node,
                            f"`{SESSION_LIST_TYPE_PARAM}={list_type!r}` is passed to the "
                            "wrapper, which writes the query string itself",
                        )

    def _add_type(self, ctx: RuleContext, params: cst.Dict, list_type: str) -> None:
        keys = dict_keys(params)
        if SESSION_LIST_TYPE_PARAM in keys:
            return
        like = next(iter(keys.values())).key if keys else None
        value = string_literal(list_type, like)

        def add(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Dict)
            if SESSION_LIST_TYPE_PARAM in dict_keys(updated):
                return updated
            return add_dict_entry(updated, SESSION_LIST_TYPE_PARAM, value)

        if ctx.transform(params, add):
            ctx.fixed(
                params, f'adds `"{SESSION_LIST_TYPE_PARAM}": "{list_type}"` to the query parameters'
            )

    def _merge_type(
        self,
        ctx: RuleContext,
        request: RequestSite,
        argument: cst.Arg,
        list_type: str,
        like: cst.CSTNode,
    ) -> None:
        """``params=dict(page=p)`` gets ``type=...``; another expression is spread into a dict
        with ``type`` (``{**query, "type": ...}``; ``query or {}`` for a parameter, which may
        be ``None``)."""
        value = argument.value
        literal = string_literal(list_type, like)
        if (
            isinstance(value, cst.Call)
            and dotted_name(value.func) == "dict"
            and all(a.keyword is not None for a in value.args)
        ):
            changed = ctx.transform(value, with_keyword(SESSION_LIST_TYPE_PARAM, literal))
        else:
            function = request.call.context.function
            parameter = (
                isinstance(value, cst.Name)
                and function is not None
                and any(
                    p.name.value == value.value
                    for p in (*function.params.params, *function.params.kwonly_params)
                )
            )
            key = string_literal(SESSION_LIST_TYPE_PARAM, like)

            def merged(updated: cst.CSTNode) -> cst.CSTNode:
                assert isinstance(updated, cst.BaseExpression)
                source = cst.Module([]).code_for_node(updated)
                spread = f"({source} or {{}})" if parameter else source
                return cst.parse_expression(
                    f"{{**{spread}, {cst.Module([]).code_for_node(key)}: "
                    f"{cst.Module([]).code_for_node(literal)}}}"
                )

            changed = ctx.transform(value, merged)
        if changed:
            ctx.fixed(
                value,
                f"`{SESSION_LIST_TYPE_PARAM}={list_type!r}` joins the query parameters (httpx "
                "replaces a query written in the URL with `params`)",
            )

    def _check_params(self, ctx: RuleContext, request: RequestSite) -> None:
        params = params_dict(ctx.index, request)
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


# Response reads (shared with H2L302) -------------------------------------------------------
def migrate_list_reads(
    ctx: RuleContext, flow: JsonFlow, shape: ListResponseShape, done: set[object]
) -> None:
    """Map the reads of a HeyGen list response onto LiveAvatar's ``data.results[]`` shape.

    ``done`` holds ids of nodes already handled (a helper's reads reached from two requests).
    """
    if flow.start and not _realign_wrapper_result(ctx, flow, shape, done):
        return
    for found in helper_realignments(ctx.index, flow, shape):
        if not _realign(ctx, found, shape, done):
            return
    for read in flow.reads:
        if id(read.node) in done:
            continue
        done.add(id(read.node))
        moved = shape.key_moves.get(read.container, {}).get(read.key)
        if moved is not None:
            _move(ctx, read.node, read.key_node, read.key, moved)
        elif read.container == shape.item_path:
            item_read(ctx, shape, read.node, read.key_node, read.key)
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
    _keep_heygen_item_keys(ctx, flow, shape, done)
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


def _keep_heygen_item_keys(
    ctx: RuleContext, flow: JsonFlow, shape: ListResponseShape, done: set[object]
) -> None:
    """``return resp.json()["data"]`` read by another module or a script: the returned items
    carry HeyGen's keys too (their readers are not rewritten), and nothing is left to report."""
    if not shape.item_renames:
        return
    item = "item" if shape.endpoint_key != "avatar_list" else "avatar"
    renamed = ", ".join(f"`{old}`" for old in (*shape.item_renames, *shape.item_objects))
    for node in returned_items(ctx.index, flow, shape):
        if ("escape", id(node)) in done:
            continue
        done.add(("escape", id(node)))
        if ctx.transform(node, lambda updated: with_heygen_item_keys(updated, shape, item)):
            ctx.fixed(node, f"the returned items keep the keys their callers read ({renamed})")


def _realign_wrapper_result(
    ctx: RuleContext, flow: JsonFlow, shape: ListResponseShape, done: set[object]
) -> bool:
    """A module wrapper that returns part of the JSON (``return r.json()["data"]``).

    When that part moved, the call site reads the rest of the new path
    (``self._get(...)["results"]``), which gives the code after it the shape it expects; when
    the wrapper itself reads a key that is gone, it is reported. False: leave the reads alone.
    """
    found = wrapper_realignment(ctx.index, flow, shape)
    return found is None or _realign(ctx, found, shape, done)


def _realign(
    ctx: RuleContext, found: WrapperRealignment, shape: ListResponseShape, done: set[object]
) -> bool:
    node, moved, new_path, extra = found.node, found.moved, found.new_path, found.extra
    if extra is None:
        ctx.manual(
            node,
            f"the wrapper called here reads `{'.'.join(moved)}` from the response, which is "
            f"`{'.'.join(new_path)}` in LiveAvatar: {shape.summary}",
        )
        return False
    if ("realign", id(node)) in done:
        return True
    done.add(("realign", id(node)))
    if ctx.transform(node, lambda updated: realigned(updated, found.key, extra)):
        ctx.fixed(
            node,
            f"the wrapper returns `{'.'.join(moved)}`, which is "
            f"`{'.'.join(new_path)}` in LiveAvatar: reads `{'.'.join(extra)}` from it",
        )
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


def item_read(
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
