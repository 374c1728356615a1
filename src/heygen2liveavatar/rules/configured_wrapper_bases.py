"""H2L401's part for a request wrapper whose base URL comes from configuration outside the code.

``def _post(cfg, endpoint, payload): requests.post(f"{hg['base_url']}/{endpoint}", ...)``
called with ``"streaming.new"``, the base read from a YAML file (or a secret store) the run
does not rewrite: the migrated paths would be sent to HeyGen's host. As for a client's
``base_url`` from configuration (``BaseUrlRule._configured_bases``), the base is wrapped in
``liveavatar_bridge.liveavatar_url(...)``, which moves HeyGen's host to LiveAvatar's when it
runs, and the fix says to change the configuration too.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.client_bases import base_outside_code, wrapper_other_api_paths
from ..analysis.env_hosts import env_read
from ..apispec import LIVEAVATAR_HOST
from ..apispec.session_fields import BRIDGE_LIVEAVATAR_URL
from .base import RuleContext
from .bridge_calls import wrap_in_bridge_call
from .wrapper_auth import wrapper_definition

_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete"})


def _url_argument(call: cst.Call) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[0].value if positional else None


def _document_read(base: cst.BaseExpression) -> bool:
    """``hg["base_url"]``, ``CONFIG["heygen"]["base_url"]``: a value read by key from a
    parsed document."""
    return (
        isinstance(base, cst.Subscript)
        and len(base.slice) == 1
        and isinstance(base.slice[0].slice, cst.Index)
        and isinstance(base.slice[0].slice.value, cst.SimpleString)
    )


def configured_wrapper_bases(ctx: RuleContext) -> None:
    """Wrap the configured base of each wrapper the module's migrated streaming calls go
    through, when the wrapper sends one request on ``f"{<config read>}/{path}"`` and serves
    no other HeyGen API here."""
    wrappers: dict[int, cst.FunctionDef] = {}
    for request in ctx.streaming_requests:
        endpoint = request.endpoint
        if endpoint is None or endpoint.liveavatar_path is None or request.client != "wrapper":
            continue
        function = wrapper_definition(ctx, request)
        if function is not None:
            wrappers[id(function)] = function
    known = ctx.project.streaming_base_names if ctx.project is not None else frozenset()
    for function in wrappers.values():
        # The wrapper's own request: not a request of the module's (its URL names no HeyGen
        # path), an HTTP call of the wrapper with the URL first.
        inside = [
            call
            for call in ctx.index.calls
            if call.context.function is function
            and (call.name or "").rpartition(".")[2] in _HTTP_METHODS
            and "." in (call.name or "")
        ]
        if len(inside) != 1 or wrapper_other_api_paths(ctx.index, [function]):
            continue
        url = _url_argument(inside[0].node)
        if not isinstance(url, cst.FormattedString) or not url.parts or url is None:
            continue
        first = url.parts[0]
        if not isinstance(first, cst.FormattedStringExpression):
            continue
        base = first.expression
        if not _document_read(base) or env_read(base, ctx.index):
            # a name, an attribute (``self.server``: a caller's value, which its module may
            # migrate), a call, an environment read (marked by ``_env_hosts``)
            continue
        if not base_outside_code(ctx.resolver, base, inside[0].context, known):
            continue
        source = cst.Module([]).code_for_node(base)
        if wrap_in_bridge_call(ctx, base, BRIDGE_LIVEAVATAR_URL):
            ctx.fixed(
                base,
                f"this wrapper's base URL comes from configuration outside the code "
                f"(`{source}`): `liveavatar_bridge.{BRIDGE_LIVEAVATAR_URL}` moves HeyGen's host "
                f"to `{LIVEAVATAR_HOST}` when it runs; change the configuration too",
            )


__all__ = ["configured_wrapper_bases"]
