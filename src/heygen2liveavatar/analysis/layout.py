"""Layout of rebuilt literals: a dict or an argument list keeps the shape the user gave it.

A rewrite that rebuilds a dict (the token body) or adds an argument (``headers=``,
``json=``) must keep the code laid out as it was: one entry per line with a trailing comma,
or all on one line, and a comment after an entry stays after that entry.
"""

from __future__ import annotations

import libcst as cst

from .comments import closing_without_comment, without_comments


def laid_out(elements: list[cst.BaseDictElement], layout: cst.Dict | None) -> cst.Dict:
    """Give ``elements`` the one-per-line or inline layout of ``layout``."""
    kept = [comment_comma(e.comma) for e in elements]
    elements = [e.with_changes(comma=cst.MaybeSentinel.DEFAULT) for e in elements]
    if not elements:
        return cst.Dict([]) if layout is None else layout.with_changes(elements=[])
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    last_comma: cst.Comma | cst.MaybeSentinel = cst.MaybeSentinel.DEFAULT
    if layout is not None and layout.elements:
        old = list(layout.elements)
        if isinstance(layout.lbrace.whitespace_after, cst.ParenthesizedWhitespace):
            first = old[0].comma
            if len(old) > 1 and isinstance(first, cst.Comma):
                separator = without_comments(first)
            else:
                separator = cst.Comma(whitespace_after=layout.lbrace.whitespace_after)
        last_comma = old[-1].comma
        if elements[-1].value is not getattr(old[-1], "value", None):
            last_comma = without_comments(last_comma)  # its comment was about another key
            layout = layout.with_changes(rbrace=closing_without_comment(layout.rbrace))
    laid = [e.with_changes(comma=comma or separator) for e, comma in zip(elements[:-1], kept)]
    laid.append(elements[-1].with_changes(comma=last_comma))
    if layout is None:
        return cst.Dict(laid)
    return layout.with_changes(elements=laid)


def comment_comma(comma: cst.Comma | cst.MaybeSentinel) -> cst.Comma | None:
    """``comma`` when a comment follows it on its line (``"avatar_id": a,  # why``)."""
    if isinstance(comma, cst.Comma):
        after = comma.whitespace_after
        if isinstance(after, cst.ParenthesizedWhitespace) and after.first_line.comment is not None:
            return comma
    return None


def append_arg(args: list[cst.Arg], new: cst.Arg) -> list[cst.Arg]:
    """Append a keyword argument keeping the call's one-per-line or inline layout."""
    if not args:
        return [new]
    last = args[-1]
    if isinstance(last.comma, cst.Comma):
        # A trailing comma (one argument per line): the new argument takes the same place.
        previous = args[-2].comma if len(args) > 1 else None
        separator = previous if isinstance(previous, cst.Comma) else last.comma
        return [*args[:-1], last.with_changes(comma=separator), new.with_changes(comma=last.comma)]
    # The space before the closing parenthesis (a newline in a call laid out over lines)
    # follows the new last argument.
    return [
        *args[:-1],
        last.with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
            whitespace_after_arg=cst.SimpleWhitespace(""),
        ),
        new.with_changes(whitespace_after_arg=last.whitespace_after_arg),
    ]


__all__ = ["append_arg", "comment_comma", "laid_out"]
