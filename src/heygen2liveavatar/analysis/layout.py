"""Layout of rebuilt literals: a dict or an argument list keeps the shape the user gave it.

A rewrite that rebuilds a dict (the token body) or adds an argument (``headers=``,
``json=``) must keep the code laid out as it was: one entry per line with a trailing comma,
or all on one line, and a comment after an entry stays after that entry.
"""

from __future__ import annotations

import libcst as cst

from .body_comments import FieldComments, placed
from .comments import closing_without_comment, without_comments


def laid_out(
    elements: list[cst.BaseDictElement],
    layout: cst.Dict | None,
    comments: list[FieldComments] | None = None,
) -> cst.Dict:
    """Give ``elements`` the one-per-line or inline layout of ``layout``; ``comments`` (one
    per element) are the comments of the fields each element holds now, put above and after
    it (one per line only: an inline dict has nowhere to put them)."""
    elements = [e.with_changes(comma=cst.MaybeSentinel.DEFAULT) for e in elements]
    if not elements:
        return cst.Dict([]) if layout is None else layout.with_changes(elements=[])
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    last_comma: cst.Comma | cst.MaybeSentinel = cst.MaybeSentinel.DEFAULT
    if layout is None or not layout.elements:
        laid = [e.with_changes(comma=separator) for e in elements[:-1]]
        return cst.Dict([*laid, elements[-1]]) if layout is None else layout.with_changes(
            elements=[*laid, elements[-1]]
        )
    old = list(layout.elements)
    opening = layout.lbrace.whitespace_after
    if isinstance(opening, cst.ParenthesizedWhitespace):
        first = old[0].comma
        if len(old) > 1 and isinstance(first, cst.Comma):
            separator = without_comments(first)
        else:
            separator = cst.Comma(whitespace_after=without_lines(opening))
    last_comma = without_comments(old[-1].comma)
    rbrace = closing_without_comment(layout.rbrace)
    between = separator.whitespace_after
    if not isinstance(between, cst.ParenthesizedWhitespace) or not isinstance(
        opening, cst.ParenthesizedWhitespace
    ):  # inline: the comments cannot follow their fields
        laid = [e.with_changes(comma=separator) for e in elements[:-1]]
        laid.append(elements[-1].with_changes(comma=last_comma))
        return layout.with_changes(elements=laid, rbrace=rbrace)
    indent = between.last_line.value
    notes = [placed(c, indent) for c in comments or []]
    notes += [FieldComments() for _ in range(len(elements) - len(notes))]
    lbrace = layout.lbrace.with_changes(
        whitespace_after=opening.with_changes(empty_lines=notes[0].leading)
    )
    laid = [
        e.with_changes(
            comma=separator.with_changes(
                whitespace_after=between.with_changes(
                    first_line=_trailing(between.first_line, notes[k].trailing),
                    empty_lines=notes[k + 1].leading,
                )
            )
        )
        for k, e in enumerate(elements[:-1])
    ]
    trailing = notes[-1].trailing
    if isinstance(last_comma, cst.Comma) and isinstance(
        last_comma.whitespace_after, cst.ParenthesizedWhitespace
    ):
        after = last_comma.whitespace_after
        last_comma = last_comma.with_changes(
            whitespace_after=after.with_changes(first_line=_trailing(after.first_line, trailing))
        )
    elif trailing is not None and isinstance(rbrace.whitespace_before, cst.ParenthesizedWhitespace):
        before = rbrace.whitespace_before
        rbrace = rbrace.with_changes(
            whitespace_before=before.with_changes(first_line=_trailing(before.first_line, trailing))
        )
    laid.append(elements[-1].with_changes(comma=last_comma))
    return layout.with_changes(elements=laid, lbrace=lbrace, rbrace=rbrace)


def indentation_of(layout: cst.Dict | None) -> tuple[str, str] | None:
    """(the entries' indentation, one step) of a dict laid out one entry a line, relative to
    its block; ``None`` for an inline dict."""
    if layout is None or not layout.elements:
        return None
    opening = layout.lbrace.whitespace_after
    last = layout.elements[-1].comma
    closing = last.whitespace_after if isinstance(last, cst.Comma) else None
    if not isinstance(closing, cst.ParenthesizedWhitespace):
        closing = layout.rbrace.whitespace_before
    if not isinstance(opening, cst.ParenthesizedWhitespace) or not isinstance(
        closing, cst.ParenthesizedWhitespace
    ):
        return None
    inner, outer = opening.last_line.value, closing.last_line.value
    if not inner.startswith(outer) or len(inner) == len(outer):
        return None
    return inner, inner[len(outer) :]


def one_per_line(inner: str, step: str) -> cst.Dict:
    """An empty layout for :func:`laid_out`: one entry a line at ``inner``, the closing
    brace one ``step`` left of it, a trailing comma."""

    def line(indent: str) -> cst.ParenthesizedWhitespace:
        return cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(indent)
        )

    placeholder = cst.Name("_")
    return cst.Dict(
        [
            cst.DictElement(placeholder, placeholder, comma=cst.Comma(whitespace_after=line(inner))),
            cst.DictElement(
                placeholder, placeholder, comma=cst.Comma(whitespace_after=line(inner[: -len(step)]))
            ),
        ],
        lbrace=cst.LeftCurlyBrace(whitespace_after=line(inner)),
    )


def _trailing(line: cst.TrailingWhitespace, comment: cst.Comment | None) -> cst.TrailingWhitespace:
    if comment is None:
        return line.with_changes(whitespace=cst.SimpleWhitespace(""), comment=None)
    return line.with_changes(whitespace=cst.SimpleWhitespace("  "), comment=comment)


def without_lines(space: cst.ParenthesizedWhitespace) -> cst.ParenthesizedWhitespace:
    return space.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=[])


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
