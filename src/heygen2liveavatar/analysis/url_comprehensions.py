"""URL tables built by a comprehension over endpoint names.

``URLS = {action: f"{HOST}/v1/streaming.{action}" for action in ("new", "start", "stop")}``
read as ``URLS["new"]``: each entry is a streaming URL, but its text exists only at run time,
so nothing can move one endpoint without the others. Written out entry by entry
(``{"new": f"{HOST}/v1/streaming.new", ...}``, the same dict) the table is an ordinary endpoint
table whose entries the rules migrate one by one (:mod:`.values` resolves ``URLS["new"]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from ..apispec import STREAMING_ENDPOINTS
from .index import ModuleIndex, string_value

# The text right before the loop variable: ``.../v1/streaming.``.
_BEFORE_NAME = re.compile(r"(?:^|/)streaming\.$")
_IDENTIFIER = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class UrlComprehension:
    comprehension: cst.DictComp
    table: cst.Dict
    """The same table written out: one entry per name, in the comprehension's order."""


def url_comprehensions(index: ModuleIndex) -> list[UrlComprehension]:
    """The module-level ``NAME = {name: f"...streaming.{name}" for name in (<literals>)}``
    assignments whose names are all streaming endpoints (only the module's own statements
    are looked at: a table like this is a module constant)."""
    found: list[UrlComprehension] = []
    for statement in index.module.body:
        if type(statement) is not cst.SimpleStatementLine or len(statement.body) != 1:
            continue
        assign = statement.body[0]
        if type(assign) is not cst.Assign or type(assign.value) is not cst.DictComp:
            continue
        table = _written_out(assign.value)
        if table is not None:
            found.append(UrlComprehension(assign.value, table))
    return found


def _written_out(comprehension: cst.DictComp) -> cst.Dict | None:
    loop = comprehension.for_in
    if (
        loop.inner_for_in is not None
        or loop.ifs
        or loop.asynchronous is not None
        or type(loop.target) is not cst.Name
        or type(comprehension.key) is not cst.Name
        or comprehension.key.value != loop.target.value
        or type(comprehension.value) is not cst.FormattedString
        or type(loop.iter) not in (cst.Tuple, cst.List)
    ):
        return None
    name = loop.target.value
    url = comprehension.value
    holes = [
        position
        for position, part in enumerate(url.parts)
        if type(part) is cst.FormattedStringExpression
        and type(part.expression) is cst.Name
        and part.expression.value == name
    ]
    if len(holes) != 1 or holes[0] == 0:
        return None
    hole = url.parts[holes[0]]
    before = url.parts[holes[0] - 1]
    assert isinstance(hole, cst.FormattedStringExpression)
    if (
        hole.conversion is not None
        or hole.format_spec is not None
        or type(before) is not cst.FormattedStringText
        or not _BEFORE_NAME.search(before.value)
    ):
        return None
    assert isinstance(loop.iter, (cst.Tuple, cst.List))
    keys: list[cst.SimpleString] = []
    for element in loop.iter.elements:
        key = element.value
        text = string_value(key) if type(key) is cst.SimpleString else None
        if text is None or not _IDENTIFIER.fullmatch(text) or text not in STREAMING_ENDPOINTS:
            return None
        assert isinstance(key, cst.SimpleString)
        keys.append(key)
    if not keys:
        return None
    elements = [
        cst.DictElement(
            key,
            _with_name(url, holes[0], string_value(key) or ""),
            comma=cst.Comma(
                whitespace_after=cst.ParenthesizedWhitespace(
                    indent=True,
                    last_line=cst.SimpleWhitespace("" if position == len(keys) - 1 else "    "),
                )
            ),
        )
        for position, key in enumerate(keys)
    ]
    return cst.Dict(
        elements,
        lbrace=cst.LeftCurlyBrace(
            whitespace_after=cst.ParenthesizedWhitespace(
                indent=True, last_line=cst.SimpleWhitespace("    ")
            )
        ),
    )


def _with_name(url: cst.FormattedString, hole: int, text: str) -> cst.FormattedString:
    """``url`` with the loop variable's hole replaced by ``text``, joined to the text before
    it (``".../streaming." + "new"``: one text, where the endpoint is read and edited)."""
    before = url.parts[hole - 1]
    assert isinstance(before, cst.FormattedStringText)
    parts = list(url.parts)
    merged = before.value + text
    following = parts[hole + 1] if hole + 1 < len(parts) else None
    end = hole + 1
    if type(following) is cst.FormattedStringText:
        merged += following.value
        end += 1
    parts[hole - 1 : end] = [cst.FormattedStringText(merged)]
    return url.with_changes(parts=parts)
