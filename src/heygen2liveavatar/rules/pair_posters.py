"""Calls sending an ``(endpoint, body)`` pair another function returned (H2L901).

See :mod:`..analysis.endpoint_pairs`. The endpoint is chosen at run time among the literals
the producer returns; where some of them have no REST successor with the same body, the call
is marked: it is where a person dispatches on the endpoint (an event, the token call and
``start_session``).
"""

from __future__ import annotations

from ..analysis.dispatch_helpers import REST_KEYS
from ..analysis.endpoint_pairs import pair_posters
from ..apispec.events import BRIDGE_EMIT, BRIDGE_MODULE
from ..apispec.session_fields import BRIDGE_START
from .base import RuleContext

_WHAT_INSTEAD = {
    "new": f"the token call, the session then started with `{BRIDGE_MODULE}.{BRIDGE_START}`",
    "start": f"gone (`{BRIDGE_MODULE}.{BRIDGE_START}` starts the session after its token call)",
}


def mark_pair_posters(ctx: RuleContext) -> None:
    for poster in pair_posters(ctx.index, ctx.requests):
        blocked = [key for key in poster.keys if key not in REST_KEYS]
        if not blocked:
            continue
        instead = []
        for key in blocked:
            what = _WHAT_INSTEAD.get(
                key, f"a LiveKit event (`{BRIDGE_MODULE}.{BRIDGE_EMIT}(session_id, ...)`)"
            )
            instead.append(f"`streaming.{key}` is {what}")
        ctx.manual(
            poster.call.node,
            f"this call sends the `(endpoint, body)` pair `{poster.producer}(...)` returns, chosen "
            f"at run time, and LiveAvatar has no request for some of them: "
            f"{'; '.join(instead)}; dispatch on the endpoint here by hand",
        )


__all__ = ["mark_pair_posters"]
