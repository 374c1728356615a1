"""Statements that only check, log or pass on a response, and what else reads it.

When a rule removes a request whose response the migrated flow no longer has (HeyGen's
``streaming.start``, whose response held only a status; a ``create_token`` call, whose token
LiveAvatar no longer issues), the statements that only checked the response must go with it and
any other use must stop the removal. This module recognises them: a call followed only by
checks (``resp.raise_for_status()``, ``(await resp).json()``), check and log statements,
success tests (``resp.ok``, ``resp.status_code == 200``), a name's uses up to its rebinding and
after its block, functions whose callers drop their value, docstrings, displays of a value and
the builtins that inspect one. Read by ``rules/session_start_retire.py`` (H2L102) and
``rules/token_getter_retire.py`` (H2L101).
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, Statement, dotted_name, walk_nodes
from .names import binding_reads
from .responses import parse_receiver
from .session_flow import mentions

# Methods called on a response only to check or log it, and calls that log.
CHECK_METHODS = frozenset({"raise_for_status", "json", "text", "read", "release", "close"})
LOGGERS = frozenset({"print", "debug", "info", "warning", "warn", "error", "exception", "log"})


def _helper_callee(func: cst.BaseExpression) -> bool:
    """A module function (``check``) or a method of the caller's own class (``self._ok``)."""
    if isinstance(func, cst.Name):
        return True
    return (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value in ("self", "cls")
    )


def only_checks(expr: cst.BaseExpression, call: cst.CSTNode) -> bool:
    """``call``, ``call.raise_for_status()``, ``(await call).json()``: nothing else runs."""
    node: cst.CSTNode = expr
    while node is not call:
        if isinstance(node, cst.Await):
            node = node.expression
        elif isinstance(node, cst.Call) and not node.args and isinstance(node.func, cst.Attribute):
            if node.func.attr.value not in CHECK_METHODS:
                return False
            node = node.func.value
        elif (
            isinstance(node, cst.Call)
            and _helper_callee(node.func)
            and node.args
            and node.args[0].keyword is None
        ):
            # ``check(post(...))``, ``self._ok(post(...))``: a helper that checks the response
            node = node.args[0].value
        else:
            return False
    return True


def read_after_block(
    index: ModuleIndex, statement: Statement, name: str, later: list[Statement]
) -> bool:
    """Is the value ``statement`` binds to ``name`` read after it outside ``later``, before the
    name is bound again (an assignment, a ``with ... as name``: :func:`.names.binding_reads`)?"""
    context = index.context_of(statement)
    function = context.function if context is not None else None
    if function is None:
        return False
    inside = {id(n) for line in (statement, *later) for n in walk_nodes(line)}
    reads = binding_reads(index, function, statement, name).every
    return any(id(read) not in inside for read in reads)


def read_only_by(
    later: list[Statement], name: str, lines: list[Statement]
) -> list[Statement] | None:
    """``lines`` when, of ``later``, only they read ``name`` (nested functions aside)."""
    if any(
        mentions(line, name)
        for line in later
        if line not in lines and not isinstance(line, (cst.FunctionDef, cst.ClassDef))
    ):
        return None
    return lines


def until_reassigned(lines: list[Statement], name: str) -> list[Statement]:
    """The statements up to the next plain ``name = ...`` (``resp`` reused for the next call).

    A loop whose body rebinds ``name`` first thing (``for line in lines: resp = post(...)``)
    reads only its own value: it is left out, and the statements after it (which may still
    see the old value when the loop never ran) are taken."""
    taken: list[Statement] = []
    for line in lines:
        if _rebinds(line, name):
            break
        if (
            isinstance(line, (cst.For, cst.While))
            and line.orelse is None
            and isinstance(line.body, cst.IndentedBlock)
            and line.body.body
            and _rebinds(line.body.body[0], name)
            and not mentions(line.test if isinstance(line, cst.While) else line.iter, name)
            and not (isinstance(line, cst.For) and mentions(line.target, name))
        ):
            continue
        taken.append(line)
    return taken


def _rebinds(line: cst.CSTNode, name: str) -> bool:
    """``name = <value not reading name>``, or ``with <not reading name> as name:`` (whose
    block reads its own response: ``async with http.post(...) as resp:`` reused per call)."""
    if isinstance(line, cst.With):
        return any(
            item.asname is not None
            and isinstance(item.asname.name, cst.Name)
            and item.asname.name.value == name
            for item in line.items
        ) and not any(mentions(item.item, name) for item in line.items)
    return (
        isinstance(line, cst.SimpleStatementLine)
        and len(line.body) == 1
        and isinstance(line.body[0], cst.Assign)
        and any(
            isinstance(t.target, cst.Name) and t.target.value == name for t in line.body[0].targets
        )
        and not mentions(line.body[0].value, name)
    )


def returns_response(statement: Statement, name: str) -> bool:
    """``return resp``, ``return resp.json()``, ``return resp.json()["data"]``."""
    if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
        return False
    small = statement.body[0]
    if not isinstance(small, cst.Return) or small.value is None:
        return False
    node: cst.BaseExpression = small.value
    while True:
        if isinstance(node, cst.Await):
            node = node.expression
        elif isinstance(node, cst.Subscript):
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and not node.args:
            node = node.func.value
        else:
            break
    return isinstance(node, cst.Name) and node.value == name


def called_here(index: ModuleIndex, function: cst.FunctionDef | None) -> bool:
    """Does the module call ``function`` (by its name, as :func:`result_discarded` reads)?"""
    if function is None:
        return False
    name = function.name.value
    return any(call.name is not None and call.name.split(".")[-1] == name for call in index.calls)


def result_discarded(index: ModuleIndex, function: cst.FunctionDef | None) -> bool:
    """No call of ``function`` in the module uses its value.

    HeyGen's start response held only a status (``{"code": 100, "data": null}``), so a start
    function called from elsewhere returned nothing its callers could use either.
    """
    if function is None:
        return False
    name = function.name.value
    calls = [
        call for call in index.calls if call.name is not None and call.name.split(".")[-1] == name
    ]
    for call in calls:
        parent = index.parent_of(call.node)
        if isinstance(parent, cst.Await):
            parent = index.parent_of(parent)
        if not isinstance(parent, cst.Expr):
            return False
    return True


def _is_status_of(expr: cst.BaseExpression, name: str) -> bool:
    """``name.status_code`` or ``name.status``."""
    return (
        isinstance(expr, cst.Attribute)
        and isinstance(expr.value, cst.Name)
        and expr.value.value == name
        and expr.attr.value in ("status_code", "status")
    )


def _is_envelope_code_of(expr: cst.BaseExpression, name: str, parsed: bool = False) -> bool:
    """``name.json().get("code")`` or ``name.json()["code"]``; with ``parsed`` (``name`` holds
    the parsed JSON already), ``name.get("code")`` or ``name["code"]``."""
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
        if expr.func.attr.value != "get" or not expr.args:
            return False
        owner, key = expr.func.value, expr.args[0].value
    elif isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
        element = expr.slice[0].slice
        if not isinstance(element, cst.Index):
            return False
        owner, key = expr.value, element.value
    else:
        return False
    if not (isinstance(key, cst.SimpleString) and key.evaluated_value == "code"):
        return False
    if parsed:
        return isinstance(owner, cst.Name) and owner.value == name
    return (
        isinstance(owner, cst.Call)
        and not owner.args
        and isinstance(owner.func, cst.Attribute)
        and owner.func.attr.value == "json"
        and isinstance(owner.func.value, cst.Name)
        and owner.func.value.value == name
    )


def is_success_test(expr: cst.BaseExpression, name: str) -> bool:
    """``resp.ok``, ``resp.is_success``, ``resp.status_code == 200``, ``resp.status in (200, 201)``."""
    if isinstance(expr, cst.Attribute):
        return (
            isinstance(expr.value, cst.Name)
            and expr.value.value == name
            and expr.attr.value in ("ok", "is_success")
        )
    if isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1:
        target = expr.comparisons[0]
        if not _is_status_of(expr.left, name):
            return False
        if isinstance(target.operator, cst.Equal) and isinstance(target.comparator, cst.Integer):
            return target.comparator.value.startswith("2")
        if isinstance(target.operator, cst.In) and isinstance(
            target.comparator, (cst.Tuple, cst.List, cst.Set)
        ):
            return any(
                isinstance(e.value, cst.Integer) and e.value.value.startswith("2")
                for e in target.comparator.elements
            )
    return False


def is_check(statement: Statement, name: str, parsed: bool = False) -> bool:
    """``name.raise_for_status()``, ``print(name.status_code)``, ``log.info(..., name.text)``,
    ``assert name.ok``, or ``if name.status_code != 200: raise ...`` / ``if not name.ok: ...`` (no ``else``); with
    ``parsed`` (``name`` holds the parsed JSON), ``if name["code"] != 100: raise ...``."""
    if isinstance(statement, cst.SimpleStatementLine):
        return all(_is_check_expr(small, name) for small in statement.body)
    if isinstance(statement, cst.If) and statement.orelse is None:
        body = statement.body
        smalls = (
            [
                s
                for line in body.body
                if isinstance(line, cst.SimpleStatementLine)
                for s in line.body
            ]
            if isinstance(body, cst.IndentedBlock)
            else list(body.body)
        )
        lines = body.body if isinstance(body, cst.IndentedBlock) else []
        simple = all(isinstance(line, cst.SimpleStatementLine) for line in lines)
        # A failure branch may also give up quietly (``return None``): it can no longer run.
        gives_up = is_failure_test(statement.test, name, parsed)
        if parsed and not gives_up:
            return False
        return simple and all(
            isinstance(small, cst.Raise)
            or (gives_up and (isinstance(small, cst.Return) or _aborts(small)))
            or (isinstance(small, cst.BaseSmallStatement) and _is_check_expr(small, name))
            for small in smalls
        )
    return False


# Calls that end the request or program like a ``raise`` (Flask's ``abort(502)``, ``sys.exit(1)``).
_ABORTING_CALLS = frozenset({"abort", "flask.abort", "sys.exit"})


def _aborts(small: cst.CSTNode) -> bool:
    """``abort(502)``: a failure branch's way out, as a ``raise`` would be."""
    return (
        isinstance(small, cst.Expr)
        and isinstance(small.value, cst.Call)
        and dotted_name(small.value.func) in _ABORTING_CALLS
    )


def is_failure_test(expr: cst.BaseExpression, name: str, parsed: bool = False) -> bool:
    """``not resp.ok``, ``resp.status_code != 200``, ``resp.status not in (200, 201)``,
    ``resp.status_code >= 400``, ``resp.is_error``: true only when the request failed (with
    ``parsed``: ``body["code"] != 100`` on the parsed JSON ``body``)."""
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
        return is_success_test(expr.expression, name)
    if isinstance(expr, cst.Attribute):
        return (
            isinstance(expr.value, cst.Name)
            and expr.value.value == name
            and expr.attr.value == "is_error"
        )
    if isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1:
        target = expr.comparisons[0]
        if _is_envelope_code_of(expr.left, name, parsed):
            # ``resp.json().get("code") != 100``: HeyGen's success code, so only a failure.
            return (
                isinstance(target.operator, cst.NotEqual)
                and isinstance(target.comparator, cst.Integer)
                and target.comparator.value == "100"
            )
        if not _is_status_of(expr.left, name):
            return False
        if isinstance(target.operator, (cst.NotEqual, cst.NotIn)):
            return True
        if isinstance(target.operator, (cst.GreaterThanEqual, cst.GreaterThan)):
            bound = target.comparator
            return isinstance(bound, cst.Integer) and int(bound.value) >= 299
    return False


def _is_check_expr(small: cst.BaseSmallStatement, name: str) -> bool:
    if isinstance(small, cst.Assert):
        # ``assert resp.status == 200, await resp.text()``: its message is read on failure only.
        return is_success_test(small.test, name)
    if not isinstance(small, cst.Expr):
        return False
    value = small.value
    if isinstance(value, cst.Await):
        value = value.expression
    if not isinstance(value, cst.Call):
        return False
    func = value.func
    if (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == name
    ):
        return func.attr.value in CHECK_METHODS
    if _helper_callee(func) and value.args and _response_or_its_json(value.args[0].value, name):
        # ``_check(resp, "start")``, ``self._check(resp)``, ``_check(await resp.json())``: a
        # helper of the module or of the caller's class that checks it; its value is dropped
        return True
    if isinstance(func, cst.Attribute):
        return func.attr.value in LOGGERS
    return isinstance(func, cst.Name) and func.value in LOGGERS


def _response_or_its_json(value: cst.BaseExpression, name: str) -> bool:
    """``name``, or its parsed JSON: ``name.json()`` / ``await name.json()``."""
    if isinstance(value, cst.Await):
        value = value.expression
    if isinstance(value, cst.Call) and not value.args and isinstance(value.func, cst.Attribute):
        if value.func.attr.value != "json":
            return False
        value = value.func.value
    return isinstance(value, cst.Name) and value.value == name


def is_docstring(line: cst.CSTNode) -> bool:
    """A statement that is only a string literal."""
    return (
        isinstance(line, cst.SimpleStatementLine)
        and len(line.body) == 1
        and isinstance(line.body[0], cst.Expr)
        and isinstance(line.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


_INLINE_RESPONSE = "__inline_response__"


def checks_call_inline(statement: cst.If, call: cst.CSTNode) -> bool:
    """``if not post(...).ok: return None``: an ``if`` (without ``else``) that only tests the
    response of ``call``, made in its test, for failure and gives up (a request that can no
    longer fail, such as a start the token call already made, takes it along)."""
    if not any(node is call for node in walk_nodes(statement.test)):
        return False
    test = statement.test.deep_replace(call, cst.Name(_INLINE_RESPONSE))
    assert isinstance(test, cst.BaseExpression)
    return is_check(statement.with_changes(test=test), _INLINE_RESPONSE)


def parsed_checks(
    index: ModuleIndex, statement: Statement, name: str, later: list[Statement]
) -> list[Statement] | None:
    """``result = json.loads(resp.text)`` (or ``resp.json()``) whose ``result`` is then only
    checked (``if result["code"] != 100: raise ...``) in ``later``: the parse and those
    checks; ``None`` when it is not so (``name``: the response's name)."""
    parsed = assigned_name(statement)
    if parsed is None or parsed == name:
        return None
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    assert isinstance(small, cst.Assign)
    value = small.value.expression if isinstance(small.value, cst.Await) else small.value
    receiver = parse_receiver(value, index)
    if not (isinstance(receiver, cst.Name) and receiver.value == name):
        return None
    rest = until_reassigned(later, parsed)
    checks = [line for line in rest if mentions(line, parsed)]
    if not all(is_check(line, parsed, parsed=True) for line in checks):
        return None
    if read_after_block(index, statement, parsed, rest):
        return None
    return [statement, *checks]


def assigned_name(statement: Statement) -> str | None:
    """``name`` of a statement ``name = <value>``."""
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
        ):
            return small.targets[0].target.value
    return None


def with_response(statement: Statement) -> tuple[str, cst.IndentedBlock] | None:
    """``[async] with <request> as r:``: ``(r, its block)``."""
    if not isinstance(statement, cst.With) or len(statement.items) != 1:
        return None
    asname = statement.items[0].asname
    body = statement.body
    if (
        asname is None
        or type(asname.name) is not cst.Name
        or not isinstance(body, cst.IndentedBlock)
    ):
        return None
    return asname.name.value, body


def with_block_binding(statement: Statement) -> str | None:
    """``data`` of ``[async] with <request> as resp: data = [await] resp.json()``: a block whose
    one line parses the response it opened, so the block is the request's ``data = ...``."""
    opened = with_response(statement)
    if opened is None or len(opened[1].body) != 1:
        return None
    response, body = opened
    line = body.body[0]
    if not isinstance(line, cst.SimpleStatementLine):
        return None
    name = assigned_name(line)
    if name is None:
        return None
    assign = line.body[0]
    assert isinstance(assign, cst.Assign)
    value = assign.value.expression if isinstance(assign.value, cst.Await) else assign.value
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and isinstance(value.func.value, cst.Name)
        and value.func.value.value == response
        and name != response
    ):
        return name
    return None


def only_calls(line: cst.CSTNode) -> bool:
    """A line of calls whose values are dropped (``log(...)``, ``print(...)``)."""
    return isinstance(line, cst.SimpleStatementLine) and all(
        isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) for small in line.body
    )


_INSPECTING = frozenset({"len", "print", "str", "bool", "repr", "format", "int", "isinstance"})


def inspects_value(call: cst.CSTNode | None) -> bool:
    """A builtin that looks at the value itself (``len(token)``), not a project function."""
    return (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Name)
        and (call.func.value in _INSPECTING)
    )


def is_display(line: cst.CSTNode) -> bool:
    """``print(...)``, ``log.info(...)``, ``click.echo(...)``: a line that only shows values."""
    if not (isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1):
        return False
    small = line.body[0]
    if not (isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)):
        return False
    func = small.value.func
    if isinstance(func, cst.Name):
        return func.value == "print"
    return isinstance(func, cst.Attribute) and func.attr.value in (
        "debug",
        "info",
        "warning",
        "error",
        "log",
        "write",
        "echo",
    )


def in_formatted(index: ModuleIndex, node: cst.CSTNode) -> bool:
    """``node`` is formatted into a string (an f-string, ``"Bearer " + token``, ``%``)."""
    parent = index.parent_of(node)
    while parent is not None and not isinstance(parent, cst.BaseStatement):
        if isinstance(parent, (cst.FormattedStringExpression, cst.BinaryOperation)):
            return True
        parent = index.parent_of(parent)
    return False
