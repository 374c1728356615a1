"""Parsing a response the code never parsed: where the parse goes, and how it reads.

LiveAvatar's ``/v1/sessions/start`` response carries the LiveKit room that HeyGen returned from
``streaming.new``, so a start response that the code only checked must now be parsed and kept.
The parse goes after the error checks that directly follow the request
(``resp.raise_for_status()``, ``if resp.status_code != 201: raise ...``: an error body may not
be JSON) and before a statement that ends the flow (a ``return`` at the end of a ``with``
block). The parse is spelled per client: ``resp.json()``, ``await resp.json()`` (aiohttp),
``(await client.post(...)).json()`` (httpx), ``json.load(resp)`` (urllib). Read by H2L102.
"""

from __future__ import annotations

import libcst as cst

from ..apispec.session_fields import ENVELOPE_DATA_KEY
from .index import ModuleIndex, Statement
from .session_flow import mentions


def after_error_checks(index: ModuleIndex, statement: Statement, name: str) -> Statement | None:
    """The statement after which to parse a response: the request, or the error checks
    that follow it directly.

    ``resp.raise_for_status()`` and ``if resp.status_code != 201: raise ...`` stay before
    the parse (an error body may not be JSON); anything else (a success branch that
    returns) comes after it.
    """
    context = index.context_of(statement)
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if statement not in body:
        return None
    anchor: Statement = statement
    for other in body[body.index(statement) + 1 :]:
        if not isinstance(other, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            break
        if not mentions(other, name) or not is_error_check(other):
            break
        anchor = other
    return anchor


def is_error_check(statement: cst.CSTNode) -> bool:
    """``resp.raise_for_status()``, or ``if <check>: raise ...`` without an ``else``."""
    if isinstance(statement, cst.SimpleStatementLine):
        return all(isinstance(small, cst.Expr) for small in statement.body)
    if isinstance(statement, cst.If) and statement.orelse is None:
        body = statement.body
        last = body.body[-1] if isinstance(body, cst.IndentedBlock) and body.body else None
        if isinstance(body, cst.SimpleStatementSuite):
            return any(isinstance(small, cst.Raise) for small in body.body)
        return isinstance(last, cst.SimpleStatementLine) and any(
            isinstance(small, cst.Raise) for small in last.body
        )
    return False


def ends_flow(statement: cst.CSTNode) -> bool:
    """A line that returns, raises, continues or breaks."""
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, (cst.Return, cst.Raise, cst.Continue, cst.Break))
        for small in statement.body
    )


def parsed(value: cst.BaseExpression, awaited: bool, client: str) -> cst.BaseExpression:
    """The JSON of a response expression: ``value.json()``, ``(await value).json()``..."""
    if awaited and isinstance(value, cst.Await):
        inner = value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        json_call = cst.Call(func=cst.Attribute(inner, cst.Name("json")))
        return cst.Await(json_call) if client == "aiohttp" else json_call
    return cst.Call(func=cst.Attribute(value, cst.Name("json")))


def parse_of(response: str, client: str, awaited: bool) -> cst.BaseExpression:
    """The JSON of the response bound to ``response``: ``json.load(resp)`` for urllib,
    ``await resp.json()`` for aiohttp (and awaited clients other than httpx), else
    ``resp.json()``."""
    parse: cst.BaseExpression
    if client == "urllib":
        return cst.Call(
            func=cst.Attribute(cst.Name("json"), cst.Name("load")),
            args=[cst.Arg(cst.Name(response))],
        )
    parse = cst.Call(func=cst.Attribute(cst.Name(response), cst.Name("json")))
    if client == "aiohttp" or (awaited and client != "httpx"):
        parse = cst.Await(parse)
    return parse


def data_of(expr: cst.BaseExpression) -> cst.Subscript:
    """``expr["data"]``: the payload of a LiveAvatar envelope."""
    return cst.Subscript(
        value=expr,
        slice=[cst.SubscriptElement(cst.Index(cst.SimpleString(f'"{ENVELOPE_DATA_KEY}"')))],
    )
