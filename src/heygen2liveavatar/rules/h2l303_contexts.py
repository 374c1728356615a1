"""H2L303: knowledge-base CRUD under ``/v1/streaming/knowledge_base`` becomes ``/v1/contexts``."""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from ..analysis.edits import NodeTransform
from ..analysis.endpoints import EndpointLiteral, liveavatar_path
from ..analysis.http import HTTP_METHOD_NAMES, RequestSite
from ..analysis.index import dotted_name, string_value
from ..analysis.json_flow import key_like
from ..analysis.payloads import dict_keys, find_payload_dict
from ..apispec import KNOWLEDGE_BASE_OPERATIONS, EndpointMatch
from ..apispec.resources import (
    CONTEXT_FIELD_RENAMES,
    CONTEXT_LIST_FIELDS,
    CONTEXT_REQUIRED_FIELDS,
    KNOWLEDGE_BASE_DELETE_SUFFIX,
    KNOWLEDGE_BASE_OPERATION_SUFFIXES,
)
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal
from .common import string_like
from .h2l301_session_lists import json_tracer

HOLE = "\x00"
_BODY_KEYWORDS = ("json", "data", "content")
# What each LiveAvatar method does to a context, for messages.
_OPERATION_NAMES = {"GET": "reads", "POST": "creates", "PATCH": "updates", "DELETE": "deletes"}


@dataclass
class _Operation:
    heygen_method: str | None
    liveavatar_method: str
    liveavatar_suffix: str
    """``""`` or ``"/{id}"``."""


def _operations_for(suffix: str) -> list[_Operation]:
    """Operations of ``KNOWLEDGE_BASE_OPERATIONS`` whose HeyGen suffix matches ``suffix``."""
    found: list[_Operation] = []
    normalised = suffix.rstrip("/") if suffix not in ("", "/") else suffix
    for pattern, heygen_method, liveavatar_method, liveavatar_suffix in KNOWLEDGE_BASE_OPERATIONS:
        if re.fullmatch(pattern, normalised):
            found.append(_Operation(heygen_method, liveavatar_method, liveavatar_suffix))
    # ``/list`` also matches ``/(?P<id>...)``: the table lists named operations first.
    if found and found[0].liveavatar_suffix == "" and normalised not in ("", "/"):
        return found[:1]
    return found


@dataclass
class _Segment:
    text: str
    node: cst.CSTNode | None
    start: int
    """Offset of ``text`` in the source value of ``node``."""


class ContextsRule(Rule):
    code = "H2L303"
    name = "contexts"
    summary = (
        "Knowledge-base CRUD (`/v1/streaming/knowledge_base/*`) becomes `/v1/contexts` with "
        "REST methods; `opening` becomes `opening_text`."
    )
    fix = FIX_UNSAFE
    description = """
LiveAvatar renamed knowledge bases to Contexts and made their API RESTful:

| HeyGen | LiveAvatar |
|---|---|
| `GET .../knowledge_base/list` | `GET /v1/contexts` |
| `POST .../knowledge_base/create` | `POST /v1/contexts` |
| `GET .../knowledge_base/{id}` | `GET /v1/contexts/{id}` |
| `POST .../knowledge_base/{id}` (update) | `PATCH /v1/contexts/{id}` |
| `POST .../knowledge_base/{id}/delete` | `DELETE /v1/contexts/{id}` |

The rule rewrites the path wherever the URL is built (also when the id and the operation word
sit in different pieces of an f-string), changes the HTTP method of the call
(`requests.post` -> `requests.patch`/`requests.delete`, `session.request("POST", ...)`,
`method="POST"` of a `urllib.request.Request`, and a project's own `self._post` when the
module defines the matching `self._patch`/`self._delete`), and renames `opening` to
`opening_text` in create and update payloads and in reads of the responses.

`POST /v1/contexts` and `PATCH /v1/contexts/{id}` require `name`, `prompt` and `opening_text`
(PATCH replaces the whole record): a payload that lacks one is reported, as is a method the
rule cannot change. The fix is unsafe because context ids differ from knowledge-base ids (the
migration copied them under new ids) and list items carry only
`id, name, created_at, updated_at`.
"""
    example_before = """
import requests

BASE = "https://api.heygen.com/v1/streaming/knowledge_base"

def update_kb(kb_id, name, prompt, opening, headers):
    payload = {"name": name, "prompt": prompt, "opening": opening}
    return requests.post(f"{BASE}/{kb_id}", json=payload, headers=headers)

def delete_kb(kb_id, headers):
    return requests.post(f"{BASE}/{kb_id}/delete", headers=headers)
"""
    example_after = """
import requests

BASE = "https://api.liveavatar.com/v1/contexts"

def update_kb(kb_id, name, prompt, opening, headers):
    payload = {"name": name, "prompt": prompt, "opening_text": opening}
    return requests.patch(f"{BASE}/{kb_id}", json=payload, headers=headers)

def delete_kb(kb_id, headers):
    return requests.delete(f"{BASE}/{kb_id}", headers=headers)
"""

    def check(self, ctx: RuleContext) -> None:
        self.done: set[tuple[object, ...]] = set()
        for literal in ctx.literals.endpoint_literals("knowledge_base"):
            if not literal.is_target:
                continue
            for match in literal.matches:
                if match.endpoint.key != "knowledge_base":
                    continue
                if literal.requests:
                    for request in literal.requests:
                        self._request(ctx, literal, match, request)
                else:
                    self._constant(ctx, literal, match)

    # URLs ------------------------------------------------------------------------------
    def _segments(
        self, literal: EndpointLiteral, match: EndpointMatch, request: RequestSite | None
    ) -> list[_Segment]:
        """The URL text after ``match``, up to its query, as editable segments."""
        segments = [_Segment(literal.site.value[match.end :], literal.node, match.end)]
        if request is not None:
            position = next(
                (i for i, piece in enumerate(request.pieces) if piece.node is literal.node), None
            )
            if position is not None:
                segments += [
                    _Segment(piece.text if piece.text is not None else HOLE, piece.node, 0)
                    for piece in request.pieces[position + 1 :]
                ]
        kept: list[_Segment] = []
        for segment in segments:
            cut = re.search(r"[?#]", segment.text)
            if cut is not None:
                kept.append(_Segment(segment.text[: cut.start()], segment.node, segment.start))
                break
            kept.append(segment)
        return kept

    def _rewrite_url(
        self,
        ctx: RuleContext,
        literal: EndpointLiteral,
        match: EndpointMatch,
        segments: list[_Segment],
    ) -> str:
        """Rewrite the path; return the whole HeyGen suffix (holes as ``\\x00``)."""
        rest = "".join(s.text for s in segments)
        suffix = match.kb_suffix + rest
        operation_word = ""
        trimmed = suffix.rstrip("/")
        for word in (*KNOWLEDGE_BASE_OPERATION_SUFFIXES, KNOWLEDGE_BASE_DELETE_SUFFIX):
            if trimmed.endswith(word) and not match.kb_suffix.rstrip("/").endswith(word):
                operation_word = word
        node = literal.site.node
        value = literal.site.value
        old = value[match.start : match.end]
        new = liveavatar_path(match)
        assert new is not None
        # An operation word after the match (``"knowledge_base/%s/delete"``, or a later
        # piece: ``f"{KB}/{kb_id}/delete"``) goes too: never half a URL.
        word_position = rest.rfind(operation_word) if operation_word else -1
        if word_position >= 0 and word_position + len(operation_word) <= len(segments[0].text):
            tail = value[match.end : match.end + word_position]
            old = value[match.start : match.end + word_position + len(operation_word)]
            new = new + tail
            operation_word = ""
        if (id(node), old) not in self.done and edit_literal(ctx, node, old, new):
            ctx.fixed(node, f"`{old}` becomes `{new}`")
        self.done.add((id(node), old))
        if operation_word:
            self._drop_word(ctx, segments, rest.rfind(operation_word), operation_word)
        return suffix

    def _drop_word(
        self, ctx: RuleContext, segments: list[_Segment], offset: int, word: str
    ) -> None:
        for segment in segments:
            if offset < len(segment.text):
                node = segment.node
                if node is None or (id(node), word) in self.done:
                    return
                self.done.add((id(node), word))
                parent = ctx.index.parent_of(node)
                if (
                    isinstance(node, cst.SimpleString)
                    and string_value(node) == word
                    and isinstance(parent, cst.BinaryOperation)
                    and parent.right is node
                ):
                    # ``KB + "/list"`` -> ``KB`` rather than ``KB + ""``.
                    if ctx.transform(parent, lambda updated: updated.left):  # type: ignore[attr-defined]
                        ctx.fixed(node, f"`{word}` is dropped: the HTTP method names the operation")
                elif isinstance(node, (cst.SimpleString, cst.FormattedStringText)) and edit_literal(
                    ctx, node, word, ""
                ):
                    ctx.fixed(node, f"`{word}` is dropped: the HTTP method names the operation")
                    if isinstance(parent, cst.FormattedString):
                        ctx.transform(parent, _collapse_fstring)
                return
            offset -= len(segment.text)

    def _constant(self, ctx: RuleContext, literal: EndpointLiteral, match: EndpointMatch) -> None:
        """A knowledge-base URL no request of this module uses: rewrite it, flag the method."""
        suffix = self._rewrite_url(ctx, literal, match, self._segments(literal, match, None))
        operations = _operations_for(suffix)
        if operations and all(op.heygen_method == op.liveavatar_method for op in operations):
            return
        if len(operations) == 1:
            op = operations[0]
            message = (
                f"LiveAvatar {_OPERATION_NAMES[op.liveavatar_method]} a context with "
                f"`{op.liveavatar_method} /v1/contexts{op.liveavatar_suffix}`: the requests "
                f"using this URL must send `{op.liveavatar_method}`, not `{op.heygen_method}`"
            )
        elif operations:
            message = (
                "LiveAvatar reads a context with `GET /v1/contexts/{id}` and updates it with "
                "`PATCH` (not `POST`; name, prompt and opening_text are all required): check "
                "the method of the requests using this URL"
            )
        else:
            message = (
                "knowledge bases are Contexts: list `GET /v1/contexts`, create `POST`, read "
                "`GET`, update `PATCH` and delete `DELETE /v1/contexts/{id}`: check the paths "
                "and methods of the requests built on this URL"
            )
        ctx.manual(literal.node, message)

    # Requests --------------------------------------------------------------------------
    def _request(
        self,
        ctx: RuleContext,
        literal: EndpointLiteral,
        match: EndpointMatch,
        request: RequestSite,
    ) -> None:
        suffix = self._rewrite_url(ctx, literal, match, self._segments(literal, match, request))
        if ("request", id(request.node)) in self.done:
            return
        self.done.add(("request", id(request.node)))
        operations = _operations_for(suffix)
        method = request.method
        chosen = [op for op in operations if op.heygen_method == method]
        if not chosen:
            if (
                len({op.liveavatar_method for op in operations}) == 1
                and operations
                and all(op.heygen_method == op.liveavatar_method for op in operations)
            ):
                chosen = operations[:1]  # the method is unknown but needs no change
            elif len(operations) == 1:
                op = operations[0]
                ctx.manual(
                    request.node,
                    f"LiveAvatar {_OPERATION_NAMES[op.liveavatar_method]} a context with "
                    f"`{op.liveavatar_method} /v1/contexts{op.liveavatar_suffix}`: send this "
                    f"request as `{op.liveavatar_method}`",
                )
                return
            else:
                ctx.manual(
                    request.node,
                    "knowledge bases are Contexts: read with `GET /v1/contexts/{id}`, update with "
                    "`PATCH` (name, prompt and opening_text) and delete with `DELETE`: check this "
                    "request's HTTP method",
                )
                return
        operation = chosen[0]
        if operation.heygen_method != operation.liveavatar_method:
            self._change_method(ctx, request, operation)
        if operation.liveavatar_method in ("POST", "PATCH"):
            self._payload(ctx, request, operation)
        self._response(ctx, request, operation)

    def _change_method(self, ctx: RuleContext, request: RequestSite, op: _Operation) -> None:
        new = op.liveavatar_method
        old = op.heygen_method or ""
        what = f"LiveAvatar {_OPERATION_NAMES[new]} a context with `{new} /v1/contexts{op.liveavatar_suffix}`"
        changed = _set_method(ctx, request, old, new)
        if not changed:
            ctx.manual(request.node, f"{what}: send this request as `{new}`")
            return
        ctx.fixed(request.node, f"`{old}` becomes `{new}`: {what}")
        if new == "DELETE":
            self._drop_body(ctx, request)

    def _drop_body(self, ctx: RuleContext, request: RequestSite) -> None:
        """LiveAvatar's DELETE takes no body, and httpx's ``delete()`` accepts none."""
        for arg in request.node.args:
            if arg.keyword is None or arg.keyword.value not in _BODY_KEYWORDS:
                continue
            if _is_empty_body(arg.value):
                ctx.transform(request.node, _without_keyword(arg.keyword.value))
            elif "httpx" in ctx.index.imports.values():
                ctx.manual(
                    arg,
                    "`DELETE /v1/contexts/{id}` takes no body and httpx's `delete()` accepts "
                    f"none: drop `{arg.keyword.value}=`",
                )

    def _payload(self, ctx: RuleContext, request: RequestSite, op: _Operation) -> None:
        payload = request.payload
        node = find_payload_dict(
            payload.value if payload is not None else None, ctx.index, request.call.context
        )
        endpoint = f"`{op.liveavatar_method} /v1/contexts{op.liveavatar_suffix}`"
        required = ", ".join(f"`{f}`" for f in CONTEXT_REQUIRED_FIELDS)
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

    def _response(self, ctx: RuleContext, request: RequestSite, op: _Operation) -> None:
        flow = json_tracer(ctx).trace(request)
        if op.liveavatar_suffix == "" and op.liveavatar_method == "GET":
            for read in flow.reads:
                # HeyGen's list came as ``data.list[]`` (or ``data[]``); LiveAvatar pages it
                # as ``data.results[]``.
                if read.key == "list" and ctx.replace(
                    read.key_node, key_like(read.key_node, "results")
                ):
                    ctx.fixed(
                        read.node, "`list` is `results` in LiveAvatar's paginated context list"
                    )
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
            if new is None or ("read", id(read.key_node)) in self.done:
                continue
            self.done.add(("read", id(read.key_node)))
            if ctx.replace(read.key_node, key_like(read.key_node, new)):
                ctx.fixed(read.node, f"`{read.key}` is `{new}` in LiveAvatar contexts")


def _is_empty_body(value: cst.BaseExpression) -> bool:
    """``{}``, ``None``, ``b"{}"``, ``"{}"``, ``b""``: nothing a DELETE needs."""
    if isinstance(value, cst.Dict):
        return not value.elements
    if isinstance(value, cst.Name):
        return value.value == "None"
    if isinstance(value, cst.SimpleString):
        return value.evaluated_value in ("{}", b"{}", "", b"")
    return False


def _set_method(ctx: RuleContext, request: RequestSite, old: str, new: str) -> bool:
    """Make ``request`` use HTTP method ``new`` instead of ``old``; False if it cannot."""
    call = request.node
    # An explicit method string: ``.request("POST", url)``, ``Request(..., method="POST")``,
    # a wrapper's ``self._call("POST", path)``.
    for arg in call.args:
        value = string_value(arg.value)
        is_method_keyword = arg.keyword is not None and arg.keyword.value == "method"
        if (
            value is not None
            and value.upper() == old
            and (is_method_keyword or arg.keyword is None)
        ):
            literal = arg.value
            assert isinstance(literal, cst.SimpleString)
            text = new if value.isupper() else new.lower()
            return ctx.replace(literal, string_like(literal, text))
    if any(arg.keyword is not None and arg.keyword.value == "method" for arg in call.args):
        return False  # ``method=verb``: a value this rule cannot see
    if request.client == "urllib":
        # ``Request(url, data=...)`` defaults to POST: say the new method explicitly.
        return ctx.transform(call, _with_keyword("method", cst.SimpleString(f'"{new}"')))
    func = call.func
    if not isinstance(func, cst.Attribute):
        return False  # ``post(url)`` imported from a client: renaming needs a new import
    attr = func.attr.value
    receiver = dotted_name(func.value)
    if attr in HTTP_METHOD_NAMES and receiver not in ("self", "cls"):
        # ``requests.post``, ``session.post``, ``self.client.post``: every HTTP client has
        # ``patch`` and ``delete`` beside ``post``.
        return ctx.replace(func.attr, cst.Name(new.lower()))
    new_attr = re.sub(old.lower(), new.lower(), attr, count=1, flags=re.IGNORECASE)
    if new_attr == attr or not _defines_method(ctx, request, new_attr):
        return False
    return ctx.replace(func.attr, cst.Name(new_attr))


def _defines_method(ctx: RuleContext, request: RequestSite, name: str) -> bool:
    """Does the module define the wrapper ``name`` the call would switch to?"""
    class_def = request.call.context.class_def
    scopes = [ctx.index.class_scopes.get(id(class_def))] if class_def is not None else []
    scopes.append(ctx.index.module_scope)
    return any(scope is not None and name in scope.assignments for scope in scopes)


def _collapse_fstring(updated: cst.CSTNode) -> cst.CSTNode:
    """``f"{BASE}"`` (left once ``/list`` is dropped from ``f"{BASE}/list"``) -> ``BASE``."""
    assert isinstance(updated, cst.FormattedString)
    parts = [
        part
        for part in updated.parts
        if not (isinstance(part, cst.FormattedStringText) and not part.value)
    ]
    if len(parts) == 1 and isinstance(parts[0], cst.FormattedStringExpression):
        only = parts[0]
        if only.conversion is None and only.format_spec is None:
            return only.expression
    return updated


def _with_keyword(keyword: str, value: cst.BaseExpression) -> NodeTransform:
    """Append ``keyword=value`` to a call, in the layout of its other arguments."""

    def add(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        args = list(updated.args)
        new = cst.Arg(
            value=value,
            keyword=cst.Name(keyword),
            equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(""),
            ),
        )
        if not args:
            return updated.with_changes(args=[new])
        last = args[-1]
        # The separator between arguments (a newline and indent in a call laid out one
        # argument per line) goes after the old last one, whose own comma (trailing or
        # none) moves to the new one.
        previous = args[-2].comma if len(args) >= 2 else None
        separator = (
            previous
            if isinstance(previous, cst.Comma)
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        # The space before ``)`` (a newline in a call laid out over lines) stays before ``)``.
        args[-1] = last.with_changes(comma=separator, whitespace_after_arg=cst.SimpleWhitespace(""))
        args.append(
            new.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
        )
        return updated.with_changes(args=args)

    return add


def _without_keyword(keyword: str) -> NodeTransform:
    def drop(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        args = [a for a in updated.args if a.keyword is None or a.keyword.value != keyword]
        if args and len(args) < len(updated.args):
            args[-1] = args[-1].with_changes(comma=updated.args[-1].comma)
        return updated.with_changes(args=args)

    return drop
