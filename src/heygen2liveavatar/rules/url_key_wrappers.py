"""The headers of a full-URL request wrapper sharing the HeyGen key with HeyGen's other APIs
choose the key by the URL's host (recognition: :mod:`..analysis.url_key_wrappers`)."""

from __future__ import annotations

import libcst as cst

from ..analysis.index import StringSite
from ..analysis.url_key_wrappers import HELPER_NAME, helper_source, url_key_headers
from ..apispec import LIVEAVATAR_API_KEY_NAME
from .base import RuleContext

_SHARED_KEY = "url_key_helper_added"


def key_by_url_host(ctx: RuleContext, site: StringSite) -> bool:
    """``headers=_auth_headers()`` in ``def api_post(url, payload)`` becomes
    ``headers=_liveavatar_key_headers(url, _auth_headers())``; ``True`` when every request
    sending the key at ``site`` does so (now, or after a first run)."""
    found = url_key_headers(ctx.index, site)
    if found is None:
        return False
    if found and not ctx.shared.get(_SHARED_KEY):
        if HELPER_NAME in ctx.index.module_scope.assignments or any(
            isinstance(s, cst.FunctionDef) and s.name.value == HELPER_NAME
            for s in ctx.index.module.body
        ):
            return False  # the name is taken
        first = min(
            (_top_level(ctx, item.definition) for item in found),
            key=lambda statement: ctx.index.module.body.index(statement),
        )
        helper = cst.parse_statement(helper_source())
        assert isinstance(helper, cst.FunctionDef)
        blank = cst.EmptyLine(indent=False)
        body = list(ctx.index.module.body)
        position = body.index(first)
        previous = body[position - 1] if position else None
        if isinstance(previous, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            # after the statement before the wrapper: the wrapper keeps its blank lines
            added = ctx.insert_after(previous, [helper.with_changes(leading_lines=[blank, blank])])
        else:
            added = ctx.insert_before(first, [helper])
        if not added:
            return False
        ctx.shared[_SHARED_KEY] = True
        ctx.require_import("os")
        ctx.require_import("urllib.parse")
    if found:
        ctx.fixed(
            site.node,
            f"`{site.value}` keeps serving HeyGen's other APIs; requests to LiveAvatar send "
            f"`{LIVEAVATAR_API_KEY_NAME}` instead",
        )
    for item in found:
        url = item.url

        def wrap(updated: cst.CSTNode, url: str = url) -> cst.CSTNode:
            assert isinstance(updated, cst.BaseExpression)
            return cst.Call(cst.Name(HELPER_NAME), [cst.Arg(cst.Name(url)), cst.Arg(updated)])

        ctx.transform(item.headers, wrap)
        ctx.fixed(
            item.headers,
            f"requests to LiveAvatar's host through `{item.definition.name.value}` send "
            f"`{LIVEAVATAR_API_KEY_NAME}`; HeyGen's other APIs keep this key",
        )
    return True


def _top_level(ctx: RuleContext, node: cst.CSTNode) -> cst.BaseCompoundStatement:
    """The module-level statement (a function or class definition) holding ``node``."""
    current: cst.CSTNode = node
    while True:
        parent = ctx.index.parent_of(current)
        if parent is None or parent is ctx.index.module:
            assert isinstance(current, cst.BaseCompoundStatement)
            return current
        current = parent
