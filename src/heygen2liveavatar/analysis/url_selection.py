"""URLs a rule selection would leave half migrated.

A streaming URL is rewritten by two kinds of rule: H2L401 moves the host
(``api.heygen.com`` -> ``api.liveavatar.com``) and the endpoint's rule moves the path
(``/v1/streaming.stop`` -> ``/v1/sessions/stop``). Run with only one of them selected
(``--select H2L401``), a rewrite would produce a URL that exists on neither API
(``https://api.liveavatar.com/v1/streaming/knowledge_base/list``). The literals of such a URL,
and of every URL sharing a literal with it (a base constant), are left as they are: an
unselected rule attempts nothing, and the URL stays HeyGen's, whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from .endpoints import LiteralTable
from .http import RequestSite

HOST_RULE = "H2L401"


def blocked_url_literals(
    requests: Iterable[RequestSite], literals: LiteralTable, selected: frozenset[str]
) -> set[int]:
    """Ids of the host and path literals no rule may rewrite under ``selected``."""
    endpoint_ids = {id(literal.node) for literal in literals.endpoints if literal.is_target}
    host_ids = {id(host.site.node) for host in literals.hosts if host.is_target}
    uses: list[tuple[set[int], bool]] = []  # (literal ids, complete under the selection)
    for request in requests:
        if not request.is_streaming or not request.endpoint_uses:
            continue
        if any(use.endpoint.liveavatar_path is None for use in request.endpoint_uses):
            continue  # becomes an event (or is marked): its URL goes with the call
        ids = {
            id(piece.node)
            for piece in request.pieces
            if piece.node is not None and id(piece.node) in endpoint_ids | host_ids
        }
        needed = {use.endpoint.rule for use in request.endpoint_uses}
        if ids & host_ids:
            needed.add(HOST_RULE)
        uses.append((ids, needed <= selected))
    blocked: set[int] = set()
    for ids, complete in uses:
        if not complete:
            blocked |= ids
    changed = bool(blocked)
    while changed:  # a literal shared with a blocked URL blocks the other URLs using it
        changed = False
        for ids, _complete in uses:
            if ids & blocked and not ids <= blocked:
                blocked |= ids
                changed = True
    return blocked
