"""Project facts for a create_token token fetched in one module and sent from another.

A ``TokenProvider.get()`` in ``tokens.py`` fetches HeyGen's create_token token; a client in
``client.py`` sends ``f"Bearer {await self.tokens.get()}"`` on ``streaming.new``. Neither
module alone shows the paired flow (the token authenticating the session call), which
LiveAvatar folds into one token call authenticated with the API key. Read with ``ast``
(the facts pass): the functions that fetch a create_token token and return something, and
the functions called inside a ``Bearer`` header value in modules that send ``streaming.new``
and fetch no token themselves. Their common names are ``ProjectFacts.paired_token_getters``
(every getter, when such a value is no call: ``open_session(token)`` called with a getter's
token; :func:`paired_getters`).
"""

from __future__ import annotations

import ast

CREATE_TOKEN = b"streaming.create_token"
FROM_ELSEWHERE = "(elsewhere)"
"""In ``bearer_calls``: a ``Bearer`` value that is a token's name, no call (``def
open_session(token)``, a ``self.token`` set by a constructor): its token comes from some
getter, so every getter pairs."""
_TOKEN_KEYS = (b'"token"', b"'token'")


def fetches_token(function: ast.FunctionDef | ast.AsyncFunctionDef, text: bytes) -> bool:
    """The function (its source ``text``) calls create_token, reads a ``"token"`` key and
    returns a value: it hands a token to its callers."""
    if CREATE_TOKEN not in text or not any(key in text for key in _TOKEN_KEYS):
        return False
    return any(
        isinstance(node, ast.Return) and node.value is not None
        for node in ast.walk(function)
        if not isinstance(node, ast.Lambda)
    )


def bearer_calls(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """For a file sending ``streaming.new`` without a create_token call of its own (so a
    ``Bearer`` it sends carries a token fetched elsewhere): the names (last component) of
    the calls whose result makes a ``Bearer`` header value, ``f"Bearer {await
    self.tokens.get()}"``, ``"Bearer " + get_token()``, or a local that holds one (``token =
    get_token()``); :data:`FROM_ELSEWHERE` for a name or attribute named as a token (a
    parameter, ``self._token``)."""
    found: set[str] = set()
    # ``token = get_token()`` then ``f"Bearer {token}"``: the local's call.
    called: dict[str, ast.expr] = {}
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            called[node.targets[0].id] = node.value
    for node in ast.walk(function):
        if isinstance(node, ast.JoinedStr) and any(
            isinstance(part, ast.Constant) and "Bearer" in str(part.value) for part in node.values
        ):
            holes = [part.value for part in node.values if isinstance(part, ast.FormattedValue)]
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Add)
            and isinstance(node.left, ast.Constant)
            and "Bearer" in str(node.left.value)
        ):
            holes = [node.right]
        else:
            continue
        for hole in holes:
            if isinstance(hole, ast.Name):
                hole = called.get(hole.id, hole)
            if isinstance(hole, ast.Await):
                hole = hole.value
            if isinstance(hole, ast.Call):
                func = hole.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name:
                    found.add(name)
            elif "token" in _identifier(hole).lower():
                # ``token``, ``self._token``: not ``api_key`` (some code sent the key as Bearer)
                found.add(FROM_ELSEWHERE)
    return found


def _identifier(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def paired_getters(getters: set[str], bearer_calls: set[str]) -> frozenset[str]:
    """The getters whose token some module sends as ``Bearer`` on ``streaming.new``."""
    if FROM_ELSEWHERE in bearer_calls:
        return frozenset(getters)
    return frozenset(getters & bearer_calls)
