"""What the code around a create_token fetch does with its response and its token.

``res = post(create_token)``, then ``res.raise_for_status()``, ``json_ = res.json()`` and
``self.token = json_["data"]["token"]``: the checks (and the names the JSON is kept under)
only serve the fetch, the holders keep the token. ``rules/token_getter_retire.py`` removes the
first and sets the second to a placeholder; this module only reads. It also recognises a
function whose only job is the fetch (``token_getter_shape``), what its callers keep its
result under (``getter_result_holders``) and the uses of a kept token that look at its value
rather than pass it on (``token_value_uses``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from .idle_clients import is_client_constructor
from .index import ModuleIndex, Statement, string_value, walk_nodes
from .names import access_chain, sole_read_chain
from .response_checks import (
    assigned_name,
    inspects_value,
    is_check,
    is_docstring,
    only_calls,
    until_reassigned,
    with_block_binding,
    with_response,
)
from .session_flow import client_default_assignment, mentions


def reads_token(value: cst.BaseExpression) -> bool:
    """The value reads a ``"token"`` key somewhere (``json_["data"]["token"]``, ``.get("token")``)."""
    return any(string_value(n) == "token" for n in walk_nodes(value) if type(n) is cst.SimpleString)


def reads_token_directly(statement: Statement) -> bool:
    """``x = <request>.json()["data"]["token"]`` (the value ends in a ``"token"`` key)."""
    assert isinstance(statement, cst.SimpleStatementLine)
    assign = statement.body[0]
    assert isinstance(assign, cst.Assign)
    value = assign.value
    return isinstance(value, cst.Subscript) and any(
        isinstance(e.slice, cst.Index) and string_value(e.slice.value) == "token"
        for e in value.slice
    )


def fetch_uses(
    later: Sequence[Statement], name: str
) -> tuple[list[Statement], list[cst.SimpleStatementLine]] | None:
    """The statements after the fetch (``later``) that check its response ``name`` (or the
    JSON kept under another name), and those that hold the token; ``None`` when one uses the
    response otherwise."""
    checks: list[Statement] = []
    holders: list[cst.SimpleStatementLine] = []
    names = {name}  # the response, and names its parsed JSON is kept under (``json_ = res.json()``)
    for line in until_reassigned(list(later), name):
        seen = [n for n in names if mentions(line, n) and not _local_to(line, n)]
        if not seen:
            continue
        if any(is_check(line, n) for n in seen):
            checks.append(line)
        elif (
            isinstance(line, cst.SimpleStatementLine)
            and len(line.body) == 1
            and isinstance(line.body[0], cst.Assign)
            and len(line.body[0].targets) == 1
            and not any(mentions(line.body[0].targets[0], n) for n in seen)
        ):
            target = line.body[0].targets[0].target
            if not reads_token(line.body[0].value) and isinstance(target, cst.Name):
                checks.append(line)  # the JSON under another name: followed, and removed
                names.add(target.value)
                continue
            holders.append(line)
        elif isinstance(line, cst.SimpleStatementLine) and token_setter_argument(line) is not None:
            holders.append(line)
        else:
            return None
    return checks, holders


def token_setter_argument(statement: cst.CSTNode) -> cst.Arg | None:
    """``_token.set(body["data"]["token"])`` (a ``ContextVar``), ``cache.set("token",
    body["data"]["token"])``: a line that keeps the token through a ``set`` method; the
    argument holding it (the last positional one, which reads the ``"token"`` key)."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    call = small.value if isinstance(small, cst.Expr) else None
    if isinstance(call, cst.Await):
        call = call.expression
    if not (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "set"
        and call.args
        and all(arg.keyword is None and not arg.star for arg in call.args)
    ):
        return None
    last = call.args[-1]
    return last if reads_token(last.value) else None


def _local_to(statement: Statement, name: str) -> bool:
    """``def close(): r = http.post(...)`` after a module-level ``r = post(create_token)``:
    the function's ``r`` is its own (bound there, not declared ``global``), not the fetch's."""
    if not isinstance(statement, cst.FunctionDef):
        return False
    bound = False
    for node in walk_nodes(statement):
        if isinstance(node, (cst.Global, cst.Nonlocal)) and any(
            item.name.value == name for item in node.names
        ):
            return False
        if isinstance(node, cst.Param) and node.name.value == name:
            bound = True
        elif isinstance(node, (cst.AssignTarget, cst.AsName)) or (
            isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.For)) and node.target
        ):
            target = node.target if not isinstance(node, cst.AsName) else node.name
            bound = bound or (isinstance(target, cst.Name) and target.value == name)
    return bound


def holds_token_directly(statement: cst.CSTNode) -> bool:
    """``holder = <request>...["token"]`` with a name or ``self.<attribute>`` as the holder."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return False
    target = small.targets[0].target
    holder = isinstance(target, cst.Name) or (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
    )
    return holder and reads_token_directly(statement)


def returns_token_directly(statement: cst.CSTNode) -> bool:
    """``return <request>...["token"]``: a getter handing the token to its callers in one line."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    value = small.value if isinstance(small, cst.Return) else None
    return isinstance(value, cst.Subscript) and any(
        isinstance(e.slice, cst.Index) and string_value(e.slice.value) == "token"
        for e in value.slice
    )


def token_getter_shape(
    function: cst.FunctionDef, statement: Statement
) -> tuple[str, list[Statement], cst.SimpleStatementLine] | None:
    """A function whose only job is the fetch ``statement``: its body (after a docstring)
    starts with the fetch binding a name, then only checks of it or calls not mentioning it,
    and ends returning something that mentions it (also inside the fetch's ``with`` block,
    ``async with post(...) as r: r.raise_for_status(); return (await r.json())[...]``).
    ``(the name, the body lines after the docstring, the return line)``, or ``None``."""
    body = function.body
    if not isinstance(body, cst.IndentedBlock):
        return None
    block = client_block(function)
    if statement not in body.body and (block is None or statement not in block.body.body):
        return None
    returning = _returning_block(statement)
    lines = [line for line in body.body if not is_docstring(line)]
    if returning is not None and lines == [statement]:
        return returning[0], [statement], returning[1]
    name = assigned_name(statement) or with_block_binding(statement)
    if name is None and isinstance(statement, cst.With):
        # ``async with post(create_token) as r: r.raise_for_status(); payload = await r.json()``
        # then ``return payload["data"]["token"]``: the parsed body holds the token.
        name = parsed_in_block(statement)
    lines = list(body.body)
    docstring = lines[:1] if lines and is_docstring(lines[0]) else []
    rest = lines[len(docstring) :]
    if block is not None and statement is not block:
        assert isinstance(block.body, cst.IndentedBlock)
        rest = list(block.body.body)  # the client exists for the fetch: its block is the job
    if not rest or rest[0] is not statement or name is None:
        return None
    final = rest[-1]
    if not _returns_mentioning(final, name):
        return None
    assert isinstance(final, cst.SimpleStatementLine)
    if not all(
        isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        and (is_check(line, name) or (not mentions(line, name) and only_calls(line)))
        for line in rest[1:-1]
    ):
        return None
    return (
        name,
        [
            line
            for line in rest
            if isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        ],
        final,
    )


@dataclass
class HeaderSettingGetter:
    """A getter that also puts the token into its client's default headers on the way:
    ``resp = post(create_token)``, ``data = resp.json()["data"]``,
    ``self.client.headers["Authorization"] = f"Bearer {data['token']}"``, ``return
    data["token"]``. The header lines stay (H2L101 makes them send the API key); the rest
    goes, the return hands out the placeholder."""

    name: str
    """The name the return reads the token from (the parsed body's, else the response's)."""
    removed: list[Statement]
    kept: list[cst.SimpleStatementLine]
    final: cst.SimpleStatementLine


def header_setting_getter(
    index: ModuleIndex, function: cst.FunctionDef, statement: Statement
) -> HeaderSettingGetter | None:
    """:class:`HeaderSettingGetter` of ``function`` for the fetch ``statement``, or ``None``.

    Between the fetch and the return only checks of the response, names its parsed JSON is
    kept under (``data: TokenData = resp.json()["data"]``), lines setting a client's default
    ``Authorization`` header from them, and calls not mentioning them."""
    body = function.body
    name = assigned_name(statement)
    if not isinstance(body, cst.IndentedBlock) or name is None:
        return None
    lines = [line for line in body.body if not is_docstring(line)]
    if len(lines) < 3 or lines[0] is not statement:
        return None
    names = [name]
    removed: list[Statement] = [statement]
    kept: list[cst.SimpleStatementLine] = []
    for line in lines[1:-1]:
        if not isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return None
        seen = [n for n in names if mentions(line, n)]
        if not seen:
            if not only_calls(line):
                return None
            removed.append(line)
        elif any(is_check(line, n) for n in seen):
            removed.append(line)
        elif (parsed := _keeps_parsed_body(line)) is not None:
            names.append(parsed)
            removed.append(line)
        elif isinstance(line, cst.SimpleStatementLine) and _sets_default_header(index, line):
            kept.append(line)
        else:
            return None
    final = lines[-1]
    if not kept or not isinstance(final, cst.SimpleStatementLine):
        return None
    read = [n for n in names if _returns_mentioning(final, n)]
    if len(read) != 1:
        return None
    removed.append(final)
    return HeaderSettingGetter(read[0], removed, kept, final)


def _keeps_parsed_body(line: Statement) -> str | None:
    """``data = resp.json()["data"]`` (annotated too): the name the JSON is kept under."""
    if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
        return None
    small = line.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target: cst.BaseExpression = small.targets[0].target
        value: cst.BaseExpression | None = small.value
    elif isinstance(small, cst.AnnAssign):
        target, value = small.target, small.value
    else:
        return None
    if not isinstance(target, cst.Name) or value is None or reads_token(value):
        return None
    return target.value


def _sets_default_header(index: ModuleIndex, line: cst.SimpleStatementLine) -> bool:
    """``client.headers["Authorization"] = ...``: a client's default header set."""
    small = line.body[0] if len(line.body) == 1 else None
    return isinstance(small, cst.Assign) and client_default_assignment(index, small)


def _returning_block(statement: Statement) -> tuple[str, cst.SimpleStatementLine] | None:
    """``[async] with <fetch> as r:`` whose lines check ``r`` and end returning what mentions
    it: ``(r, the return line)``."""
    opened = with_response(statement)
    if opened is None:
        return None
    response, body = opened
    *checks, final = body.body
    if not _returns_mentioning(final, response) or not all(
        isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        and is_check(line, response)
        for line in checks
    ):
        return None
    assert isinstance(final, cst.SimpleStatementLine)
    return response, final


def _returns_mentioning(line: cst.CSTNode, name: str) -> bool:
    return (
        isinstance(line, cst.SimpleStatementLine)
        and isinstance(line.body[0], cst.Return)
        and mentions(line, name)
    )


def client_block(function: cst.FunctionDef) -> cst.With | None:
    """The function's one statement (after a docstring), when it is a ``with`` block that
    only opens an HTTP client (``with httpx.Client() as c:``): what the block does is the
    function's job."""
    body = function.body
    if not isinstance(body, cst.IndentedBlock):
        return None
    lines = list(body.body)
    if lines and is_docstring(lines[0]):
        lines = lines[1:]
    if len(lines) != 1 or not isinstance(lines[0], cst.With):
        return None
    block = lines[0]
    if not isinstance(block.body, cst.IndentedBlock) or not all(
        is_client_constructor(item.item) for item in block.items
    ):
        return None
    return block


def fetch_client_block(index: ModuleIndex, statement: Statement) -> cst.With | None:
    """``async with httpx.AsyncClient() as c: resp = await c.post(create_token)``, its checks
    and holders after the block: the block, when the fetch is its only statement and it only
    opens an HTTP client (the client exists for the fetch; the block goes with it)."""
    block = index.parent_of(statement)
    owner = index.parent_of(block) if isinstance(block, cst.IndentedBlock) else None
    if not isinstance(owner, cst.With) or owner.body is not block:
        return None
    assert isinstance(block, cst.IndentedBlock)
    if list(block.body) != [statement]:
        return None
    if not all(is_client_constructor(item.item) for item in owner.items):
        return None
    return owner


def parsed_in_block(statement: cst.With) -> str | None:
    """The name a ``with`` block binds to its response's parsed body (``payload = await
    r.json()``) when the block does nothing else but check the response."""
    opened = with_response(statement)
    if opened is None:
        return None
    response, body = opened
    parsed: str | None = None
    for line in body.body:
        if isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement)) and is_check(
            line, response
        ):
            continue
        if parsed is not None or not isinstance(line, cst.SimpleStatementLine):
            return None
        small = line.body[0]
        if len(line.body) != 1 or not isinstance(small, cst.Assign) or len(small.targets) != 1:
            return None
        target, value = small.targets[0].target, small.value
        if isinstance(value, cst.Await):
            value = value.expression
        if not (
            isinstance(target, cst.Name)
            and isinstance(value, cst.Call)
            and not value.args
            and isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "json"
            and isinstance(value.func.value, cst.Name)
            and value.func.value.value == response
        ):
            return None
        parsed = target.value
    return parsed


def returned_token_read(
    index: ModuleIndex, final: cst.SimpleStatementLine, name: str
) -> cst.CSTNode | None:
    """The one read of ``name`` the getter's ``return`` makes (the whole returned value, or
    a part of it: ``return jsonify(token=data["data"]["token"])``); ``None`` when it reads
    ``name`` twice."""
    value = final.body[0]
    assert isinstance(value, cst.Return) and value.value is not None
    read = sole_read_chain(index, value.value, name)
    if not isinstance(read, cst.BaseExpression) or reads_token(read):
        return read
    # ``return _unwrap(resp)["token"]``, ``return (await _json(resp))["data"]["token"]``: the
    # response handed to a module helper that checks and parses it; the token is read from
    # what the helper returns, and the placeholder goes in place of that whole read (in place
    # of ``resp`` alone, ``_unwrap("...")`` would parse a string).
    argument = index.parent_of(read)
    call = index.parent_of(argument) if isinstance(argument, cst.Arg) else None
    if (
        isinstance(argument, cst.Arg)
        and isinstance(call, cst.Call)
        and len(call.args) == 1
        and call.args[0] is argument
        and argument.keyword is None
        and not argument.star
    ):
        through = access_chain(index, call, value.value)
        if isinstance(through, cst.BaseExpression) and reads_token(through):
            return through
    return read


def with_block_holders(statement: cst.With) -> list[cst.SimpleStatementLine] | None:
    """``with post(create_token) as resp: token = resp.json()["data"]["token"]``: the block's
    lines other than checks of ``resp``, when there are some and each is one single-target
    assignment (a holder of the token); ``None`` otherwise."""
    body = statement.body
    if len(statement.items) != 1 or not isinstance(body, cst.IndentedBlock):
        return None
    asname = statement.items[0].asname
    response = asname.name.value if asname is not None and type(asname.name) is cst.Name else None
    # ``resp.raise_for_status()`` checked the fetch's response only: it goes with the block.
    lines = [
        line
        for line in body.body
        if response is None
        or not isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        or not is_check(line, response)
    ]
    holders: list[cst.SimpleStatementLine] = []
    for line in lines:
        if not (
            isinstance(line, cst.SimpleStatementLine)
            and len(line.body) == 1
            and isinstance(line.body[0], cst.Assign)
            and len(line.body[0].targets) == 1
        ):
            return None
        holders.append(line)
    return holders or None


def getter_result_holders(index: ModuleIndex, getter: str) -> list[tuple[cst.FunctionDef, str]]:
    """Where callers keep what ``getter()`` returns: ``(calling function, name or attribute
    assigned the call)``, for calls inside functions."""
    found: list[tuple[cst.FunctionDef, str]] = []
    for call in index.calls:
        if call.name is None or call.name.split(".")[-1] != getter:
            continue
        holder = index.parent_of(call.node)
        target: str | None = None
        if (
            isinstance(holder, cst.Assign)
            and len(holder.targets) == 1
            and isinstance(holder.targets[0].target, (cst.Name, cst.Attribute))
        ):
            node = holder.targets[0].target
            target = node.value if isinstance(node, cst.Name) else node.attr.value
        if target is not None and call.context.function is not None:
            found.append((call.context.function, target))
    return found


def token_value_uses(index: ModuleIndex, scope: cst.CSTNode, target: str) -> list[cst.Name]:
    """The reads of ``target`` in ``scope`` that use the token's value: not an attribute name,
    not where it is stored (an assignment, a dict), not a ``global`` declaration, not an
    argument to a call that does not inspect it (a call that sent it as a header), not
    ``target.x`` passed on or assigned to."""
    uses: list[cst.Name] = []
    for node in walk_nodes(scope):
        if not (isinstance(node, cst.Name) and node.value == target):
            continue
        parent = index.parent_of(node)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            continue
        if isinstance(parent, (cst.AssignTarget, cst.DictElement, cst.Assign)):
            continue  # stored for the calls that sent it, which authenticate otherwise now
        if isinstance(parent, cst.NameItem):
            continue  # ``global token``: declares the name, uses no value
        if isinstance(parent, cst.Arg) and not inspects_value(index.parent_of(parent)):
            continue  # passed on to a call that sent it as a header
        if isinstance(parent, cst.Attribute):
            grand = index.parent_of(parent)
            if isinstance(grand, (cst.Arg, cst.AssignTarget)):
                continue
        uses.append(node)
    return uses


__all__ = [
    "HeaderSettingGetter",
    "client_block",
    "fetch_uses",
    "getter_result_holders",
    "header_setting_getter",
    "holds_token_directly",
    "parsed_in_block",
    "reads_token",
    "reads_token_directly",
    "returned_token_read",
    "token_getter_shape",
    "token_setter_argument",
    "token_value_uses",
    "with_block_holders",
]
