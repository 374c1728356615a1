"""Dispatch helpers called from other modules, read with ``ast`` and bytes by the facts scan.

``def call(self, name, body): self.http.post(self.root + "/v1/streaming." + name, json=body)``
in ``gateway.py``, called as ``self.gw.call("new", body)`` in ``resources.py`` on an object
handed in from elsewhere: the helper's module never sees which endpoints it serves, and the
caller's module never sees the helper. The scan records both halves (the helper's name, its
class, the position and name of its action parameter; each file's ``.name("action", ...)``
and ``.name(keyword="action", ...)`` calls with a literal streaming action), so that the caller migrates its calls as the helper's own
module would, and the helper's module knows which endpoints its callers name.
"""

from __future__ import annotations

import ast
import re

STREAMING_ACTIONS = (
    "new",
    "start",
    "task",
    "interrupt",
    "keep_alive",
    "stop",
    "start_listening",
    "stop_listening",
)
# ``".../v1/streaming." + name`` or ``f".../v1/streaming.{name}"``: the action parameter.
_TEMPLATE_HOLE = re.compile(
    rb"""streaming\.["']\s*\+\s*([A-Za-z_]\w*)|streaming\.\{([A-Za-z_]\w*)\}"""
)
_ACTIONS = "|".join(STREAMING_ACTIONS).encode()
# ``x.call("new", ...)`` or ``heygen_call("new", ...)``: a call naming a streaming action first;
# ``x.call(name="new", ...)`` or ``x.call(body=b, name="new")``: by keyword, after arguments
# without quotes or parentheses (which helper parameter the keyword must be, the facts tell).
_ACTION_CALL = re.compile(rb"""\b([A-Za-z_]\w*)\(\s*["'](""" + _ACTIONS + rb""")["']""")
_KEYWORD_ACTION_CALL = re.compile(
    rb"""\b([A-Za-z_]\w*)\(\s*(?:[^()"'#]*?,\s*)?([A-Za-z_]\w*)\s*=\s*["']("""
    + _ACTIONS
    + rb""")["']"""
)


def dispatch_action_parameter(
    function: ast.FunctionDef | ast.AsyncFunctionDef, text: bytes
) -> tuple[int, str] | None:
    """The position (``self`` not counted) and name of the parameter a dispatch helper joins
    onto ``streaming.`` in its URL, when its text does that."""
    if b"streaming." not in text:
        return None
    positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if positional and positional[0] in ("self", "cls"):
        positional = positional[1:]
    for match in _TEMPLATE_HOLE.finditer(text):
        name = (match.group(1) or match.group(2)).decode("ascii")
        if name in positional:
            return positional.index(name), name
    return None


# A quoted streaming action anywhere: what a file calling a dispatch helper must contain,
# searched before the call pattern (which tries every name followed by ``(``).
_QUOTED_ACTION = re.compile(rb"""["'](?:""" + "|".join(STREAMING_ACTIONS).encode() + rb""")["']""")


def may_call_dispatch_helper(data: bytes) -> bool:
    """Whether a file without HeyGen words may still call a dispatch helper of another module
    with a literal action (``self.gw.call("new", body)``): which helpers exist, only the
    project's facts tell, so a partial run reads such a file's facts like a candidate's."""
    return _QUOTED_ACTION.search(data) is not None and bool(dispatch_calls(data))


def dispatch_calls(data: bytes) -> set[str]:
    """``"call:new"`` for each ``x.call("new", ...)`` (or ``call("new", ...)``) in the file: a
    call whose first argument is a literal streaming action (which helper it is, the
    project's facts tell); ``"call:new:name"`` for ``x.call(name="new", ...)``, the action
    passed by keyword."""
    if b"(" not in data:
        return set()
    found = {
        f"{m.group(1).decode('ascii')}:{m.group(2).decode('ascii')}"
        for m in _ACTION_CALL.finditer(data)
    }
    if b"=" in data:
        found.update(
            f"{m.group(1).decode('ascii')}:{m.group(3).decode('ascii')}:{m.group(2).decode('ascii')}"
            for m in _KEYWORD_ACTION_CALL.finditer(data)
        )
    return found


__all__ = [
    "STREAMING_ACTIONS",
    "dispatch_action_parameter",
    "dispatch_calls",
    "may_call_dispatch_helper",
]
