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

from ..analysis.call_shape import awaited_helper_of_lambda, result_expression
from ..analysis.http import RequestSite, response_call
from ..analysis.index import Statement, walk_nodes
from ..analysis.names import binding_reads
from ..analysis.response_checks import (
    called_here,
    checks_call_inline,
    is_check,
    is_docstring,
    is_success_test,
    only_checks,
    parsed_checks,
    read_after_block,
    read_only_by,
    result_discarded,
    returns_response,
    until_reassigned,
)
from ..analysis.session_flow import mentions
from ..analysis.with_blocks import retry_loop
from .base import RuleContext
from .helper_error_handlers import mark_start_handler_left_behind
from .start_answers import started_envelope, started_response

NO_OP_COMMENT = (
    "# LiveAvatar: the session is started where its token is created "
    "(liveavatar_bridge.start_session)."
)


def retire_start(ctx: RuleContext, request: RequestSite) -> bool:
    """Remove the start call and its response checks; ``False`` when that is not safe."""
    index = ctx.index
    statement = request.call.context.statement
    runner = response_call(index, request.node)
    if runner is not request.node:
        # ``start = functools.partial(post, url, body)`` then ``await run(start)``: the
        # runner's statement goes (the partial, left unused, is pruned).
        statement = index.statement_of(runner) or statement
    if statement is None or ctx.is_suppressed(statement):
        return False
    # ``await call`` / ``asyncio.run(call)``: the value the statement gets (a thread runner's,
    # for a ``functools.partial(requests.post, ...)`` it runs)
    outer: cst.CSTNode = result_expression(index, runner)
    # ``started = await with_retry(lambda: client.post(start))``: the helper's value is what
    # the statement gets, and only checked, the whole line goes.
    outer = awaited_helper_of_lambda(index, request.call) or outer
    removed: list[Statement] = []
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if isinstance(small, cst.Expr) and only_checks(small.value, outer):
            removed = [statement]
        elif (
            isinstance(small, cst.Return)
            and small.value is not None
            and only_checks(small.value, outer)
        ):
            # ``return self._request("/streaming.start", ...)``
            function = request.call.context.function
            discarded = result_discarded(ctx.index, function)
            answer = None
            if not (discarded and called_here(ctx.index, function)):
                # Callers may check the answer, in other modules too (which this module
                # cannot tell): they get HeyGen's answer to a start, as a response or parsed.
                answer = started_envelope(statement, "") or started_response(
                    ctx, statement, small, request
                )
            if answer is not None:
                ctx.insert_before(statement, [answer])
            elif not discarded:
                return False
            removed = [statement]
        elif (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and only_checks(small.value, outer)
        ):
            name = small.targets[0].target.value
            checks = check_statements(ctx, statement, name)
            if checks is None:
                return False
            removed = [statement, *checks]
    elif isinstance(statement, cst.If) and checks_call_inline(statement, outer):
        removed = [statement]  # ``if not post(".../streaming.start", ...).ok: return None``
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
    note_no_op(ctx, statement)
    mark_start_handler_left_behind(ctx, request.node)
    ctx.fixed(
        request.node,
        "removes the start call: the session is started right after its token call "
        "(`liveavatar_bridge.start_session`), and LiveAvatar refuses a second start",
    )
    return True


def check_statements(ctx: RuleContext, statement: Statement, name: str) -> list[Statement] | None:
    """The statements after ``statement`` that read ``name`` only to check or log it."""
    context = ctx.index.context_of(statement)
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if statement not in body:
        return None
    function = context.function if context is not None else None
    checks: list[Statement] = []
    later = until_reassigned(body[body.index(statement) + 1 :], name)
    # ``try: ... finally: resp = post(stop)`` then ``resp.is_error``: a statement that binds
    # the name again before any read of it reads another response.
    reads = (
        {id(read) for read in binding_reads(ctx.index, function, statement, name).every}
        if function is not None
        else None
    )
    later = [
        line
        for line in later
        if reads is None
        or not mentions(line, name)
        or any(id(node) in reads for node in walk_nodes(line))
    ]
    for position, other in enumerate(later):
        if not mentions(other, name) or isinstance(other, (cst.FunctionDef, cst.ClassDef)):
            continue  # a function defined later has its own ``resp``
        if is_check(other, name):
            checks.append(other)
            continue
        parsed = parsed_checks(ctx.index, other, name, later[position + 1 :])
        if parsed is not None:
            checks.extend(parsed)
            continue
        success = _success_statement(other, name)
        if success is None and returns_response(other, name):
            envelope = started_envelope(other, name)
            if envelope is not None:
                # ``return resp.json()``: callers (also in other modules) may check its
                # ``code``; HeyGen's start answered this envelope, so that is returned.
                success = [envelope]
            elif result_discarded(ctx.index, function):
                success = []  # ``return resp`` whose every caller drops the value
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
    if read_only_by(later, name, checks) is None or read_after_block(
        ctx.index, statement, name, later
    ):
        return None
    return checks


def _success_statement(statement: Statement, name: str) -> Statement | list[Statement] | None:
    """What a statement that tests the start's success becomes now that it always succeeded."""
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if (
            isinstance(small, cst.Return)
            and small.value is not None
            and is_success_test(small.value, name)
        ):
            return statement.with_changes(
                body=[small.with_changes(value=cst.Name("True"))],
                leading_lines=[*statement.leading_lines, _no_op_comment()],
            )
        return None
    if (
        isinstance(statement, cst.If)
        and statement.orelse is None
        and is_success_test(statement.test, name)
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
        if is_check(line, name):
            continue
        if returns_response(line, name):
            if position != len(body.body) - 1:
                return None
            owner = function.function if function is not None else None
            discarded = result_discarded(ctx.index, owner)
            if discarded and called_here(ctx.index, owner):
                return []  # every caller here drops the value
            # ``return await resp.json()``: callers, in other modules too, get HeyGen's answer.
            envelope = started_envelope(line, name)
            if envelope is not None:
                return [envelope]
            return [] if discarded else None
        success = _success_statement(line, name)
        if success is None:
            return None
        return success if isinstance(success, list) else [success]
    return []


def note_no_op(ctx: RuleContext, statement: Statement) -> None:
    """Say why the function does nothing where the start call was (one comment, once)."""
    context = ctx.index.context_of(statement)
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if not body or not _all_removed(ctx, body):
        return
    # A statement takes the removed ones' place (``return {"code": 100, ...}``): the comment
    # goes above it, and no ``pass``.
    for line in body:
        inserted = ctx.edits.before.get(id(line))
        if inserted:
            first = inserted[0]
            if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                comments = [*first.leading_lines, _no_op_comment()]
                inserted[0] = first.with_changes(leading_lines=comments)
            return
    loop = retry_loop(ctx.index, owner)
    if loop is not None and not ctx.is_suppressed(loop):
        # ``async for attempt in AsyncRetrying(...): with attempt: <start>``: the retries
        # retried the start alone; the loop goes with it.
        ctx.edits.remove(loop)
        note_no_op(ctx, loop)
        return
    replacement = cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=[_no_op_comment()])
    ctx.insert_before(statement, [replacement])


def _no_op_comment() -> cst.EmptyLine:
    return cst.EmptyLine(comment=cst.Comment(NO_OP_COMMENT))


def _all_removed(ctx: RuleContext, body: list[cst.CSTNode]) -> bool:
    removed = ctx.edits.removed
    return all(
        id(line) in removed or (isinstance(line, cst.SimpleStatementLine) and is_docstring(line))
        for line in body
    )


__all__ = ["NO_OP_COMMENT", "check_statements", "note_no_op", "retire_start"]
