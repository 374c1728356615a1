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
# A quoted streaming action: what a call of a dispatch helper names. The call is read backwards
# from each one (most files have none; a pattern starting with a name would be tried at every
# name of every file): ``x.call("new", ...)`` or ``heygen_call("new", ...)``, the action first;
# ``x.call(name="new", ...)`` or ``x.call(body=b, name="new")``, by keyword after arguments
# without quotes or parentheses (which helper parameter the keyword must be, the facts tell).
_QUOTED_ACTION = re.compile(rb"""["'](""" + _ACTIONS + rb""")["']""")
_CALL_BEFORE = re.compile(rb"""\b([A-Za-z_]\w*)\(\s*\Z""")
_KEYWORD_BEFORE = re.compile(
    rb"""\b([A-Za-z_]\w*)\(\s*(?:[^()"'#]*?,\s*)?([A-Za-z_]\w*)\s*=\s*\Z"""
)
_LOOK_BACK = 300
"""How far before a quoted action its call's name is looked for."""


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
    if b"%s" in text or b".format(" in text:
        for node in ast.walk(function):
            filled = _formatted_hole(node)
            if filled in positional:
                return positional.index(filled), filled
    return None


# ``"%s/v1/streaming.%s" % (base, op)``, ``"{}/v1/streaming.{}".format(base, op)``: the action's
# field last, right after ``streaming.`` (as ``analysis.dispatch_helpers`` reads them).
_PERCENT_END = re.compile(r"(?:^|/)streaming\.%s$")
_FORMAT_END = re.compile(r"(?:^|/)streaming\.\{(\w*)\}$")


def _formatted_hole(node: ast.AST) -> str | None:
    """The name filling the action's field of a ``%`` or ``str.format`` URL template."""
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Mod)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.left.value, str)
        and _PERCENT_END.search(node.left.value)
        and isinstance(node.right, ast.Tuple)
        and node.right.elts
    ):
        last = node.right.elts[-1]
        return last.id if isinstance(last, ast.Name) else None
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return None
    template = node.func.value.value
    field = _FORMAT_END.search(template)
    if field is None or any(isinstance(arg, ast.Starred) for arg in node.args):
        return None
    value: ast.expr | None = None
    if field.group(1) and not field.group(1).isdigit():
        value = next((k.value for k in node.keywords if k.arg == field.group(1)), None)
    else:
        position = int(field.group(1)) if field.group(1) else template.count("{}") - 1
        value = node.args[position] if position < len(node.args) else None
    return value.id if isinstance(value, ast.Name) else None


def may_call_dispatch_helper(data: bytes) -> bool:
    """Whether a file without HeyGen words may still call a dispatch helper of another module
    with a literal action (``self.gw.call("new", body)``): which helpers exist, only the
    project's facts tell, so a partial run reads such a file's facts like a candidate's."""
    return bool(dispatch_calls(data))


def dispatch_calls(data: bytes) -> set[str]:
    """``"call:new"`` for each ``x.call("new", ...)`` (or ``call("new", ...)``) in the file: a
    call whose first argument is a literal streaming action (which helper it is, the
    project's facts tell); ``"call:new:name"`` for ``x.call(name="new", ...)``, the action
    passed by keyword."""
    found: set[str] = set()
    for quoted in _QUOTED_ACTION.finditer(data):
        action = quoted.group(1).decode("ascii")
        low = max(0, quoted.start() - _LOOK_BACK)
        before = data[low : quoted.start()]
        call = _CALL_BEFORE.search(before)
        if call is not None and _whole_name(data, low, call.start(1)):
            found.add(f"{call.group(1).decode('ascii')}:{action}")
            continue
        keyword = _KEYWORD_BEFORE.search(before) if b"=" in before else None
        if keyword is not None and _whole_name(data, low, keyword.start(1)):
            name, parameter = keyword.group(1).decode("ascii"), keyword.group(2).decode("ascii")
            found.add(f"{name}:{action}:{parameter}")
    return found


def _whole_name(data: bytes, low: int, start: int) -> bool:
    """A name found at ``start`` of the window ``data[low:]`` is not the tail of a longer one
    the window cut."""
    at = low + start
    return at == 0 or start > 0 or not (data[at - 1 : at].isalnum() or data[at - 1 : at] == b"_")


__all__ = [
    "STREAMING_ACTIONS",
    "dispatch_action_parameter",
    "dispatch_calls",
    "may_call_dispatch_helper",
]
