"""Calls whose streaming endpoint is chosen at run time (H2L901): sending an
``(endpoint, body)`` pair another function returned, or an endpoint table's entry for a key
computed at run time.

See :mod:`..analysis.endpoint_pairs`. The endpoint is chosen at run time among the literals
the producer returns; where some of them have no REST successor with the same body, the call
is marked: it is where a person dispatches on the endpoint (an event, the token call and
``start_session``).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.attribute_urls import attribute_url_senders
from ..analysis.dispatch_helpers import (
    REST_KEYS,
    helpers_called_elsewhere,
    unfollowed_dispatch_requests,
)
from ..analysis.endpoint_pairs import pair_posters
from ..analysis.endpoint_tables import looked_up_endpoints
from ..analysis.http import chosen_endpoint_requests
from ..apispec.events import BRIDGE_EMIT, BRIDGE_MODULE
from ..apispec.session_fields import BRIDGE_START
from .base import RuleContext

_WHAT_INSTEAD = {
    "new": f"the token call, the session then started with `{BRIDGE_MODULE}.{BRIDGE_START}`",
    "start": f"gone (`{BRIDGE_MODULE}.{BRIDGE_START}` starts the session after its token call)",
}


def _instead(keys: list[str]) -> str:
    """What LiveAvatar has in place of each endpoint a shared call cannot keep sending."""
    described = []
    for key in keys:
        what = _WHAT_INSTEAD.get(
            key, f"a LiveKit event (`{BRIDGE_MODULE}.{BRIDGE_EMIT}(session_id, ...)`)"
        )
        described.append(f"`streaming.{key}` is {what}")
    return "; ".join(described)


def mark_pair_posters(ctx: RuleContext) -> None:
    for poster in pair_posters(ctx.index, ctx.requests):
        blocked = [key for key in poster.keys if key not in REST_KEYS]
        if blocked:
            ctx.manual(
                poster.call.node,
                f"this call sends the `(endpoint, body)` pair `{poster.producer}(...)` returns, "
                "chosen at run time, and LiveAvatar has no request for some of them: "
                f"{_instead(blocked)}; dispatch on the endpoint here by hand",
            )


def mark_table_keys_at_run_time(ctx: RuleContext) -> None:
    """``self._call(name, ...)`` of a wrapper posting to ``self.ENDPOINTS[name]``: the key,
    so the endpoint, is chosen at run time (calls with a literal key are migrated as the
    requests they are, see :mod:`..analysis.endpoint_tables`)."""
    for call, table, keys in ctx.request_finder.table_keys_at_run_time():
        blocked = [key for key in keys if key not in REST_KEYS]
        if blocked:
            ctx.manual(
                call.node,
                f"this call sends the `{table}` entry of a key chosen at run time, and "
                f"LiveAvatar has no request for some of them: {_instead(blocked)}; call it with "
                "the key, or dispatch on it here by hand",
            )


def mark_endpoints_looked_up_at_run_time(ctx: RuleContext) -> None:
    """``endpoint, fixed = TOOL_MAP[name]`` then ``api.call(endpoint, ...)``: a wrapper sent
    the entry of a table of streaming paths chosen by a key computed at run time (a tool
    name an LLM chose, a command). The table's paths are marked where they are written; the
    call is where the request that LiveAvatar no longer serves fails."""
    for call, table, keys in ctx.request_finder.lookups_at_run_time():
        blocked = [key for key in keys if key not in REST_KEYS]
        if blocked:
            ctx.manual(
                call.node,
                f"this request sends the `{table}` entry of a key chosen at run time, and "
                f"LiveAvatar has no request for some of them: {_instead(blocked)}; "
                "dispatch on the key here by hand",
            )
    for call in ctx.index.calls:
        if not call.node.args:
            continue
        for role, name, position in ctx.request_finder.wrapper_parameters(call):
            if role != "url":
                continue
            arg = next(
                (a for a in call.node.args if a.keyword is not None and a.keyword.value == name),
                None,
            )
            if arg is None and 0 <= position < len(call.node.args):
                candidate = call.node.args[position]
                arg = candidate if candidate.keyword is None and not candidate.star else None
            found = looked_up_endpoints(ctx.index, arg.value, call.context) if arg else None
            if found is None:
                continue
            table, keys = found
            blocked = [key for key in keys if key not in REST_KEYS]
            if blocked:
                ctx.manual(
                    call.node,
                    f"this call sends the `{table}` entry of a key chosen at run time, and "
                    f"LiveAvatar has no request for some of them: {_instead(blocked)}; "
                    "dispatch on the key here by hand",
                )


def _marked_before(statement: cst.CSTNode) -> bool:
    """The statement carries this marker from a run before (the classes' URLs it named may
    be rewritten by now)."""
    lines = getattr(statement, "leading_lines", ())
    return any(line.comment is not None and _SENDER_MARKER in line.comment.value for line in lines)


_SENDER_MARKER = "this call sends the `"


def mark_attribute_url_senders(ctx: RuleContext) -> None:
    """``self._http.post(command.path, json=command.body())`` where command classes define
    ``path = "/v1/streaming.new"`` ...: the endpoint is the object's class at run time."""
    for sender in attribute_url_senders(ctx.index, ctx.project):
        blocked = [key for key in sender.keys if key not in REST_KEYS]
        statement = sender.call.context.statement
        if not blocked or _marked_before(statement):
            continue
        classes = ", ".join(f"`{name}`" for name in sender.classes)
        ctx.manual(
            sender.call.node,
            f"{_SENDER_MARKER}{sender.attribute}` of the object it is given, a HeyGen "
            f"streaming URL in {classes}, chosen at run time, and LiveAvatar has no request for "
            f"some of them: {_instead(blocked)}; dispatch on the command here by hand",
        )


__all__ = [
    "mark_attribute_url_senders",
    "mark_endpoints_looked_up_at_run_time",
    "mark_helpers_called_elsewhere",
    "mark_pair_posters",
    "mark_table_keys_at_run_time",
    "mark_unfollowed_dispatch_requests",
]


def mark_helpers_called_elsewhere(ctx: RuleContext) -> None:
    """A dispatch helper (``self.root + "/v1/streaming." + name``) no call of this module
    reaches: the endpoints its callers name (in another module, through an object) are not
    visible here, so its HeyGen paths stay; a person migrates each caller."""
    for helper in helpers_called_elsewhere(ctx.index, ctx.requests, ctx.project):
        assert helper.request is not None
        ctx.manual(
            helper.request.node,
            f"`{helper.name}(...)` builds HeyGen's `streaming.<{helper.parameter}>` "
            "URLs from the endpoint its callers name, and no call of it is visible in this "
            "module: LiveAvatar has no such paths (new/start became the token call and "
            f"`{BRIDGE_MODULE}.{BRIDGE_START}`, task/interrupt/listening are "
            f"`{BRIDGE_MODULE}.{BRIDGE_EMIT}` events, stop/keep_alive moved under "
            "`/v1/sessions/`): migrate each caller by hand",
        )


def mark_unfollowed_dispatch_requests(ctx: RuleContext) -> None:
    """A request to ``.../v1/streaming.<something chosen at run time>`` built in a way no
    dispatch helper is read from: without a marker it would go on posting to HeyGen's paths
    (or, its host moved, to paths LiveAvatar does not have) with nothing said."""
    chosen = {id(c.site.node) for c in chosen_endpoint_requests(ctx.request_finder)}
    for request in unfollowed_dispatch_requests(ctx.index, ctx.requests):
        if id(request.node) in chosen:
            continue  # ``f"{API}/streaming.{action}"`` with ``action`` one of two literals
        ctx.manual(
            request.node,
            "this request builds HeyGen's `streaming.<endpoint>` URL from an endpoint chosen at "
            "run time in a way the tool does not follow: LiveAvatar has no such paths "
            f"(new/start became the token call and `{BRIDGE_MODULE}.{BRIDGE_START}`, "
            f"task/interrupt/listening are `{BRIDGE_MODULE}.{BRIDGE_EMIT}` events, "
            "stop/keep_alive moved under `/v1/sessions/`): migrate each call by hand",
        )
