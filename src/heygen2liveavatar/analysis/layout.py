"""Layout of rebuilt code: a dict or an argument list keeps the shape the user gave it.

A rewrite that rebuilds a dict (the token body) or adds an argument (``headers=``,
``json=``) must keep the code laid out as it was: one entry per line with a trailing comma,
or all on one line, and a comment after an entry stays after that entry. A call written in
place of another (:func:`laid_out_like`) is laid out as black would lay it out, in the
original's style. (Lines still longer than the file's own are wrapped after all edits:
:mod:`.file_style`.)
"""

from __future__ import annotations

import libcst as cst

from .body_comments import FieldComments, placed
from .codegen import code_of
from .comments import closing_without_comment, without_comments
from .index import ModuleIndex


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
        return (
            cst.Dict([*laid, elements[-1]])
            if layout is None
            else layout.with_changes(elements=[*laid, elements[-1]])
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
            cst.DictElement(
                placeholder, placeholder, comma=cst.Comma(whitespace_after=line(inner))
            ),
            cst.DictElement(
                placeholder,
                placeholder,
                comma=cst.Comma(whitespace_after=line(inner[: -len(step)])),
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


LINE_LIMIT = 88
"""Longest line a rewrite writes on one line (black's default) unless the original was longer."""


def laid_out_like(
    index: ModuleIndex,
    original: cst.Call,
    func: cst.BaseExpression,
    args: list[cst.Arg],
    extra: int = 0,
) -> cst.Call:
    """The new call laid out as black would: on one line if it fits, else one argument a line.

    A trailing comma in the original (black's "magic trailing comma") keeps it exploded.
    ``extra``: characters the caller will put around the new call on its line.
    """
    one_line = cst.Call(func=func, args=_separated(args))
    multiline = is_multiline(original)
    if multiline and isinstance(original.args[-1].comma, cst.Comma):
        return _exploded_like(original, func, args)
    statement = index.statement_of(original)
    if statement is None:
        return one_line
    module = index.module
    statement_code = code_of(statement, module)
    call_code = code_of(original, module)
    at = statement_code.find(call_code)
    if at < 0:
        return one_line
    line_start = statement_code.rfind("\n", 0, at) + 1
    end = at + len(call_code)
    line_end = statement_code.find("\n", end)
    if line_end < 0:
        line_end = len(statement_code)
    # The statement's first line is printed without the block's indentation, later lines with it.
    indent = indentation(index, statement)
    first_line = line_start == 0
    line = statement_code[line_start:at]
    lead = 0 if first_line else len(line) - len(line.lstrip()) - indent
    absolute = indent if first_line else 0
    new_length = (
        absolute + (at - line_start) + len(code_of(one_line, module)) + (line_end - end) + extra
    )
    # The original's longest line (its arguments may span lines of their own).
    old_lines = statement_code[line_start:line_end].split("\n")
    old_length = 0 if multiline else absolute + max(len(line) for line in old_lines)
    if new_length <= max(LINE_LIMIT, old_length):
        return one_line
    if multiline:
        return _exploded_like(original, func, args)
    # One argument per line, indented one step deeper than the line the call starts on.
    lead_text = " " * max(lead, 0)
    open_line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=True,
        last_line=cst.SimpleWhitespace(lead_text + module.default_indent),
    )
    close_line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(lead_text)
    )
    laid = [arg.with_changes(comma=cst.Comma(whitespace_after=open_line)) for arg in args]
    laid[-1] = laid[-1].with_changes(comma=cst.Comma(whitespace_after=close_line))
    return cst.Call(func=func, args=laid, whitespace_before_args=open_line)


def _separated(args: list[cst.Arg]) -> list[cst.Arg]:
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return [arg.with_changes(comma=comma) for arg in args[:-1]] + args[-1:]


def is_multiline(call: cst.Call) -> bool:
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return True
    return any(
        isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
        for arg in call.args
    )


def _exploded_like(original: cst.Call, func: cst.BaseExpression, args: list[cst.Arg]) -> cst.Call:
    """One argument per line and a trailing comma, with the original call's indentation."""
    breaks = [
        arg.comma.whitespace_after
        for arg in original.args[:-1]
        if isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
    ]
    opening = original.whitespace_before_args
    if not isinstance(opening, cst.ParenthesizedWhitespace) and breaks:
        opening = breaks[0]
    separator = breaks[0] if breaks else opening
    last = original.args[-1]
    closing = (
        last.comma.whitespace_after
        if isinstance(last.comma, cst.Comma)
        else last.whitespace_after_arg
    )
    laid = [arg.with_changes(comma=cst.Comma(whitespace_after=separator)) for arg in args]
    laid[-1] = laid[-1].with_changes(comma=cst.Comma(whitespace_after=closing))
    return cst.Call(func=func, args=laid, whitespace_before_args=opening)


def indentation(index: ModuleIndex, node: cst.CSTNode) -> int:
    """The width of the blocks around ``node``."""
    width = 0
    current = index.parent_of(node)
    while current is not None:
        if isinstance(current, cst.IndentedBlock):
            indent = current.indent if current.indent is not None else index.module.default_indent
            width += len(indent.expandtabs(8))
        current = index.parent_of(current)
    return width


class _Dedent(cst.CSTTransformer):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def leave_ParenthesizedWhitespace(
        self, original_node: cst.ParenthesizedWhitespace, updated_node: cst.ParenthesizedWhitespace
    ) -> cst.ParenthesizedWhitespace:
        text = updated_node.last_line.value
        cut = min(self.width, len(text) - len(text.lstrip(" ")))
        return updated_node.with_changes(last_line=cst.SimpleWhitespace(text[cut:]))


def unwrapped_argument(call: cst.Call) -> cst.BaseExpression:
    """``f(\n    g(\n        x,\n    )\n)`` -> ``g(\n    x,\n)``: the first argument taken
    out of ``call``, its continuation lines moved back by the indentation ``call`` added."""
    value = call.args[0].value
    opening = call.whitespace_before_args
    if not isinstance(opening, cst.ParenthesizedWhitespace):
        return value
    width = len(opening.last_line.value)
    dedented = value.visit(_Dedent(width))
    assert isinstance(dedented, cst.BaseExpression)
    return dedented


__all__ = [
    "LINE_LIMIT",
    "append_arg",
    "indentation",
    "indentation_of",
    "is_multiline",
    "laid_out",
    "laid_out_like",
    "one_per_line",
    "unwrapped_argument",
]
