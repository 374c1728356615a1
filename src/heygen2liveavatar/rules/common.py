"""Helpers shared by several rules (shared recognition lives in ``analysis``)."""

from __future__ import annotations

import re
from collections.abc import Callable

import libcst as cst

from ..analysis.edits import with_pending_edits
from ..analysis.endpoints import EndpointLiteral, HostLiteral, liveavatar_path
from ..analysis.host_literals import is_base_only, keyword_of
from ..analysis.index import Context, Statement, StringNode, string_value
from ..analysis.json_flow import JsonFlowTracer
from ..analysis.session_flow import fresh_name
from ..apispec import SPLIT_BASE
from .base import RuleContext, edit_literal


def rewrite_endpoint_paths(
    ctx: RuleContext, key: str, only: Callable[[EndpointLiteral], object] | None = None
) -> list[EndpointLiteral]:
    """Rewrite the path of endpoint ``key`` in every request-target literal (those ``only``
    accepts, when given).

    Returns the literals that were rewritten.
    """
    rewritten: list[EndpointLiteral] = []
    for literal in ctx.literals.endpoint_literals(key):
        if not literal.is_target or (only is not None and not only(literal)):
            continue
        node = literal.site.node
        changed = False
        for match in literal.matches:
            if match.endpoint.key != key:
                continue
            if match.split and not move_split_bases(ctx, literal):
                continue  # the base stays: ``/token`` after ``.../v1/streaming`` is no URL
            query_follows = literal.site.value[match.end : match.end + 1] == "?"
            new = liveavatar_path(match, query_follows=query_follows)
            # ``streaming.list?page=2`` -> ``sessions?type=active&page=2``: the old ``?`` goes.
            end = match.end + 1 if new is not None and new.endswith("&") else match.end
            old = literal.site.value[match.start : end]
            if new is not None and new != old and edit_literal(ctx, node, old, new):
                changed = True
                ctx.fixed(node, f"`{old}` becomes `{new}`")
        if changed:
            rewritten.append(literal)
    return rewritten


def hoist(
    ctx: RuleContext, expr: cst.BaseExpression, statement: Statement, context: Context
) -> cst.Name | None:
    """``session_data = <expr>`` inserted before ``statement`` (the edits other rules made
    inside ``expr`` carried along): the name to read ``expr`` from several times."""
    return hoist_as(ctx, expr, statement, context, "session_data")


def hoist_as(
    ctx: RuleContext, expr: cst.BaseExpression, statement: Statement, context: Context, base: str
) -> cst.Name | None:
    """:func:`hoist` under a fresh name made from ``base``."""
    name = fresh_name(ctx.index, context, base)
    value = with_pending_edits(ctx.edits, expr)
    assert isinstance(value, cst.BaseExpression)
    line = cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(name))], value)])
    return cst.Name(name) if ctx.insert_before(statement, [line]) else None


def json_tracer(ctx: RuleContext) -> JsonFlowTracer:
    """The module's :class:`JsonFlowTracer`, shared by the rules that read list responses."""
    tracer = ctx.shared.get("json_flow")
    if not isinstance(tracer, JsonFlowTracer):
        project = ctx.project
        helpers = project.json_helpers if project is not None else frozenset()
        data_helpers = project.data_helpers if project is not None else frozenset()
        tracer = JsonFlowTracer(ctx.index, ctx.requests, helpers, data_helpers, ctx.filename)
        ctx.shared["json_flow"] = tracer
    return tracer


_SPLIT_BASES = "split_bases"
_DOTTED_BASE_BEFORE_CONVERSION = re.compile(
    r"(?:^|/)(?:v[12]/)?streaming(?P<dot>\.)(?=(?:%s|\{\w*\}|\$\w+|\$\{\w+\})$)"
)
"""``streaming.`` before the operation's placeholder at the end of a template: ``%s``
(``%``), ``{action}`` or ``{}`` (``str.format``), ``$action`` or ``${action}``
(``string.Template``)."""


def move_split_bases(ctx: RuleContext, literal: EndpointLiteral) -> bool:
    """``STREAMING = ".../v1/streaming"`` used as ``f"{STREAMING}.new"``: the base becomes
    ``.../v1/sessions`` (once), when every request built on it appends a session operation
    to it; otherwise the base is marked and ``False`` returned."""
    bases = {
        id(use.base.node): use.base.node
        for request in literal.requests
        for use in request.endpoint_uses
        if use.node is literal.node and use.base is not None and use.base.node is not None
    }
    moved = ctx.shared.setdefault(_SPLIT_BASES, {})
    assert isinstance(moved, dict)
    for key, base in bases.items():
        if key not in moved:
            moved[key] = _move_split_base(ctx, base)
    return bool(bases) and all(moved[key] for key in bases)


def _move_split_base(ctx: RuleContext, base: StringNode) -> bool:
    users = [r for r in ctx.requests if any(p.node is base for p in r.pieces)]
    if not all(
        any(u.base is not None and u.base.node is base for u in r.endpoint_uses) for r in users
    ):
        ctx.manual(
            base,
            "this base ends in `streaming` and some URLs built on it are not session "
            "operations (`.new`, `.stop`...): give the session calls a base ending in "
            "`/v1/sessions` and the others their LiveAvatar paths",
        )
        return False
    value = base.value if isinstance(base, cst.FormattedStringText) else string_value(base) or ""
    # ``"%s/streaming.%s" % (host, name)``, ``"{host}/v1/streaming.{action}".format(...)``: the
    # base ends where the operation is put in.
    found = SPLIT_BASE.search(value) or _DOTTED_BASE_BEFORE_CONVERSION.search(value)
    if found is None:
        # the operation is put in some other way: the URLs would keep `streaming` silently
        ctx.manual(
            base,
            "the URLs built on this literal append a session operation (`new`, `stop`...) "
            "after `streaming`: make that part `/v1/sessions/` and the operations their "
            "LiveAvatar paths (`token`, `stop`...)",
        )
        return False
    old = value[found.start() : found.end()]
    dotted = found.group("dot") is not None  # ``v1/streaming.`` + ``"new"``
    new = (
        old[: -len("streaming.")] + "sessions/" if dotted else old[: -len("streaming")] + "sessions"
    )
    if not edit_literal(ctx, base, old, new):
        return False
    appended, paths = (
        ("`new`, `stop`", "`token`, `stop`") if dotted else ("`.new`, `.stop`", "`/token`, `/stop`")
    )
    ctx.fixed(
        base,
        f"`{old}` becomes `{new}`: the operations appended to it ({appended}...) are "
        f"LiveAvatar session paths ({paths}...)",
    )
    return True


def settings_host_role(ctx: RuleContext, host: HostLiteral) -> str | None:
    """Whom a base URL of a module without streaming calls of its own serves, by the project
    facts (``streaming``, ``shared``, ``unknown``...); ``None`` when it is not a base URL of
    the streaming API at all. A ``streaming`` one is moved to LiveAvatar (and with it every
    request of this module built on it: H2L403 sends those the LiveAvatar key header)."""
    if not is_base_only(host.site.value) or any(r.is_other_heygen_api for r in host.requests):
        return None
    project = ctx.project
    if project is None:
        return None
    name = (host.site.assigned_to or keyword_of(ctx.index, host.site.node) or "").rsplit(".", 1)[-1]
    # Without a name (``{"api_base": os.environ.get(..., "https://api.heygen.com")}`` handed
    # to a container), the project's use decides as for an unknown name: a project calling
    # only the streaming API has no other use for the host.
    return project.base_role(name)
