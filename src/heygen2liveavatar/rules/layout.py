"""Layout of the calls rules write in place of others: black's choices, in the file's style."""

from __future__ import annotations

import libcst as cst

from ..analysis.codegen import code_of
from .base import RuleContext

LINE_LIMIT = 88
"""Longest line a rewrite writes on one line (black's default) unless the original was longer."""


def laid_out_like(
    ctx: RuleContext,
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
    statement = ctx.statement_of(original)
    if statement is None:
        return one_line
    module = ctx.module
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
    indent = indentation(ctx, statement)
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


def indentation(ctx: RuleContext, node: cst.CSTNode) -> int:
    width = 0
    current = ctx.index.parent_of(node)
    while current is not None:
        if isinstance(current, cst.IndentedBlock):
            indent = current.indent if current.indent is not None else ctx.module.default_indent
            width += len(indent.expandtabs(8))
        current = ctx.index.parent_of(current)
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


__all__ = ["LINE_LIMIT", "indentation", "is_multiline", "laid_out_like", "unwrapped_argument"]
