"""Keys that ``match`` statements read from a tracked response with mapping patterns.

``match resp.json(): case {"code": 100, "data": {"url": str(url), ...}}:`` reads ``url`` from
the response as surely as ``resp.json()["data"]["url"]`` does: a HeyGen key the response no
longer has makes the case fall through. The keys are found here, in the envelope's ``data``
pattern or at the top of a ``data`` subject; H2L404 renames them like subscript reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from .index import Context, ModuleIndex, string_value
from .responses import DATA, UNKNOWN, Origin, ResponseTracker

ENVELOPE_DATA_KEY = "data"


@dataclass(frozen=True)
class PatternRead:
    """One key of a mapping pattern matched against a response's JSON."""

    key: str
    key_node: cst.SimpleString
    element: cst.MatchMappingElement
    origin: Origin
    context: Context


def _mappings(pattern: cst.MatchPattern) -> Iterator[cst.MatchMapping]:
    """The mapping patterns a case tries at the subject's level (``{...} as x``, ``a | b``)."""
    if isinstance(pattern, cst.MatchMapping):
        yield pattern
    elif isinstance(pattern, cst.MatchAs) and pattern.pattern is not None:
        yield from _mappings(pattern.pattern)
    elif isinstance(pattern, cst.MatchOr):
        for element in pattern.patterns:
            yield from _mappings(element.pattern)


def _keys(
    mapping: cst.MatchMapping, keys: frozenset[str] | set[str], envelope: bool
) -> Iterator[tuple[str, cst.SimpleString, cst.MatchMappingElement]]:
    for element in mapping.elements:
        if not isinstance(element.key, cst.SimpleString):
            continue
        key = string_value(element.key)
        if key is None:
            continue
        if envelope and key == ENVELOPE_DATA_KEY:
            for inner in _mappings(element.pattern):
                yield from _keys(inner, keys, envelope=False)
        elif key in keys:
            yield key, element.key, element


def subject_key_elements(
    index: ModuleIndex, keys: frozenset[str] | set[str], functions: set[int]
) -> list[cst.MatchMappingElement]:
    """Elements of ``keys`` in the envelope-level mapping patterns of ``match`` statements in
    the functions whose ``id`` is in ``functions``: a request wrapper's ``match body:``, whose
    response the tracker does not follow (its URL is the caller's)."""
    found: list[cst.MatchMappingElement] = []
    if not functions or not index.has_node_type(cst.Match):
        return found
    for node in index.nodes:
        if type(node) is not cst.Match:
            continue
        context = index.context_of(node)
        if context is None or context.function is None or id(context.function) not in functions:
            continue
        for case in node.cases:
            for mapping in _mappings(case.pattern):
                found.extend(element for _k, _n, element in _keys(mapping, keys, envelope=True))
    return found


def pattern_reads(
    index: ModuleIndex, tracker: ResponseTracker, keys: frozenset[str] | set[str]
) -> list[PatternRead]:
    """Reads of ``keys`` by mapping patterns whose subject is a tracked response's JSON."""
    reads: list[PatternRead] = []
    if not index.has_node_type(cst.Match):
        return reads  # most modules have no ``match`` statement
    for node in index.nodes:
        if type(node) is not cst.Match:
            continue
        context = index.context_of(node)
        if context is None:
            continue
        origin = tracker.classify(node.subject, context)
        if origin is None or origin.kind not in (DATA, UNKNOWN):
            continue
        # An envelope (``resp.json()``) holds the fields under ``data``; ``data`` itself at
        # the top.
        for case in node.cases:
            for mapping in _mappings(case.pattern):
                for key, key_node, element in _keys(mapping, keys, envelope=True):
                    reads.append(PatternRead(key, key_node, element, origin, context))
    return reads
