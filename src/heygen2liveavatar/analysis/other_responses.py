"""Responses of the module's requests to other APIs (not HeyGen's streaming API).

A module that also calls another vendor (``requests.post("https://api.d-id.com/talks/streams",
...)`` in a provider switch's other branch) reads that vendor's answer with keys HeyGen used
too (``d["ice_servers"]``). Rules that mark such keys wherever the flow of a streaming
response is lost ask here first: a read of a value the :class:`.responses.ResponseTracker`
follows back to one of those other requests is that API's business, not HeyGen's.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from .http import RequestFinder
from .index import Context
from .responses import ResponseTracker


def other_api_response(finder: RequestFinder) -> Callable[[cst.BaseExpression, Context], bool]:
    """A test of whether an expression holds the response (object or JSON) of one of the
    module's requests to another host (``RequestFinder.other_host_requests``); built only
    when a rule needs it."""
    others = finder.other_host_requests()
    if not others:
        return lambda _expression, _context: False
    tracker = ResponseTracker(finder.index, others)
    return lambda expression, context: tracker.classify(expression, context) is not None


__all__ = ["other_api_response"]
