"""Give a project's request wrapper a way to send other headers than the ones it builds.

``_post_bearer(url, token, payload)`` and ``post_json(url, api_key, payload, auth_mode)`` build
their headers inside, from a HeyGen token. After migration some calls through them must
authenticate with the API key instead (the token call, stop and keep-alive, once there is no
HeyGen token). The wrapper gets an ``auth_headers=None`` parameter, used in place of the
headers it builds when given, so every other call keeps its old behaviour.
"""

from __future__ import annotations

from typing import Callable

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.index import walk_nodes
from ..analysis.layout import append_arg
from .base import RuleContext

AUTH_PARAMETER = "auth_headers"
_SHARED_KEY = "wrapper_auth_added"


def wrapper_definition(ctx: RuleContext, request: RequestSite) -> cst.FunctionDef | None:
    func = request.node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", None)
    definitions = [
        scope.node
        for scope in ctx.index.function_scopes.values()
        if isinstance(scope.node, cst.FunctionDef) and scope.node.name.value == name
    ]
    return definitions[0] if len(definitions) == 1 else None


def _headers_args(definition: cst.FunctionDef) -> list[cst.Arg]:
    """``headers=...`` arguments of the HTTP calls inside the wrapper."""
    return [
        node
        for node in walk_nodes(definition)
        if isinstance(node, cst.Arg)
        and node.keyword is not None
        and node.keyword.value == "headers"
    ]


def pass_auth_headers(
    ctx: RuleContext, request: RequestSite, headers: Callable[[], cst.BaseExpression]
) -> bool:
    """``wrapper(...)`` -> ``wrapper(..., auth_headers=<headers>)``, adding the parameter once.

    ``headers`` builds the expression when the edit is applied (after every rule has recorded
    its edits, so a copied expression carries them too).
    """
    definition = wrapper_definition(ctx, request)
    if definition is None:
        return False
    params = definition.params
    names = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    inner = _headers_args(definition)
    if not inner:
        return False
    added = ctx.shared.setdefault(_SHARED_KEY, set())
    assert isinstance(added, set)
    if AUTH_PARAMETER not in names and id(definition) not in added:
        added.add(id(definition))
        parameter = cst.Param(
            cst.Name(AUTH_PARAMETER),
            default=cst.Name("None"),
            equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
        )

        def add_parameter(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Parameters)
            if updated.star_arg is not cst.MaybeSentinel.DEFAULT or updated.kwonly_params:
                return updated.with_changes(kwonly_params=[*updated.kwonly_params, parameter])
            if updated.star_kwarg is not None:
                # ``def post(path, **body)``: keyword-only, so that it never takes a positional
                # argument and ``body`` keeps every other keyword
                star = cst.ParamStar(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
                last = parameter.with_changes(
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                )
                return updated.with_changes(star_arg=star, kwonly_params=[last])
            existing = list(updated.params)
            if existing:
                existing[-1] = existing[-1].with_changes(
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                )
            return updated.with_changes(params=[*existing, parameter])

        ctx.transform(definition.params, add_parameter)
        for arg in inner:

            def override(updated: cst.CSTNode) -> cst.CSTNode:
                assert isinstance(updated, cst.Arg)
                return updated.with_changes(
                    value=cst.BooleanOperation(
                        left=cst.Name(AUTH_PARAMETER), operator=cst.Or(), right=updated.value
                    )
                )

            ctx.transform(arg, override)
        ctx.fixed(
            definition.name,
            f"`{definition.name.value}` takes `{AUTH_PARAMETER}=` to send other headers than the "
            "ones it builds (LiveAvatar calls that authenticate with the API key)",
        )

    def pass_headers(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        new = cst.Arg(
            headers(),
            keyword=cst.Name(AUTH_PARAMETER),
            equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
        )
        return updated.with_changes(args=append_arg(list(updated.args), new))

    return ctx.transform(request.node, pass_headers)


__all__ = ["AUTH_PARAMETER", "pass_auth_headers", "wrapper_definition"]
