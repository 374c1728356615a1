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
    return _returns_value(function)


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


# A create_token or streaming.new request whose URL is a constant imported from another module
# (``requests.post(CREATE_TOKEN_URL, ...)`` with ``from .urls import CREATE_TOKEN_URL``): the
# file names neither path, so which one it sends is known only once every module's URL
# constants are (``ProjectFacts.url_constants``). The file's facts keep the imported names it
# reads, ``module:name`` (the module as the import spells it, leading dots dropped: a suffix
# of the defining module's dotted path), and the project's build resolves them
# (:func:`resolved_getters`, :func:`resolved_bearer_calls`).
READ_SEPARATOR = ":"


def _returns_value(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Some ``return`` of the function (not of a lambda in it) gives a value."""
    return any(
        isinstance(node, ast.Return) and node.value is not None
        for node in ast.walk(function)
        if not isinstance(node, ast.Lambda)
    )


def may_fetch_imported_token(function: ast.FunctionDef | ast.AsyncFunctionDef, text: bytes) -> bool:
    """The function reads a ``"token"`` key and returns a value without naming create_token:
    a token getter if a URL constant it reads turns out to be create_token's."""
    if CREATE_TOKEN in text or not any(key in text for key in _TOKEN_KEYS):
        return False
    return _returns_value(function)


def import_bindings(tree: ast.Module) -> dict[str, str]:
    """Local name -> the dotted name it is bound to by a module-level import, leading dots
    dropped (``from .urls import NEW_URL`` -> ``urls.NEW_URL``; ``import app.urls as u`` ->
    ``app.urls``)."""
    bound: dict[str, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom):
            module = statement.module or ""
            for alias in statement.names:
                if alias.name != "*":
                    dotted = f"{module}.{alias.name}" if module else alias.name
                    bound[alias.asname or alias.name] = dotted
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    bound[alias.asname] = alias.name
                else:
                    first = alias.name.partition(".")[0]
                    bound[first] = first
    return bound


def imported_reads(node: ast.AST, bound: dict[str, str]) -> set[str]:
    """``module:name`` for each imported name ``node`` reads (``NEW_URL``), each attribute it
    reads on an imported name (``urls.NEW_URL``, ``app.urls.NEW_URL``, a class member
    ``Urls.NEW``: ``urls.Urls:NEW``) and each string-keyed entry of an imported dict
    (``ENDPOINTS["new"]``: ``urls:ENDPOINTS[new]``, as ``url_constant_facts`` names it)."""
    found: set[str] = set()
    if not bound:
        return found
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Subscript)
            and isinstance(child.value, ast.Name)
            and child.value.id in bound
            and isinstance(child.slice, ast.Constant)
            and isinstance(child.slice.value, str)
        ):
            module, _, name = bound[child.value.id].rpartition(".")
            if module:
                found.add(f"{module}{READ_SEPARATOR}{name}[{child.slice.value}]")
        elif isinstance(child, ast.Name) and child.id in bound:
            module, _, name = bound[child.id].rpartition(".")
            if module:
                found.add(f"{module}{READ_SEPARATOR}{name}")
        elif isinstance(child, ast.Attribute):
            parts = [child.attr]
            owner: ast.expr = child.value
            while isinstance(owner, ast.Attribute):
                parts.append(owner.attr)
                owner = owner.value
            if isinstance(owner, ast.Name) and owner.id in bound:
                parts.reverse()
                module = ".".join([bound[owner.id], *parts[:-1]])
                found.add(f"{module}{READ_SEPARATOR}{parts[-1]}")
    return found


def _read_texts(reads: set[str], constants: dict[tuple[str, str], str | None]) -> list[str]:
    """The texts of the URL constants that ``reads`` may name (see :data:`READ_SEPARATOR`)."""
    texts: list[str] = []
    for read in reads:
        module, _, name = read.rpartition(READ_SEPARATOR)
        # ``Urls.NEW`` read on ``from .urls import Urls`` is ``urls.Urls:NEW``: the member
        # ``Urls.NEW`` of module ``urls`` as well
        holder, _, member_of = module.rpartition(".")
        spellings = [(module, name), (holder, f"{member_of}.{name}")] if holder else []
        spellings = spellings or [(module, name)]
        texts.extend(
            text
            for (owner, constant), text in constants.items()
            for spelled_module, spelled in spellings
            if text
            and constant == spelled
            and (not owner or owner == spelled_module or owner.endswith("." + spelled_module))
        )
    return texts


def resolved_getters(
    getter_reads: set[str], constants: dict[tuple[str, str], str | None]
) -> set[str]:
    """The functions of ``getter_reads`` (``function:module:name``) that read a URL constant
    naming create_token."""
    reads: dict[str, set[str]] = {}
    for entry in getter_reads:
        function, _, read = entry.partition(READ_SEPARATOR)
        reads.setdefault(function, set()).add(read)
    create_token = CREATE_TOKEN.decode()
    return {
        function
        for function, names in reads.items()
        if any(create_token in text for text in _read_texts(names, constants))
    }


def resolved_bearer_calls(
    file_reads: set[str], calls: set[str], constants: dict[tuple[str, str], str | None]
) -> set[str]:
    """``calls`` (a file's :func:`bearer_calls`) when the file sends ``streaming.new`` through
    a URL constant it reads (``file_reads``) and fetches no create_token token itself."""
    texts = _read_texts(file_reads, constants)
    create_token = CREATE_TOKEN.decode()
    if any("streaming.new" in text for text in texts) and not any(
        create_token in text for text in texts
    ):
        return calls
    return set()
