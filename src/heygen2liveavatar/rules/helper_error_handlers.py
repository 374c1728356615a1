"""Handlers of an HTTP library's exception around a request that became a helper call.

``try: requests.post(".../streaming.task", ...) except requests.RequestException: return None``:
the event that replaces the request raises ``liveavatar_bridge.LiveAvatarError`` where the
request failed, which that handler does not catch, so a program that logged the failure and
went on would stop there. The handler is widened to catch it too; one that reads what only the
library's exception has (``exc.response``), or one of several handlers of specific exceptions,
is marked for a person (see ``analysis.error_contracts.http_error_handler``).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.error_contracts import HttpErrorHandler, http_error_handler
from ..apispec.session_fields import BRIDGE_MODULE
from .base import RuleContext

SHARED_WIDENED_HANDLERS = "helper_error_handlers.widened"
_HELPER_ERROR = "LiveAvatarError"


def catch_helper_errors(ctx: RuleContext, node: cst.CSTNode, what: str) -> None:
    """``except requests.RequestException:`` around ``node``, where a request's failure
    surfaced and a helper call (an event, a session start: ``what``) is now written, also
    catches the helper's ``LiveAvatarError``: the handler that logged the failure and went on
    would otherwise be passed by, and the program stops where it degraded (``error=`` does
    this for a project's own exception class)."""
    unseen = _unseen_handler(ctx, node)
    if unseen is None:
        return
    found, caught_type = unseen
    caught = ", ".join(f"`{name}`" for name in found.caught)
    if found.one_of_several:
        ctx.manual(
            caught_type,
            f"the {what} now raises `{BRIDGE_MODULE}.{_HELPER_ERROR}` where the request failed, "
            "and none of these handlers of the HTTP library's exceptions catches it: add it to "
            "the one that should",
        )
        return
    if found.reads_http_details:
        ctx.manual(
            caught_type,
            f"this handler of {caught} reads what only the HTTP library's exception has; the "
            f"{what} now raises `{BRIDGE_MODULE}.{_HELPER_ERROR}` (`status`, `body`): handle "
            "it here too",
        )
        return

    def widen(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        helper_error = cst.Attribute(cst.Name(module), cst.Name(_HELPER_ERROR))
        if isinstance(updated, cst.Tuple):
            elements = list(updated.elements)
            last = elements[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
            return updated.with_changes(elements=[*elements[:-1], last, cst.Element(helper_error)])
        return cst.Tuple(
            [
                cst.Element(updated, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
                cst.Element(helper_error),
            ]
        )

    module: list[str] = []
    if ctx.transform(caught_type, lambda updated: widen(module[0], updated)):
        module.append(ctx.require_support_module(BRIDGE_MODULE))
        ctx.fixed(
            caught_type,
            f"the handler of {caught} also catches `{BRIDGE_MODULE}.{_HELPER_ERROR}`, which the "
            f"{what} raises where the request failed",
        )


def mark_start_handler_left_behind(ctx: RuleContext, node: cst.CSTNode) -> None:
    """``try: post(".../streaming.start") except requests.RequestException: return None``:
    the start call is gone (the session starts where its token is created), so the handler
    can no longer fire, while ``liveavatar_bridge.start_session`` elsewhere raises where the
    start failed. Unless that call is inside the same handler's ``try`` (it was widened), a
    person moves the handling to it."""
    unseen = _unseen_handler(ctx, node)
    if unseen is None:
        return
    found, caught_type = unseen
    caught = ", ".join(f"`{name}`" for name in found.caught)
    ctx.manual(
        caught_type,
        f"this handler of {caught} handled a failed `streaming.start`, which is gone: the "
        f"session is started by `{BRIDGE_MODULE}.start_session` where its token is created, "
        f"which raises `{BRIDGE_MODULE}.{_HELPER_ERROR}`: handle it there",
    )


def _unseen_handler(
    ctx: RuleContext, node: cst.CSTNode
) -> tuple[HttpErrorHandler, cst.BaseExpression] | None:
    """The HTTP library's handler around ``node`` and the type it catches, unless an earlier
    call of this run handled it already (each handler is widened or marked once); it counts
    as handled now."""
    found = http_error_handler(ctx.index, node)
    widened = ctx.shared.setdefault(SHARED_WIDENED_HANDLERS, set())
    assert isinstance(widened, set)
    if found is None or id(found.handler) in widened or found.handler.type is None:
        return None
    widened.add(id(found.handler))
    return found, found.handler.type


def note_handled_start(ctx: RuleContext, node: cst.CSTNode) -> None:
    """The session start written at ``node`` raises the project's own class (``error=``):
    the handler around it handles the start where it now is, not a call left behind."""
    found = http_error_handler(ctx.index, node)
    if found is not None:
        widened = ctx.shared.setdefault(SHARED_WIDENED_HANDLERS, set())
        assert isinstance(widened, set)
        widened.add(id(found.handler))
