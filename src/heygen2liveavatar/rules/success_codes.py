"""Envelope ``code`` checks for H2L405: a 2xx test on a response object (``status_test``), or
a check that accepts LiveAvatar's success codes as well as HeyGen's.

Where a ``code == 100`` check cannot become an HTTP status check (no response object in scope:
a checking helper given the parsed body, a wrapper returning parsed JSON), the check stays and
accepts both success codes LiveAvatar's sources give: ``body.get("code") != 100`` ->
``body.get("code") not in (100, 1000)``, ``code in (100, None)`` -> ``code in (100, None,
1000)``. HeyGen's other APIs, whose answers a shared helper may check too, still pass with 100.
"""

from __future__ import annotations

import re
from functools import partial

import libcst as cst

from ..analysis.index import ComparisonSite, ModuleIndex, dotted_name, string_value, walk_nodes
from ..analysis.responses import data_key_of
from ..analysis.shared_clients import liveavatar_name
from ..apispec.session_fields import (
    BRIDGE_MODULE,
    ENVELOPE_CODE_KEY,
    HEYGEN_SUCCESS_CODE_STRINGS,
    HEYGEN_SUCCESS_CODES,
    LIVEAVATAR_SUCCESS_CODES,
)
from .base import RuleContext


def accepting_liveavatar_codes(
    node: cst.Comparison, read: cst.BaseExpression, other: cst.BaseExpression
) -> cst.BaseExpression | None:
    """``node`` (one comparison of the code ``read`` with the success code(s) ``other``)
    rewritten to accept LiveAvatar's success codes; ``None`` when its shape is not one of
    ``==``/``!=``/``is``/``is not`` an integer or ``in``/``not in`` a literal collection of
    integers (and ``None``)."""
    operator = node.comparisons[0].operator
    if not isinstance(other, cst.Integer) and dotted_name(other) is not None:
        # ``code != HEYGEN_OK``: the constant (HeyGen's 100) or LiveAvatar's other code
        if isinstance(operator, (cst.Equal, cst.Is)):
            found: cst.BaseCompOp = cst.In()
        elif isinstance(operator, (cst.NotEqual, cst.IsNot)):
            found = cst.NotIn()
        else:
            return None
        others = [code for code in LIVEAVATAR_SUCCESS_CODES if code not in HEYGEN_SUCCESS_CODES]
        constant = cst.Tuple(
            [
                cst.Element(other.deep_clone()),
                *(cst.Element(cst.Integer(str(code))) for code in others),
            ]
        )
        return cst.Comparison(
            read, [cst.ComparisonTarget(found, constant)], lpar=node.lpar, rpar=node.rpar
        )
    if isinstance(other, cst.Integer) and other.evaluated_value in HEYGEN_SUCCESS_CODES:
        if isinstance(operator, (cst.Equal, cst.Is)):
            membership: cst.BaseCompOp = cst.In()
        elif isinstance(operator, (cst.NotEqual, cst.IsNot)):
            membership = cst.NotIn()
        else:
            return None
        codes = cst.Tuple(
            [cst.Element(cst.Integer(str(code))) for code in LIVEAVATAR_SUCCESS_CODES]
        )
        return cst.Comparison(
            read, [cst.ComparisonTarget(membership, codes)], lpar=node.lpar, rpar=node.rpar
        )
    if (
        isinstance(operator, (cst.In, cst.NotIn))
        and other is node.comparisons[0].comparator
        and isinstance(other, (cst.Tuple, cst.List, cst.Set))
    ):
        present = set()
        for element in other.elements:
            value = element.value
            if isinstance(value, cst.Integer):
                present.add(value.evaluated_value)
            elif not (type(value) is cst.Name and value.value == "None"):
                return None  # a string code ("SUCCESS"): not LiveAvatar's, left to a person
        missing = [code for code in LIVEAVATAR_SUCCESS_CODES if code not in present]
        if not missing:
            return node
        elements = [*other.elements]
        if elements:
            elements[-1] = elements[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        elements.extend(cst.Element(cst.Integer(str(code))) for code in missing)
        return node.with_changes(
            comparisons=[
                node.comparisons[0].with_changes(comparator=other.with_changes(elements=elements))
            ]
        )
    return None


def liveavatar_code_pattern(pattern: cst.MatchPattern) -> cst.MatchPattern | None:
    """``case {"code": 100, ...}`` -> ``case {"code": 100 | 1000, ...}``: the value pattern
    of an envelope's ``code`` accepting LiveAvatar's success codes; ``None`` for other
    patterns."""
    if not (
        isinstance(pattern, cst.MatchValue)
        and isinstance(pattern.value, cst.Integer)
        and pattern.value.evaluated_value in HEYGEN_SUCCESS_CODES
    ):
        return None
    separator = cst.BitOr(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" "))
    codes = [cst.MatchValue(cst.Integer(str(code))) for code in LIVEAVATAR_SUCCESS_CODES]
    return cst.MatchOr(
        [
            cst.MatchOrElement(
                code, separator=separator if at < len(codes) - 1 else cst.MaybeSentinel.DEFAULT
            )
            for at, code in enumerate(codes)
        ]
    )


_CODE_MESSAGE = (
    "check the HTTP status of the response instead of the envelope `code`: LiveAvatar's success "
    "code is 100 in the API reference but 1000 in the web SDK"
)


SPLIT_WRAPPER_CHECKS = "success_codes.split_wrapper_checks"
"""``ctx.shared``: ``id`` of a check's replacement -> the check as written, for the checks
H2L405 rewrote inside a function (a wrapper the run may split: :func:`keep_heygen_checks`)."""


def note_split_wrapper_check(
    ctx: RuleContext, site: ComparisonSite, replacement: cst.CSTNode
) -> None:
    """``replacement`` of the check ``site``, inside a function: if a split gives that
    function (a request wrapper shared by HeyGen's video API and streaming) a LiveAvatar
    sibling, the replacement is the sibling's only (:func:`keep_heygen_checks`)."""
    if site.context.function is None:
        return
    checks = ctx.shared.setdefault(SPLIT_WRAPPER_CHECKS, {})
    assert isinstance(checks, dict)
    checks[id(replacement)] = site.node


def split_for_heygen(ctx: RuleContext, site: ComparisonSite) -> bool:
    """The check ``site`` is in a wrapper split already (a pass over the tool's own output, or
    a second run): a function of the same scope is its LiveAvatar sibling (``heygen_post``
    beside ``liveavatar_post``, ``_get`` beside ``_liveavatar_get``), which the streaming calls
    go through; the wrapper serves HeyGen's other APIs, whose success code is 100."""
    function = site.context.function
    if function is None:
        return False
    sibling = liveavatar_name(function.name.value)
    if sibling == function.name.value:
        return False
    block = ctx.index.parent_of(function)
    body = ctx.index.module.body if block is ctx.index.module else getattr(block, "body", ())
    return any(
        isinstance(statement, cst.FunctionDef) and statement.name.value == sibling
        for statement in body
    )


def keep_heygen_checks(ctx: RuleContext, wrapper: cst.FunctionDef) -> None:
    """``wrapper``, split for its streaming calls (its LiveAvatar sibling inserted beside it,
    made from it with the rules' edits), serves HeyGen's other APIs only, whose success code
    is 100: it keeps its success checks as written; those H2L405 rewrote to accept
    LiveAvatar's codes are its sibling's."""
    checks = ctx.shared.setdefault(SPLIT_WRAPPER_CHECKS, {})  # filled by H2L405, later
    assert isinstance(checks, dict)
    ctx.transform(wrapper, partial(restore_checks, checks))


def restore_checks(checks: dict[int, cst.CSTNode], updated: cst.CSTNode) -> cst.CSTNode:
    """``updated`` with the checks H2L405 rewrote in it (``checks``) as they were written."""
    kept: cst.CSTNode = updated
    for node in walk_nodes(updated):
        original = checks.get(id(node))
        if original is not None:
            kept = kept.deep_replace(node, original)
    return kept


def accept_both_codes(
    ctx: RuleContext, site: ComparisonSite, read: cst.BaseExpression, other: cst.BaseExpression
) -> bool:
    """A code check with no response object to test: it accepts LiveAvatar's success codes
    too (marked where its shape does not allow that)."""
    node = site.node
    replacement = accepting_liveavatar_codes(node, read, other)
    if replacement is None:
        ctx.manual(node, _CODE_MESSAGE)
    elif replacement is not node and ctx.replace(node, replacement):
        note_split_wrapper_check(ctx, site, replacement)
        ctx.fixed(
            node,
            "accepts LiveAvatar's success codes (100 in the API reference, 1000 in the web SDK) "
            "where no HTTP status is in scope",
        )
    return True


def made_by_bridge(envelope: cst.BaseExpression, site: ComparisonSite) -> bool:
    """Is ``envelope`` (or the one value of the local it names) built by the helper module
    (``liveavatar_bridge.heygen_response(resp)``)? Its ``code`` is HeyGen's 100: a check on it
    stays as it is (and a second run leaves it so)."""
    value = single_value(envelope, site) or envelope
    if isinstance(value, cst.Await):
        value = value.expression
    if not isinstance(value, cst.Call):
        return False
    name = dotted_name(value.func)
    return name is not None and name.startswith(BRIDGE_MODULE + ".")


def checks_other_apis_only(ctx: RuleContext, site: ComparisonSite) -> bool:
    """Does the function of ``site`` send requests, all of them to HeyGen's other APIs
    (``video_status.get``)? Their ``code`` stays HeyGen's."""
    function = site.context.function
    sent = [request for request in ctx.requests if request.call.context.function is function]
    return bool(sent) and all(request.is_other_heygen_api for request in sent)


def code_read(read: cst.BaseExpression) -> tuple[cst.BaseExpression, str] | None:
    """``(envelope, "code")`` for ``envelope["code"]``, ``envelope.get("code")`` or
    ``envelope.code`` (a model parsed from the envelope), also as the first branch of a
    conditional (``body.get("code") if isinstance(body, dict) else 100``)."""
    if isinstance(read, cst.IfExp):
        read = read.body
    keyed = data_key_of(read)
    if keyed is not None:
        return (keyed[0], keyed[1]) if keyed[1] == ENVELOPE_CODE_KEY else None
    if isinstance(read, cst.Attribute) and read.attr.value == ENVELOPE_CODE_KEY:
        return read.value, ENVELOPE_CODE_KEY
    return None


def single_value(read: cst.BaseExpression, site: ComparisonSite) -> cst.BaseExpression | None:
    """The value of ``read`` when it is a local name assigned once in this scope."""
    if type(read) is not cst.Name:
        return None
    values = site.context.scope.assignments.get(read.value)
    if values is None or len(values) != 1:
        return None
    return values[0]


def is_success_code(node: cst.BaseExpression, index: ModuleIndex | None = None) -> bool:
    if isinstance(node, cst.Integer):
        return node.evaluated_value in HEYGEN_SUCCESS_CODES
    if index is not None and success_constant(node, index):
        return True
    text = string_value(node)
    if text is not None:
        return text in HEYGEN_SUCCESS_CODE_STRINGS
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)) and node.elements:
        # ``code not in (100, None)``: an envelope without a code passes too
        codes = [e.value for e in node.elements if not _is_none(e.value)]
        return bool(codes) and all(is_success_code(code) for code in codes)
    return False


_SUCCESS_NAME = re.compile(r"(?:^|_)(?:OK|SUCCESS|SUCCEEDED)(?:_|$)")


def success_constant(node: cst.BaseExpression, index: ModuleIndex) -> bool:
    """``HEYGEN_OK`` (``HEYGEN_OK = 100`` in this module), or an upper-case constant of another
    module named for success (``consts.SUCCESS_CODE``, ``from .consts import HEYGEN_OK``)
    that an envelope ``code`` is compared with."""
    name = dotted_name(node)
    if name is None:
        return False
    if "." not in name and name not in index.imports:
        values = index.module_scope.assignments.get(name, [])
        return len(values) == 1 and is_success_code(values[0])
    last = name.rpartition(".")[2]
    return last.isupper() and _SUCCESS_NAME.search(last) is not None


def _is_none(node: cst.BaseExpression) -> bool:
    return type(node) is cst.Name and node.value == "None"


def status_test(client: str | None, response: cst.BaseExpression) -> cst.BaseExpression | None:
    """A 2xx test on ``response``, a response object of ``client``."""
    if client == "requests":
        return cst.Attribute(response, cst.Name("ok"))
    if client == "httpx":
        return cst.Attribute(response, cst.Name("is_success"))
    if client in ("aiohttp", "urllib"):
        return cst.Comparison(
            cst.Integer("200"),
            [
                cst.ComparisonTarget(
                    cst.LessThanEqual(), cst.Attribute(response, cst.Name("status"))
                ),
                cst.ComparisonTarget(cst.LessThan(), cst.Integer("300")),
            ],
        )
    return None


__all__ = [
    "accept_both_codes",
    "accepting_liveavatar_codes",
    "checks_other_apis_only",
    "code_read",
    "is_success_code",
    "liveavatar_code_pattern",
    "made_by_bridge",
    "single_value",
    "status_test",
]
