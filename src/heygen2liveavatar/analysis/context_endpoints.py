"""Knowledge-base URLs, which LiveAvatar calls Contexts: the path after the endpoint match,
the operation it names, and the operation word LiveAvatar no longer has.

HeyGen named the operation in the path (``/knowledge_base/list``, ``/{id}/delete``) where
LiveAvatar uses the HTTP method (``GET /v1/contexts``, ``DELETE /v1/contexts/{id}``). The rest
of the path may sit in later pieces of the URL (``f"{KB}/{kb_id}/delete"``), so
:func:`url_segments` lists the URL text after a match, up to its query, as segments of the
literals that hold it (``HOLE`` for an expression); :func:`context_operations` reads which
operation a HeyGen suffix names (``apispec.KNOWLEDGE_BASE_OPERATIONS``) and
:func:`operation_word` which trailing word the rewrite drops. Read by H2L303.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from ..apispec import KNOWLEDGE_BASE_OPERATIONS, EndpointMatch
from ..apispec.resources import KNOWLEDGE_BASE_DELETE_SUFFIX, KNOWLEDGE_BASE_OPERATION_SUFFIXES
from .endpoints import EndpointLiteral
from .http import RequestSite
from .index import ModuleIndex, child_nodes
from .values import Piece, ValueResolver

HOLE = "\x00"
"""Stands for an expression between literal pieces of a URL."""
OPERATION_VERBS = {"GET": "reads", "POST": "creates", "PATCH": "updates", "DELETE": "deletes"}
"""What each LiveAvatar method does to a context, for messages."""


@dataclass
class ContextOperation:
    heygen_method: str | None
    liveavatar_method: str
    liveavatar_suffix: str
    """``""`` or ``"/{id}"``."""


def context_operations(suffix: str) -> list[ContextOperation]:
    """Operations of ``KNOWLEDGE_BASE_OPERATIONS`` whose HeyGen suffix matches ``suffix``."""
    found: list[ContextOperation] = []
    normalised = suffix.rstrip("/") if suffix not in ("", "/") else suffix
    for pattern, heygen_method, liveavatar_method, liveavatar_suffix in KNOWLEDGE_BASE_OPERATIONS:
        if re.fullmatch(pattern, normalised):
            found.append(ContextOperation(heygen_method, liveavatar_method, liveavatar_suffix))
    # ``/list`` also matches ``/(?P<id>...)``: the table lists named operations first.
    if found and found[0].liveavatar_suffix == "" and normalised not in ("", "/"):
        return found[:1]
    return found


def operation_for_method(
    operations: list[ContextOperation], method: str | None, request: RequestSite | None = None
) -> ContextOperation | None:
    """The operation a request sending ``method`` performs, or ``None`` when unclear (an
    unknown method is fine when no candidate changes it). A wrapper choosing the method itself
    (``request.method_parameter``) performs the one operation left once a call with a body
    rules out reads (HeyGen's ``GET`` takes none)."""
    chosen = [op for op in operations if op.heygen_method == method]
    if not chosen and method is None and request is not None and request.method_parameter:
        candidates = [
            op
            for op in operations
            if not (request.payload is not None and op.heygen_method == "GET")
        ]
        if len({op.heygen_method for op in candidates}) == 1:
            chosen = candidates[:1]
    if not chosen and (
        len({op.liveavatar_method for op in operations}) == 1
        and operations
        and all(op.heygen_method == op.liveavatar_method for op in operations)
    ):
        chosen = operations[:1]  # the method is unknown but needs no change
    return chosen[0] if chosen else None


@dataclass
class UrlSegment:
    text: str
    node: cst.CSTNode | None
    start: int
    """Offset of ``text`` in the source value of ``node``."""


def url_segments(
    literal: EndpointLiteral,
    match: EndpointMatch,
    request: RequestSite | None,
    pieces: list[Piece] | None = None,
) -> list[UrlSegment]:
    """The URL text after ``match``, up to its query, as editable segments (of the URL
    ``request`` sends, or of ``pieces``: a constant built on the literal's)."""
    segments = [UrlSegment(literal.site.value[match.end :], literal.node, match.end)]
    if request is not None:
        pieces = request.pieces
    if pieces is not None:
        position = next((i for i, piece in enumerate(pieces) if piece.node is literal.node), None)
        if position is not None:
            segments += [
                UrlSegment(piece.text if piece.text is not None else HOLE, piece.node, 0)
                for piece in pieces[position + 1 :]
            ]
    kept: list[UrlSegment] = []
    for segment in segments:
        cut = re.search(r"[?#]", segment.text)
        if cut is not None:
            kept.append(UrlSegment(segment.text[: cut.start()], segment.node, segment.start))
            break
        kept.append(segment)
    return kept


def imported_context_url(request: RequestSite) -> tuple[EndpointMatch, list[UrlSegment]] | None:
    """The knowledge-base match of ``request`` and the URL text after it, as segments, when
    its endpoint is the text of a constant another module writes (``api.request("GET",
    KB_LIST)`` with ``KB_LIST`` from ``endpoints.py``, or ``f"{KB}/{kb_id}/delete"`` with
    ``KB`` imported): that module edits the path (``analysis/imported_urls.py``); the
    request's method, body, reads and the operation word of a literal here change here.
    ``None`` for any other request."""
    for use in request.endpoint_uses:
        if use.endpoint.key != "knowledge_base" or use.node is not None or not use.piece.via:
            continue
        position = next((i for i, p in enumerate(request.pieces) if p is use.piece), None)
        if position is None or use.piece.text is None:
            return None
        segments = [UrlSegment(use.piece.text[use.match.end :], None, 0)] + [
            UrlSegment(piece.text if piece.text is not None else HOLE, piece.node, 0)
            for piece in request.pieces[position + 1 :]
        ]
        kept: list[UrlSegment] = []
        for segment in segments:
            cut = re.search(r"[?#]", segment.text)
            if cut is not None:
                kept.append(UrlSegment(segment.text[: cut.start()], segment.node, 0))
                break
            kept.append(segment)
        return use.match, kept
    return None


def derived_constants(
    index: ModuleIndex, resolver: ValueResolver, literal: EndpointLiteral
) -> dict[str, list[Piece]]:
    """The module constants built on the constant ``literal`` is the value of
    (``KB_DELETE = KB_ITEM + "/delete"``, ``f"{KB}/list"``), by name, their URLs resolved to
    pieces: the operation word such a constant adds goes there. Module level only, one
    binding each."""
    name = literal.site.assigned_to
    context = literal.site.context
    if not name or "." in name or context.function is not None or context.class_def is not None:
        return {}
    found: dict[str, list[Piece]] = {}
    bases = {name}  # ``KB_DELETE = KB_ONE + "/delete"`` with ``KB_ONE = KB_ROOT + "/{kb_id}"``
    for other, values in index.module_scope.assignments.items():
        if other in bases or len(values) != 1 or not any(_names(values[0], b) for b in bases):
            continue
        pieces = resolver.resolve(values[0], context)
        if any(piece.node is literal.node for piece in pieces[:-1]):
            found[other] = pieces
            bases.add(other)
    return found


def _names(expr: cst.CSTNode, name: str) -> bool:
    """Does ``expr`` read the name ``name`` (a constant's value, a few nodes deep)?"""
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name) and node.value == name:
            return True
        if isinstance(node, (cst.BaseExpression, cst.FormattedStringExpression, cst.Arg)):
            stack.extend(child_nodes(node))
    return False


def operation_word(match: EndpointMatch, suffix: str) -> str:
    """The HeyGen operation word (``/list``, ``/delete``...) ending ``suffix`` after the match,
    or ``""``."""
    word = ""
    trimmed = suffix.rstrip("/")
    for candidate in (*KNOWLEDGE_BASE_OPERATION_SUFFIXES, KNOWLEDGE_BASE_DELETE_SUFFIX):
        if trimmed.endswith(candidate) and not match.kb_suffix.rstrip("/").endswith(candidate):
            word = candidate
    return word


def collapse_fstring(updated: cst.CSTNode) -> cst.CSTNode:
    """``f"{BASE}"`` (left once ``/list`` is dropped from ``f"{BASE}/list"``) -> ``BASE``."""
    assert isinstance(updated, cst.FormattedString)
    parts = [
        part
        for part in updated.parts
        if not (isinstance(part, cst.FormattedStringText) and not part.value)
    ]
    if len(parts) == 1 and isinstance(parts[0], cst.FormattedStringExpression):
        only = parts[0]
        if only.conversion is None and only.format_spec is None:
            return only.expression
    return updated
