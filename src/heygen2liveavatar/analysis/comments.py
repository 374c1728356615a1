"""Commas of rebuilt literals without the comments of the elements they followed.

A comma's trailing whitespace holds the comment at the end of its line and the comment lines
before the next element. Reused as the separator of a rebuilt dict, it would repeat those
comments next to other keys (a comment about a deleted field re-attached to another one).
"""

from __future__ import annotations

from typing import overload

import libcst as cst


@overload
def without_comments(comma: cst.Comma) -> cst.Comma: ...
@overload
def without_comments(comma: cst.Comma | cst.MaybeSentinel) -> cst.Comma | cst.MaybeSentinel: ...
def without_comments(comma: cst.Comma | cst.MaybeSentinel) -> cst.Comma | cst.MaybeSentinel:
    """``comma`` with its line break and indentation but no comment."""
    if not isinstance(comma, cst.Comma):
        return comma
    after = comma.whitespace_after
    if not isinstance(after, cst.ParenthesizedWhitespace):
        return comma
    if after.first_line.comment is None and not after.empty_lines:
        return comma
    first_line = cst.TrailingWhitespace(newline=after.first_line.newline)
    return comma.with_changes(
        whitespace_after=after.with_changes(first_line=first_line, empty_lines=[])
    )


def closing_without_comment(brace: cst.RightCurlyBrace) -> cst.RightCurlyBrace:
    """``}`` without the comment its whitespace holds (the comment of the last element's line)."""
    before = brace.whitespace_before
    if not isinstance(before, cst.ParenthesizedWhitespace) or before.first_line.comment is None:
        return brace
    first_line = cst.TrailingWhitespace(newline=before.first_line.newline)
    return brace.with_changes(whitespace_before=before.with_changes(first_line=first_line))
