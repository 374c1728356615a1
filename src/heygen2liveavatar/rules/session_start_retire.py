"""Retire a ``streaming.start`` call whose session the token call already started.

After migration the function that opened the session (formerly ``streaming.new``) calls
``liveavatar_bridge.start_session`` right after ``POST /v1/sessions/token``. The old start call
would start the session a second time, which LiveAvatar refuses. HeyGen's start response held
nothing but a status, so code kept it only to check it: such a call is removed together with
the statements that only check its response. A function left empty keeps its signature (its
callers still call it) and says why it does nothing.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.index import Statement, walk_nodes
from ..analysis.session_flow import mentions
from .base import RuleContext

# Methods called on a response only to check or log it.
_CHECKS = frozenset({"raise_for_status", "json", "text", "read", "release", "close"})
_LOGGERS = frozenset({"print", "debug", "info", "warning", "warn", "error", "exception", "log"})
NO_OP_COMMENT = (
    "# LiveAvatar: the session is started where its token is created "
    "(liveavatar_bridge.start_session)."
)


def retire_start(ctx: RuleContext, request: RequestSite) -> bool:
    """Remove the start call and its response checks; ``False`` when that is not safe."""
    index = ctx.index
    statement = request.call.context.statement
    if statement is None or ctx.is_suppressed(statement):
        return False
    outer: cst.CSTNode = request.node
    parent = index.parent_of(outer)
    if isinstance(parent, cst.Await):
        outer, parent = parent, index.parent_of(parent)
    removed: list[Statement] = []
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if isinstance(small, cst.Expr) and _only_checks(small.value, outer):
            removed = [statement]
        elif (
            isinstance(small, cst.Return)
            and small.value is not None
            and _only_checks(small.value, outer)
            and _result_discarded(ctx, request.call.context.function)
        ):
            removed = [statement]  # ``return self._request("/streaming.start", ...)``
        elif (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and _only_checks(small.value, outer)
        ):
            name = small.targets[0].target.value
            checks = _check_statements(ctx, statement, name)
            if checks is None:
                return False
            removed = [statement, *checks]
    elif isinstance(statement, cst.With) and len(statement.items) == 1:
        item = statement.items[0]
        if item.item is not outer:
            return False
        replacement = _block_replacement(ctx, statement, item)
        if replacement is None:
            return False
        if replacement:
            ctx.insert_before(statement, list(replacement))
        removed = [statement]
    if not removed:
        return False
    for line in removed:
        ctx.edits.remove(line)
    # The session id, payload and headers the call was built from may be left unused.
    ctx.prune_if_unused(
        {node.value for line in removed for node in walk_nodes(line) if isinstance(node, cst.Name)}
    )
    _note_no_op(ctx, statement)
    ctx.fixed(
        request.node,
        "removes the start call: the session is started right after its token call "
        "(`liveavatar_bridge.start_session`), and LiveAvatar refuses a second start",
    )
    return True


def _only_checks(expr: cst.BaseExpression, call: cst.CSTNode) -> bool:
    """``call``, ``call.raise_for_status()``, ``(await call).json()``: nothing else runs."""
    node: cst.CSTNode = expr
    while node is not call:
        if isinstance(node, cst.Await):
            node = node.expression
        elif isinstance(node, cst.Call) and not node.args and isinstance(node.func, cst.Attribute):
            if node.func.attr.value not in _CHECKS:
                return False
            node = node.func.value
        elif (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Name)
            and node.args
            and node.args[0].keyword is None
        ):
            node = node.args[0].value  # ``check(post(...))``: a helper that checks the response
        else:
            return False
    return True


def _check_statements(ctx: RuleContext, statement: Statement, name: str) -> list[Statement] | None:
    """The statements after ``statement`` that read ``name`` only to check or log it."""
    context = ctx.index.context_of(statement)
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if statement not in body:
        return None
    function = context.function if context is not None else None
    checks: list[Statement] = []
    later = _until_reassigned(body[body.index(statement) + 1 :], name)
    for position, other in enumerate(later):
        if not mentions(other, name) or isinstance(other, (cst.FunctionDef, cst.ClassDef)):
            continue  # a function defined later has its own ``resp``
        if _is_check(other, name):
            checks.append(other)
            continue
        success = _success_statement(other, name)
        if success is None and _returns_response(other, name) and _result_discarded(ctx, function):
            success = []  # ``return resp.json()`` whose every caller drops the value
        if success is None:
            return None
        rest = later[position + 1 :] if isinstance(success, list) else []
        # ``return resp.status_code == 200`` -> ``return True``; ``if resp.ok: <returns>``
        # -> its body, and what followed it (the failure path) goes with the test.
        if isinstance(success, list):
            if success:
                ctx.insert_before(other, list(success))
            ctx.edits.remove(other)
            for line in rest:
                ctx.edits.remove(line)
        else:
            ctx.edits.replace(other, success)
        return checks
    # No read of the response anywhere else before the name is bound again, in this block
    # or after it (``async with client: resp = ...`` then ``return resp.json()``).
    if _counted(later, name, checks) is None or _read_after_block(ctx, statement, name, later):
        return None
    return checks


def _read_after_block(
    ctx: RuleContext, statement: Statement, name: str, later: list[Statement]
) -> bool:
    """Is ``name`` read after ``statement`` outside its own block, with no rebinding between?"""
    context = ctx.index.context_of(statement)
    function = context.function if context is not None else None
    if function is None:
        return False
    order = {key: n for n, key in enumerate(ctx.index.contexts)}
    at = order.get(id(statement), -1)
    inside = {id(n) for line in (statement, *later) for n in walk_nodes(line)}
    rebinds = [
        order.get(id(ctx.index.statement_of(n)), -1)
        for n in walk_nodes(function)
        if isinstance(n, cst.Name)
        and n.value == name
        and isinstance(ctx.index.parent_of(n), cst.AssignTarget)
        and id(n) not in inside
    ]
    for node in walk_nodes(function):
        if not (isinstance(node, cst.Name) and node.value == name) or id(node) in inside:
            continue
        if isinstance(ctx.index.parent_of(node), cst.AssignTarget):
            continue
        where = order.get(id(ctx.index.statement_of(node)), -1)
        if where > at and not any(at < rebind < where for rebind in rebinds):
            return True
    return False


def _counted(later: list[Statement], name: str, lines: list[Statement]) -> list[Statement] | None:
    """``lines`` when, of ``later``, only they read ``name`` (nested functions aside)."""
    if any(
        mentions(line, name)
        for line in later
        if line not in lines and not isinstance(line, (cst.FunctionDef, cst.ClassDef))
    ):
        return None
    return lines


def _until_reassigned(lines: list[Statement], name: str) -> list[Statement]:
    """The statements up to the next plain ``name = ...`` (``resp`` reused for the next call)."""
    taken: list[Statement] = []
    for line in lines:
        if (
            isinstance(line, cst.SimpleStatementLine)
            and len(line.body) == 1
            and isinstance(line.body[0], cst.Assign)
            and any(
                isinstance(t.target, cst.Name) and t.target.value == name
                for t in line.body[0].targets
            )
            and not mentions(line.body[0].value, name)
        ):
            break
        taken.append(line)
    return taken


def _returns_response(statement: Statement, name: str) -> bool:
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


def _result_discarded(ctx: RuleContext, function: cst.FunctionDef | None) -> bool:
    """No call of ``function`` in the module uses its value.

    HeyGen's start response held only a status (``{"code": 100, "data": null}``), so a start
    function called from elsewhere returned nothing its callers could use either.
    """
    if function is None:
        return False
    name = function.name.value
    calls = [
        call
        for call in ctx.index.calls
        if call.name is not None and call.name.split(".")[-1] == name
    ]
    for call in calls:
        parent = ctx.index.parent_of(call.node)
        if isinstance(parent, cst.Await):
            parent = ctx.index.parent_of(parent)
        if not isinstance(parent, cst.Expr):
            return False
    return True


def _is_success_test(expr: cst.BaseExpression, name: str) -> bool:
    """``resp.ok``, ``resp.is_success``, ``resp.status_code == 200``, ``resp.status in (200, 201)``."""
    if isinstance(expr, cst.Attribute):
        return (
            isinstance(expr.value, cst.Name)
            and expr.value.value == name
            and expr.attr.value in ("ok", "is_success")
        )
    if isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1:
        left = expr.left
        target = expr.comparisons[0]
        if not (
            isinstance(left, cst.Attribute)
            and isinstance(left.value, cst.Name)
            and left.value.value == name
            and left.attr.value in ("status_code", "status")
        ):
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


def _success_statement(statement: Statement, name: str) -> Statement | list[Statement] | None:
    """What a statement that tests the start's success becomes now that it always succeeded."""
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if (
            isinstance(small, cst.Return)
            and small.value is not None
            and _is_success_test(small.value, name)
        ):
            return statement.with_changes(
                body=[small.with_changes(value=cst.Name("True"))],
                leading_lines=[*statement.leading_lines, _no_op_comment()],
            )
        return None
    if (
        isinstance(statement, cst.If)
        and statement.orelse is None
        and _is_success_test(statement.test, name)
        and isinstance(statement.body, cst.IndentedBlock)
        and statement.body.body
    ):
        lines = list(statement.body.body)
        last = lines[-1]
        if isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return):
            if any(mentions(line, name) for line in lines):
                return None
            first = lines[0]
            lines[0] = first.with_changes(
                leading_lines=[*statement.leading_lines, _no_op_comment()]
            )
            return [line for line in lines]  # type: ignore[misc]
    return None


def _is_check(statement: Statement, name: str) -> bool:
    """``name.raise_for_status()``, ``print(name.status_code)``, ``log.info(..., name.text)``,
    or ``if name.status_code != 200: raise ...`` / ``if not name.ok: ...`` (no ``else``)."""
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
        return simple and all(
            isinstance(small, cst.Raise)
            or (isinstance(small, cst.BaseSmallStatement) and _is_check_expr(small, name))
            for small in smalls
        )
    return False


def _is_check_expr(small: cst.BaseSmallStatement, name: str) -> bool:
    if not isinstance(small, cst.Expr):
        return False
    value = small.value
    if isinstance(value, cst.Await):
        value = value.expression
    if not isinstance(value, cst.Call):
        return False
    func = value.func
    if isinstance(func, cst.Attribute):
        if isinstance(func.value, cst.Name) and func.value.value == name:
            return func.attr.value in _CHECKS
        return func.attr.value in _LOGGERS
    if (
        isinstance(func, cst.Name)
        and value.args
        and isinstance(value.args[0].value, cst.Name)
        and value.args[0].value.value == name
    ):
        return True  # ``_check(resp, "start")``: a helper that checks it; its value is dropped
    return isinstance(func, cst.Name) and func.value in _LOGGERS


def _block_replacement(
    ctx: RuleContext, statement: cst.With, item: cst.WithItem
) -> list[Statement] | None:
    """What replaces ``with post(...) as resp:`` whose body only checks ``resp``.

    ``[]`` when nothing does; the body's success branch when it tests the status and returns.
    """
    body = statement.body
    if not isinstance(body, cst.IndentedBlock):
        return None
    name = item.asname.name.value if item.asname and isinstance(item.asname.name, cst.Name) else ""
    function = ctx.index.context_of(statement)
    for position, line in enumerate(body.body):
        if isinstance(line, cst.SimpleStatementLine) and all(
            isinstance(small, cst.Pass) for small in line.body
        ):
            continue
        if not isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return None
        if _is_check(line, name):
            continue
        if _returns_response(line, name) and _result_discarded(
            ctx, function.function if function is not None else None
        ):
            return [] if position == len(body.body) - 1 else None
        success = _success_statement(line, name)
        if success is None:
            return None
        return success if isinstance(success, list) else [success]
    return []


def _note_no_op(ctx: RuleContext, statement: Statement) -> None:
    """Say why the function does nothing where the start call was (one comment, once)."""
    context = ctx.index.context_of(statement)
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if body and _all_removed(ctx, body):
        replacement = cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=[_no_op_comment()])
        ctx.insert_before(statement, [replacement])


def _no_op_comment() -> cst.EmptyLine:
    return cst.EmptyLine(comment=cst.Comment(NO_OP_COMMENT))


def _all_removed(ctx: RuleContext, body: list[cst.CSTNode]) -> bool:
    removed = ctx.edits.removed
    return all(
        id(line) in removed or (isinstance(line, cst.SimpleStatementLine) and _is_docstring(line))
        for line in body
    )


def _is_docstring(line: cst.SimpleStatementLine) -> bool:
    return (
        len(line.body) == 1
        and isinstance(line.body[0], cst.Expr)
        and isinstance(line.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


__all__ = ["NO_OP_COMMENT", "retire_start"]
