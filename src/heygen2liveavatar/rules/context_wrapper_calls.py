"""H2L303 for calls of a knowledge-base helper that takes the path from its caller
(``_kb("POST", f"{kb_id}/delete")``, see :mod:`..analysis.context_wrappers`): each call gets
the method, path, payload and result handling of its Context operation."""

from __future__ import annotations

import libcst as cst

from ..analysis.context_endpoints import (
    OPERATION_VERBS,
    collapse_fstring,
    context_operations,
    operation_for_method,
    operation_word,
)
from ..analysis.context_wrappers import ContextWrapper, ContextWrapperCall, context_wrappers
from ..analysis.endpoints import EndpointLiteral
from ..analysis.http import RequestSite
from ..analysis.index import string_value
from ..apispec import EndpointMatch
from .base import RuleContext, edit_literal
from .context_requests import migrate_context_request


def migrate_wrapper_calls(
    ctx: RuleContext, done: set[tuple[object, ...]], literal: EndpointLiteral, match: EndpointMatch
) -> list[cst.FunctionDef]:
    """Migrate the calls of the helpers built on ``literal``; returns the helpers (none: the
    literal is a URL like any other)."""
    wrappers = context_wrappers(ctx.index, ctx.resolver, literal)
    for wrapper in wrappers:
        for call in wrapper.calls:
            _migrate(ctx, done, wrapper, call, match)
    return [wrapper.function for wrapper in wrappers]


def _migrate(
    ctx: RuleContext,
    done: set[tuple[object, ...]],
    wrapper: ContextWrapper,
    call: ContextWrapperCall,
    match: EndpointMatch,
) -> None:
    operations = context_operations(call.suffix)
    operation = operation_for_method(operations, call.method)
    if operation is None:
        ctx.manual(
            call.call.node,
            "knowledge bases are Contexts: list `GET /v1/contexts`, create `POST`, read `GET`, "
            "update `PATCH` and delete `DELETE /v1/contexts/{id}`: check the method and path "
            "this call passes",
        )
        return
    word = operation_word(match, call.suffix)
    if word and not _drop_word(ctx, wrapper, call, word):
        ctx.manual(
            call.call.node,
            f"LiveAvatar {OPERATION_VERBS[operation.liveavatar_method]} a context with "
            f"`{operation.liveavatar_method} /v1/contexts{operation.liveavatar_suffix}`: "
            f"`{wrapper.function.name.value}` appends `/` and this call's `{word.lstrip('/')}`"
            " to the base; make it send that path for this call",
        )
        return
    url = call.suffix_arg.value if call.suffix_arg is not None else call.call.node
    # The call stands for the request its helper makes: its method literal, payload and
    # result are what the request's would be.
    request = RequestSite(call.call, url, [], [], "wrapper", call.method, call.payload)
    migrate_context_request(ctx, request, operation, done)


def _drop_word(
    ctx: RuleContext, wrapper: ContextWrapper, call: ContextWrapperCall, word: str
) -> bool:
    """``"list"`` -> ``""`` (when the helper then sends the bare base), ``f"{kb_id}/delete"``
    -> ``kb_id``."""
    value = call.suffix_arg.value if call.suffix_arg is not None else None
    if isinstance(value, cst.SimpleString) and string_value(value) == word.lstrip("/"):
        if not wrapper.empty_suffix_ok:
            return False  # ``f"{KB}/{suffix}"`` would send ``.../contexts/``
        if edit_literal(ctx, value, word.lstrip("/"), ""):
            ctx.fixed(value, f"`{word}` is dropped: the HTTP method names the operation")
        return True
    if isinstance(value, cst.FormattedString) and value.parts:
        last = value.parts[-1]
        if isinstance(last, cst.FormattedStringText) and last.value.endswith(word):
            if edit_literal(ctx, last, word, ""):
                ctx.fixed(last, f"`{word}` is dropped: the HTTP method names the operation")
                ctx.transform(value, collapse_fstring)
            return True
    return False
