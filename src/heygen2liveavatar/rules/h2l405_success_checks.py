"""H2L405: ``code == 100`` success checks become HTTP status checks; start answers 201."""

from __future__ import annotations

import libcst as cst

from ..analysis.index import ComparisonSite, string_value
from ..analysis.match_patterns import pattern_reads, subject_key_elements
from ..analysis.responses import DATA, OBJECT, UNKNOWN, Origin, data_key_of
from ..analysis.session_flow import SessionFlow, session_flow
from ..analysis.wrapper_checks import streaming_wrappers, wrapper_response
from ..apispec.session_fields import (
    ENVELOPE_CODE_KEY,
    ENVELOPE_MESSAGE_KEY,
    HEYGEN_SUCCESS_MESSAGE,
    START_SUCCESS_STATUS,
)
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .success_codes import (
    accept_both_codes,
    checks_other_apis_only,
    code_read,
    is_success_code,
    liveavatar_code_pattern,
    made_by_bridge,
    note_split_wrapper_check,
    single_value,
    split_for_heygen,
    status_test,
)
from .task_response_shape import adapted_here

_STATUS_ATTRIBUTES = frozenset({"status_code", "status"})
_HTTP_OK = 200


class SuccessChecksRule(Rule):
    code = "H2L405"
    name = "success-checks"
    summary = (
        "`code == 100` checks on session responses become HTTP status checks; "
        "`status_code == 200` on the start call becomes 201."
    )
    fix = FIX_UNSAFE
    description = """
HeyGen signalled success with `code: 100` in the JSON envelope. LiveAvatar's envelope also has
a `code`, but the sources disagree on its success value (100 in the API reference, 1000 in the
official web SDK), so a ported `code == 100` check may reject every successful call. The rule
rewrites such checks on the responses of HeyGen requests to an HTTP status check on the
response object when that object is in scope (`resp.ok` for requests, `resp.is_success` for
httpx, `200 <= resp.status < 300` for aiohttp and urllib). Where no response object is in
scope (a checking helper given the parsed body, a wrapper returning parsed JSON, a model's
`env.code`, a `match` case `{"code": 100, ...}`), the check accepts both success codes instead:
`body.get("code") not in (100, 1000)`, `code in (100, None, 1000)`, `case {"code": 100 | 1000}`.
A check inside a project's request wrapper (`_post(path, payload)`, also in a module of its own)
counts as one on a HeyGen response when streaming calls go through that wrapper: every migrated
call is checked there. Checks in functions that only call HeyGen's other APIs stay.

`POST /v1/sessions/start` answers **201 Created**: a `status_code == 200` check on the start
response becomes `== 201`.
"""
    example_before = """
import requests


def keep_alive(session_id, headers):
    resp = requests.post(
        "https://api.heygen.com/v1/streaming.keep_alive",
        json={"session_id": session_id},
        headers=headers,
    )
    body = resp.json()
    if body["code"] != 100:
        raise RuntimeError(body["message"])
"""
    example_after = """
import requests


def keep_alive(session_id, headers):
    resp = requests.post(
        "https://api.liveavatar.com/v1/sessions/keep-alive",
        json={"session_id": session_id},
        headers=headers,
    )
    body = resp.json()
    if not resp.ok:
        raise RuntimeError(body["message"])
"""

    def check(self, ctx: RuleContext) -> None:
        if not ctx.streaming_requests and ctx.settings_role == "none":
            # A module of a streaming project without streaming calls of its own (a request
            # wrapper other modules send them through) checks their answers too.
            return
        flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
        self._wrappers: set[int] | None = None
        for site in ctx.index.comparisons:
            node = site.node
            if len(node.comparisons) != 1 or flow.is_removed(node):
                continue
            if split_for_heygen(ctx, site):
                continue  # its LiveAvatar sibling checks the streaming answers
            if not self._code_check(ctx, flow, site) and not self._message_check(ctx, flow, site):
                self._start_status(ctx, flow, site)
        # ``match body: case {"code": 100, "data": ...}:``
        # (also in a wrapper streaming calls go through: ``match body:`` of its own request)
        if self._wrappers is None:
            self._wrappers = streaming_wrappers(ctx.index, ctx.streaming_requests)
        elements = [
            *(read.element for read in pattern_reads(ctx.index, flow.tracker, {ENVELOPE_CODE_KEY})),
            *subject_key_elements(ctx.index, {ENVELOPE_CODE_KEY}, self._wrappers),
        ]
        for element in elements:
            pattern = element.pattern
            accepting = liveavatar_code_pattern(pattern)
            if (
                accepting is not None
                and not flow.is_removed(element)
                and ctx.replace(pattern, accepting)
            ):
                ctx.fixed(pattern, "this pattern accepts LiveAvatar's success codes (100 or 1000)")

    # ``body["message"] == "success"`` (also through ``message = body["message"]``) ------------
    def _message_check(self, ctx: RuleContext, flow: SessionFlow, site: ComparisonSite) -> bool:
        node = site.node
        target = node.comparisons[0]
        for read, other in ((node.left, target.comparator), (target.comparator, node.left)):
            text = string_value(other)
            if text is None or text.lower() != HEYGEN_SUCCESS_MESSAGE:
                continue
            keyed = data_key_of(single_value(read, site) or read)
            if keyed is None or keyed[1] != ENVELOPE_MESSAGE_KEY:
                continue
            origin = flow.tracker.classify(keyed[0], site.context)
            if origin is None or origin.kind not in (DATA, UNKNOWN):
                continue
            negated = _negated(target.operator)
            status = None if negated is None else _status_check(origin, site, flow)
            if status is None or type(read) is cst.Name:
                # Through a local: the status test would leave the local unused, and its
                # ``.json()`` read may be all that raises on a bad response.
                ctx.manual(node, _MESSAGE_MESSAGE)
                return True
            replacement: cst.BaseExpression = (
                cst.UnaryOperation(cst.Not(), status) if negated else status
            )
            replacement = replacement.with_changes(lpar=node.lpar, rpar=node.rpar)
            if ctx.replace(node, replacement):
                ctx.fixed(
                    node,
                    'checks the HTTP status instead of `message == "success"` (HeyGen\'s '
                    "envelope text; LiveAvatar's `message` says something else)",
                )
            return True
        return False

    # ``body["code"] != 100`` ------------------------------------------------------------------
    def _code_check(self, ctx: RuleContext, flow: SessionFlow, site: ComparisonSite) -> bool:
        node = site.node
        target = node.comparisons[0]
        sides = [(node.left, target.comparator), (target.comparator, node.left)]
        for read, other in sides:
            # ``code = body.get("code", 100)`` read once, then ``if code in (100, None)``
            keyed = code_read(single_value(read, site) or read)
            if keyed is None:
                continue
            if not is_success_code(other, ctx.index):
                continue
            origin = flow.tracker.classify(keyed[0], site.context)
            if origin is None and self._wrapper_code_check(ctx, flow, site, keyed[0], read, other):
                return True
            if origin is None:
                # A checking helper given the parsed body, a response the tracker does not
                # follow: unless the function only calls HeyGen's other APIs, it may check a
                # LiveAvatar answer.
                if checks_other_apis_only(ctx, site) or made_by_bridge(keyed[0], site):
                    continue
                return accept_both_codes(ctx, site, read, other)
            if origin.kind not in (DATA, UNKNOWN):
                continue
            if adapted_here(ctx, origin.request, site.context):
                return True  # an event now: the helper's response shape has `code` 100
            negated = _negated(target.operator)
            status = None if negated is None else _status_check(origin, site, flow)
            if status is None:
                return accept_both_codes(ctx, site, read, other)
            replacement: cst.BaseExpression = (
                cst.UnaryOperation(cst.Not(), status) if negated else status
            )
            replacement = replacement.with_changes(lpar=node.lpar, rpar=node.rpar)
            if ctx.replace(node, replacement):
                note_split_wrapper_check(ctx, site, replacement)
                ctx.fixed(
                    node,
                    "checks the HTTP status instead of the envelope `code` (LiveAvatar's success "
                    "code is 100 or 1000 depending on the source)",
                )
            return True
        return False

    def _wrapper_code_check(
        self,
        ctx: RuleContext,
        flow: SessionFlow,
        site: ComparisonSite,
        body: cst.BaseExpression,
        read: cst.BaseExpression,
        other: cst.BaseExpression,
    ) -> bool:
        """``body.get("code") != 100`` inside a wrapper that streaming calls go through (its
        own request has no streaming URL, so the tracker does not follow it): migrated like
        the same check next to a request."""
        function = site.context.function
        if function is None:
            return False
        if self._wrappers is None:
            self._wrappers = streaming_wrappers(ctx.index, ctx.streaming_requests)
        if id(function) not in self._wrappers:
            return False
        response = wrapper_response(flow.tracker, body, site.context)
        if response is None:
            return False
        node = site.node
        negated = _negated(node.comparisons[0].operator)
        if negated is None or response.handle is None or response.client is None:
            return accept_both_codes(ctx, site, read, other)
        status = status_test(response.client, response.handle.deep_clone())
        assert status is not None
        replacement: cst.BaseExpression = (
            cst.UnaryOperation(cst.Not(), status) if negated else status
        )
        replacement = replacement.with_changes(lpar=node.lpar, rpar=node.rpar)
        if ctx.replace(node, replacement):
            note_split_wrapper_check(ctx, site, replacement)
            ctx.fixed(
                node,
                "checks the HTTP status instead of the envelope `code` in this wrapper of "
                "streaming calls (LiveAvatar's success code is 100 or 1000 depending on the source)",
            )
        return True

    # ``resp.status_code == 200`` on the start response ----------------------------------------
    def _start_status(self, ctx: RuleContext, flow: SessionFlow, site: ComparisonSite) -> None:
        node = site.node
        target = node.comparisons[0]
        if not isinstance(target.operator, (cst.Equal, cst.NotEqual)):
            return
        for attribute, literal in ((node.left, target.comparator), (target.comparator, node.left)):
            if not (
                isinstance(attribute, cst.Attribute)
                and attribute.attr.value in _STATUS_ATTRIBUTES
                and isinstance(literal, cst.Integer)
                and literal.evaluated_value == _HTTP_OK
            ):
                continue
            origin = flow.tracker.classify(attribute.value, site.context)
            if origin is None or origin.kind != OBJECT or origin.endpoint_key != "start":
                continue
            new = literal.with_changes(value=str(START_SUCCESS_STATUS))
            if ctx.replace(literal, new):
                ctx.fixed(literal, f"/v1/sessions/start answers {START_SUCCESS_STATUS}, not 200")
            return


_MESSAGE_MESSAGE = (
    'check the HTTP status of the response instead of `message == "success"`: that is '
    "HeyGen's envelope text, LiveAvatar's `message` says something else"
)


def _negated(operator: cst.BaseCompOp) -> bool | None:
    if isinstance(operator, (cst.Equal, cst.Is, cst.In)):
        return False
    if isinstance(operator, (cst.NotEqual, cst.IsNot, cst.NotIn)):
        return True
    return None


def _status_check(
    origin: Origin, site: ComparisonSite, flow: SessionFlow
) -> cst.BaseExpression | None:
    """A 2xx test on the response object behind ``origin``, if that object is in scope here."""
    handle = origin.handle
    where = origin.handle_context
    if handle is None or where is None or where.function is not site.context.function:
        return None
    if flow.tracker.position(handle) > flow.tracker.position(site.node):
        return None
    return status_test(flow.tracker.client_of(origin.request), handle.deep_clone())


__all__ = ["SuccessChecksRule"]
