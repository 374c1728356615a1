"""H2L303: knowledge-base CRUD under ``/v1/streaming/knowledge_base`` becomes ``/v1/contexts``."""

from __future__ import annotations

import libcst as cst

from ..analysis.context_endpoints import (
    OPERATION_VERBS,
    UrlSegment,
    collapse_fstring,
    context_operations,
    derived_constants,
    imported_context_url,
    operation_for_method,
    operation_word,
    url_segments,
)
from ..analysis.endpoints import EndpointLiteral, liveavatar_path
from ..analysis.http import RequestSite
from ..analysis.imported_urls import imported_url_constant
from ..analysis.index import string_value
from ..analysis.values import optional_suffix_argument
from ..apispec import EndpointMatch
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal
from .context_requests import migrate_context_request
from .context_wrapper_calls import migrate_wrapper_calls


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
                # A helper's own request (``f"{KB}/{suffix}"``) goes where its calls say.
                helpers = migrate_wrapper_calls(ctx, self.done, literal, match)
                requests = [r for r in literal.requests if r.call.context.function not in helpers]
                if requests:
                    for request in requests:
                        self._request(ctx, literal, match, request)
                elif helpers:
                    self._rewrite_url(ctx, literal, match, url_segments(literal, match, None))
                else:
                    self._constant(ctx, literal, match)
        for request in ctx.streaming_requests:
            imported = imported_context_url(request)
            if imported is not None:
                self._imported_request(ctx, request, *imported)

    # URLs ------------------------------------------------------------------------------
    def _rewrite_url(
        self,
        ctx: RuleContext,
        literal: EndpointLiteral,
        match: EndpointMatch,
        segments: list[UrlSegment],
    ) -> str:
        """Rewrite the path; return the whole HeyGen suffix (holes as ``\\x00``)."""
        rest = "".join(s.text for s in segments)
        suffix = match.kb_suffix + rest
        word = operation_word(match, suffix)
        node = literal.site.node
        value = literal.site.value
        old = value[match.start : match.end]
        new = liveavatar_path(match)
        assert new is not None
        # An operation word after the match (``"knowledge_base/%s/delete"``, or a later
        # piece: ``f"{KB}/{kb_id}/delete"``) goes too: never half a URL.
        word_position = rest.rfind(word) if word else -1
        if word_position >= 0 and word_position + len(word) <= len(segments[0].text):
            tail = value[match.end : match.end + word_position]
            old = value[match.start : match.end + word_position + len(word)]
            new = new + tail
            word = ""
        if (id(node), old) not in self.done and edit_literal(ctx, node, old, new):
            ctx.fixed(node, f"`{old}` becomes `{new}`")
        self.done.add((id(node), old))
        if word:
            self._drop_word(ctx, segments, rest.rfind(word), word)
        return suffix

    def _drop_word(
        self, ctx: RuleContext, segments: list[UrlSegment], offset: int, word: str
    ) -> None:
        for position, segment in enumerate(segments):
            if offset < len(segment.text):
                node = segment.node
                if node is None or (id(node), word) in self.done:
                    return
                if segment.text[offset:] == "/" and self._drop_optional_suffix(
                    ctx, segments[position + 1 :], word
                ):
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
                        ctx.transform(parent, collapse_fstring)
                return
            offset -= len(segment.text)

    def _drop_optional_suffix(
        self, ctx: RuleContext, following: list[UrlSegment], word: str
    ) -> bool:
        """``f"{path}/{action}" if action else path`` called ``_kb_path(kb_id, "delete")``: the
        builder's ``/`` and the caller's word are one operation word; the call leaves the word
        out and the builder takes its other branch (:func:`optional_suffix_argument`)."""
        node = following[0].node if following else None
        if (
            len(following) != 1
            or not isinstance(node, cst.SimpleString)
            or string_value(node) != word[1:]
            or (id(node), word) in self.done
        ):
            return False
        call = optional_suffix_argument(ctx.index, ctx.resolver.functions(), node)
        if call is None:
            return False
        self.done.add((id(node), word))
        arg = ctx.index.parent_of(node)

        def without(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            kept = [a for a, o in zip(updated.args, call.args) if o is not arg]
            if kept:
                kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return updated.with_changes(args=kept)

        if ctx.transform(call, without):
            ctx.fixed(node, f"`{word}` is dropped: the HTTP method names the operation")
        return True

    def _constant(self, ctx: RuleContext, literal: EndpointLiteral, match: EndpointMatch) -> None:
        """A knowledge-base URL no request of this module uses: rewrite it (and the constants
        built on it, ``KB_DELETE = KB_ITEM + "/delete"``), flag the method unless the modules
        importing it send it (their requests' methods change there)."""
        suffix = self._rewrite_url(ctx, literal, match, url_segments(literal, match, None))
        derived = derived_constants(ctx.index, ctx.resolver, literal)
        for pieces in derived.values():
            self._rewrite_url(ctx, literal, match, url_segments(literal, match, None, pieces))
        if imported_url_constant(ctx.index, ctx.project, literal, ctx.filename) is not None or (
            ctx.project is not None and any(n in ctx.project.imported_names for n in derived)
        ):
            return  # the importers' requests get their methods where they are sent
        operations = context_operations(suffix)
        if operations and all(op.heygen_method == op.liveavatar_method for op in operations):
            return
        if len(operations) == 1:
            op = operations[0]
            message = (
                f"LiveAvatar {OPERATION_VERBS[op.liveavatar_method]} a context with "
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
    def _imported_request(
        self,
        ctx: RuleContext,
        request: RequestSite,
        match: EndpointMatch,
        segments: list[UrlSegment],
    ) -> None:
        """A request on another module's knowledge-base constant: its module rewrites the
        path (and the operation word it holds), this one the method, body and reads, and an
        operation word of its own literals (``f"{KB}/{kb_id}/delete"``)."""
        if ("request", id(request.node)) in self.done:
            return
        self.done.add(("request", id(request.node)))
        rest = "".join(segment.text for segment in segments)
        suffix = match.kb_suffix + rest
        word = operation_word(match, suffix)
        if word and rest.rfind(word) >= len(segments[0].text):
            self._drop_word(ctx, segments, rest.rfind(word), word)
        operations = context_operations(suffix)
        operation = operation_for_method(operations, request.method, request)
        if operation is None:
            ctx.manual(
                request.node,
                "knowledge bases are Contexts: list `GET /v1/contexts`, create `POST`, read "
                "`GET`, update `PATCH` and delete `DELETE /v1/contexts/{id}`: check this "
                "request's HTTP method",
            )
            return
        migrate_context_request(ctx, request, operation, self.done)

    def _request(
        self,
        ctx: RuleContext,
        literal: EndpointLiteral,
        match: EndpointMatch,
        request: RequestSite,
    ) -> None:
        suffix = self._rewrite_url(ctx, literal, match, url_segments(literal, match, request))
        if ("request", id(request.node)) in self.done:
            return
        self.done.add(("request", id(request.node)))
        operations = context_operations(suffix)
        operation = operation_for_method(operations, request.method, request)
        if operation is None:
            if len(operations) == 1:
                op = operations[0]
                ctx.manual(
                    request.node,
                    f"LiveAvatar {OPERATION_VERBS[op.liveavatar_method]} a context with "
                    f"`{op.liveavatar_method} /v1/contexts{op.liveavatar_suffix}`: send this "
                    f"request as `{op.liveavatar_method}`",
                )
            else:
                ctx.manual(
                    request.node,
                    "knowledge bases are Contexts: read with `GET /v1/contexts/{id}`, update with "
                    "`PATCH` (name, prompt and opening_text) and delete with `DELETE`: check this "
                    "request's HTTP method",
                )
            return
        migrate_context_request(ctx, request, operation, self.done)
