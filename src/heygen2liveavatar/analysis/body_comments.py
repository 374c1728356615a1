"""Comments of a dict's fields, read so that they can follow the fields a rewrite moves.

In LibCST a field's comments live in its neighbours' whitespace: the comment at the end of
its line in its own comma (or, for a last field without a comma, in the closing brace), the
comment lines above it in the previous field's comma (or the opening brace). Rebuilding the
dict with other commas would drop them or, worse, leave them next to other keys. Here each
field's comments are read apart (:func:`field_comments`) so that the rebuilt dict can put
them where the field now is (:func:`merged`), and the comments of a deleted field go with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst


@dataclass
class FieldComments:
    leading: list[cst.EmptyLine] = field(default_factory=list)
    """Comment lines above the field."""
    trailing: cst.Comment | None = None
    """The comment at the end of the field's line."""

    def __bool__(self) -> bool:
        return bool(self.leading) or self.trailing is not None

    def as_lines(self) -> list[cst.EmptyLine]:
        """All of them as comment lines (the trailing one last)."""
        if self.trailing is None:
            return list(self.leading)
        return [*self.leading, cst.EmptyLine(indent=True, comment=self.trailing)]


def field_comments(node: cst.Dict, per_field: tuple[str, ...] = ()) -> list[FieldComments]:
    """The comments of each element of ``node``, in order. An inner dict's comments are
    included in its element's (a field whose nested dict is mapped as a whole takes them
    along), except under the keys in ``per_field``, whose entries are mapped one by one
    and read their own comments."""
    elements = list(node.elements)
    found = [FieldComments() for _ in elements]
    before: cst.BaseParenthesizableWhitespace | None = node.lbrace.whitespace_after
    for position, element in enumerate(elements):
        if isinstance(before, cst.ParenthesizedWhitespace):
            found[position].leading = [line for line in before.empty_lines if line.comment]
        comma = element.comma
        after: cst.BaseParenthesizableWhitespace | None = (
            comma.whitespace_after if isinstance(comma, cst.Comma) else None
        )
        if position == len(elements) - 1 and not isinstance(after, cst.ParenthesizedWhitespace):
            after = node.rbrace.whitespace_before  # the last line's comment, comma or not
        if isinstance(after, cst.ParenthesizedWhitespace):
            found[position].trailing = after.first_line.comment
        before = after
        value = element.value if isinstance(element, cst.DictElement) else None
        key = element.key if isinstance(element, cst.DictElement) else None
        name = key.evaluated_value if isinstance(key, cst.SimpleString) else None
        if isinstance(value, cst.Dict) and name not in per_field:
            for inner in field_comments(value):
                found[position].leading += inner.as_lines()
    return found


def merged(parts: list[FieldComments]) -> FieldComments:
    """The comments of several fields that became one (``quality`` and a default encoding in
    ``video_settings``; voice, context and language in ``avatar_persona``): one field's stay
    as they were; several fields' become comment lines above, in source order."""
    present = [part for part in parts if part]
    if len(present) <= 1:
        return present[0] if present else FieldComments()
    lines: list[cst.EmptyLine] = []
    for part in present:
        lines += part.as_lines()
    return FieldComments(lines)


def placed(comments: FieldComments, indent: str) -> FieldComments:
    """``comments`` with their lines indented like the element they are now above."""
    lines = [
        line.with_changes(indent=True, whitespace=cst.SimpleWhitespace(indent))
        for line in comments.leading
    ]
    return FieldComments(lines, comments.trailing)


__all__ = ["FieldComments", "field_comments", "merged", "placed"]
