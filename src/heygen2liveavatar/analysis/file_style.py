"""Generated code in the file's own style: its quotes, and no line longer than its own.

Rules build code in one style: dicts and calls on one line (a token body, a stop body with
its ``reason``, a ``liveavatar_bridge.start_session(...)`` around a request) and strings in
double quotes. After the edits, every statement a rule rebuilt is brought to the file's
style (:func:`follow_file_style`):

- a string the tool wrote takes the file's quotes (``'FULL'`` in a file that writes
  ``'avatar_name'``) when its text allows;
- a line longer than the file's longest line is wrapped the way black wraps: the first
  bracket opening on that line gets its contents on a line of their own
  (``f(\n    a, b\n)``; a literal or a call's contents that still do not fit, one element a
  line with a trailing comma; a comprehension split before ``for`` and ``if``), then the next
  line that is too long, until every line fits or has no bracket left.

A line left as the original had it apart from renamed words (a host, a variable, a header:
the same tokens but for names and strings) keeps its layout: re-wrapping a statement
because a host name grew four characters would be noise in the diff. Brackets that hold
comments are left as they are.
"""

from __future__ import annotations

import functools
import re
import token
from collections.abc import Iterator
from typing import Any

import libcst as cst

from .codegen import code_of
from .index import ModuleIndex, expression_children, field_children, new_nodes
from .mentions import file_quote
from .rebuild import rebuild_paths

_SUITES = ("body", "orelse", "handlers", "finalbody", "cases")
_MAX_STEPS = 24  # wraps per statement: enough for any generated statement, bounded anyway

Shape = tuple[tuple[int, str], ...]
_FITTED = (cst.SimpleStatementLine, cst.With, cst.If, cst.While, cst.For)
"""Statements whose lines (a compound statement's header) are fitted."""


_RENAME_GROWTH = 60
"""How much longer the tool's renames can make one line (hosts, paths, variable names)."""


def longest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# Python's tokens, as far as a line's shape needs them: a string's opening (its end is found
# by :func:`_string_end`), a number, a name, an operator.
_SHAPE_TOKEN = re.compile(
    r"""(?P<space>[ \t\f]+)
    |(?P<comment>\#.*)
    |(?P<string>(?:[rRbBuUfF]{1,2})?(?:'''|\"\"\"|'|\"))
    |(?P<number>0[xXoObB][0-9a-fA-F_]+
        |(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)
    |(?P<name>[^\W\d]\w*)
    |(?P<op>\*\*=|//=|>>=|<<=|\.\.\.|->|:=|==|!=|<=|>=|\*\*|//|<<|>>|[-+*/%&|^@]=
        |[-+*/%&|^@~<>()\[\]{},:;.=])""",
    re.VERBOSE,
)
_DEPTH = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


@functools.lru_cache(maxsize=4096)
def line_shape(line: str) -> Shape | None:
    """The line's tokens with names, strings and numbers blanked (``None``: not a whole
    token sequence, e.g. one line of a triple-quoted string or of a bracket's contents), as
    Python's :mod:`tokenize` reads the line alone, without its generators (a quarter of the
    cost; ``tests/test_file_style_shapes.py`` compares the two).

    Memoized: :meth:`_Fitter.fit` asks again for every line still too long after each wrap,
    and the same generated lines recur from file to file."""
    text = line.strip()
    shape: list[tuple[int, str]] = []
    depth = 0
    position = 0
    end = len(text)
    while position < end:
        match = _SHAPE_TOKEN.match(text, position)
        if match is None:
            if text[position] == "\\" and position == end - 1:
                return None  # continued on the next line
            shape.append((token.ERRORTOKEN, ""))  # a character Python has no token for
            position += 1
            continue
        kind = match.lastgroup
        position = match.end()
        if kind == "string":
            opening = match.group()
            quote = opening[-3:] if opening.endswith(("'''", '"""')) else opening[-1]
            closing = _string_end(text, position, quote)
            if closing < 0:
                if len(quote) == 3:
                    return None  # a line of a triple-quoted string
                # As the tokenizer reads it: the prefix is a name, the quote an error token.
                if len(opening) > 1:
                    shape.append((token.NAME, ""))
                shape.append((token.ERRORTOKEN, ""))
                continue
            position = closing
            shape.append((token.STRING, ""))
        elif kind == "name":
            shape.append((token.NAME, ""))
        elif kind == "number":
            shape.append((token.NUMBER, ""))
        elif kind == "op":
            operator = match.group()
            depth += _DEPTH.get(operator, 0)
            shape.append((token.OP, operator))
    return None if depth else tuple(shape)


def _string_end(text: str, position: int, quote: str) -> int:
    """The offset after the ``quote`` closing a string whose text starts at ``position``
    (``-1``: not on this line)."""
    while True:
        found = text.find(quote, position)
        if found < 0:
            return -1
        backslashes = 0
        while found - backslashes - 1 >= position and text[found - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return found + len(quote)
        position = found + 1


def follow_file_style(
    module: cst.Module,
    index: ModuleIndex,
    source: str,
    whole_file: str | None = None,
    quote: str | None = None,
) -> cst.Module:
    """``module`` (the edited tree of ``index.module``, whose code is ``source``) with the
    statements the edits rebuilt in the file's style (see the module docstring).

    ``whole_file``: the file's text when ``source`` is only part of it (``engine/reduction.py``):
    the style is the whole file's. ``quote``: its :func:`.mentions.file_quote`, when known."""
    whole = source if whole_file is None else whole_file
    budget = longest_line(whole)
    original = index.parents  # ids of the original tree's nodes (all but its root)
    quote = quote or file_quote(whole)
    requote = quote == "'"
    fitter: _Fitter | None = None
    # Statements to fit, by id, with their indentation. They are fitted while the paths to
    # them are rebuilt, children first, so that a ``with`` statement's header is fitted
    # with its body's statements already fitted.
    to_fit: dict[int, int] = {}
    on_path: set[int] = set()
    requoted: dict[int, cst.CSTNode] = {}
    for statement, indent, ancestors in _statements(module, original):
        if id(statement) in original or not isinstance(statement, _FITTED):
            continue
        if (
            requote
            and isinstance(statement, cst.SimpleStatementLine)
            and _writes_double_quotes(statement, original)
        ):
            styled = _requoted(statement, original)
            if styled is not statement and isinstance(styled, cst.SimpleStatementLine):
                requoted[id(statement)] = styled
                on_path.add(id(statement))
                on_path.update(id(node) for node in ancestors)
                statement = styled
        if fitter is None:
            fitter = _Fitter(module, budget, source, original)
        if fitter.too_long(statement, indent):
            to_fit[id(statement)] = indent
            on_path.add(id(statement))
            on_path.update(id(node) for node in ancestors)
    if not on_path:
        return module
    assert fitter is not None
    fit = fitter.fit

    def leave(original_node: cst.CSTNode, updated: cst.CSTNode) -> cst.CSTNode:
        updated = requoted.get(id(original_node), updated)
        indent = to_fit.get(id(updated), to_fit.get(id(original_node)))
        return updated if indent is None else fit(updated, indent)

    fitted_module = rebuild_paths(module, on_path, leave)
    assert isinstance(fitted_module, cst.Module)
    return fitted_module


def _requoted(statement: cst.CSTNode, original: dict[int, cst.CSTNode]) -> cst.CSTNode:
    """``statement`` with the strings the tool wrote (not in the original tree) in single
    quotes, where their text allows. Only the new nodes are walked and only the paths to the
    strings rebuilt (a LibCST transformer would visit and copy the whole statement)."""
    parents: dict[int, cst.CSTNode] = {}
    strings: dict[int, cst.SimpleString] = {}
    stack: list[cst.CSTNode] = [statement]
    while stack:
        node = stack.pop()
        if id(node) in original or type(node) is cst.FormattedString:
            continue  # a string inside an f-string's braces must keep its quotes
        if type(node) is cst.SimpleString:
            value = node.value
            body = value[1:-1]
            if (
                value.startswith('"')
                and not value.startswith('"""')
                and "'" not in body
                and "\\" not in body
            ):
                strings[id(node)] = node.with_changes(value=f"'{body}'")
            continue
        for child in field_children(node):
            parents[id(child)] = node
            stack.append(child)
    if not strings:
        return statement
    path: set[int] = set()
    for key in strings:
        while key not in path:
            path.add(key)
            above = parents.get(key)
            if above is None:
                break
            key = id(above)
    return rebuild_paths(statement, path, lambda old, updated: strings.get(id(old), updated))


def _writes_double_quotes(statement: cst.CSTNode, original: dict[int, cst.CSTNode]) -> bool:
    """Does ``statement`` hold a string the tool wrote in double quotes (the only ones
    :func:`_requoted` changes)? Walks the new nodes only, at a fraction of a LibCST visit."""
    return any(
        type(node) is cst.SimpleString and node.value.startswith('"')
        for node in new_nodes(statement, original)
    )


def _statements(
    module: cst.Module, original: dict[int, cst.CSTNode]
) -> Iterator[tuple[cst.CSTNode, int, tuple[cst.CSTNode, ...]]]:
    """Every statement with its indentation width and the nodes above it (root first); the
    inside of a statement of the original tree (untouched, all of it) is not walked."""
    stack: list[tuple[cst.CSTNode, int, tuple[cst.CSTNode, ...]]] = [
        (statement, 0, (module,)) for statement in reversed(module.body)
    ]
    while stack:
        node, indent, above = stack.pop()
        yield node, indent, above
        if id(node) in original:
            continue
        children: list[tuple[cst.CSTNode, int, tuple[cst.CSTNode, ...]]] = []
        for name in _SUITES:
            value = getattr(node, name, None)
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, cst.IndentedBlock):
                    width = len((item.indent or module.default_indent).expandtabs(8))
                    inner = (*above, node, item)
                    children += [(s, indent + width, inner) for s in item.body]
                elif isinstance(item, cst.CSTNode) and not isinstance(
                    item, (cst.SimpleStatementSuite, cst.BaseSuite)
                ):
                    children.append((item, indent, (*above, node)))  # else/elif/except clauses
        stack.extend(reversed(children))


class _Fitter:
    def __init__(
        self, module: cst.Module, budget: int, source: str, original: dict[int, cst.CSTNode]
    ) -> None:
        self.module = module
        self.original = original
        self.budget = budget
        self.unit = module.default_indent
        self.source = source
        self._shapes: set[Shape | None] | None = None
        # The lines :meth:`too_long` generated, by statement: :meth:`fit` starts from them
        # (the statement is kept with them, so that its id is not reused).
        self._generated: dict[int, tuple[cst.CSTNode, list[str]]] = {}

    @property
    def shapes(self) -> set[Shape | None]:
        """The shapes of the original's lines, read once a line is too long (tokenizing
        every line of a file costs more than the rest of this module)."""
        if self._shapes is None:
            # A line renamed in place grew by a few names and strings at most (a host, a path,
            # an environment variable): its original was a long line too, so only the long
            # lines of the original are tokenized.
            shortest = self.budget - _RENAME_GROWTH
            self._shapes = {
                line_shape(line) for line in self.source.splitlines() if len(line) >= shortest
            }
            self._shapes.discard(None)
        return self._shapes

    def too_long(self, statement: cst.CSTNode, indent: int) -> bool:
        lines = self._lines(statement)
        if any("fmt: skip" in line or "fmt: off" in line for line in lines):
            return False  # the file's author laid this statement out by hand on purpose
        return any(indent + len(line) > self.budget for line in lines)

    def _lines(self, statement: cst.CSTNode) -> list[str]:
        """The statement's lines (a compound statement's header only), indented relative
        to its block."""
        known = self._generated.get(id(statement))
        if known is not None and known[0] is statement:
            return known[1]
        if isinstance(statement, cst.SimpleStatementLine):
            lines = code_of(statement, self.module).split("\n")
        else:
            header = statement.with_changes(body=cst.SimpleStatementSuite([cst.Pass()]))
            code = code_of(header, self.module)
            lines = code[: code.rindex(" pass")].split("\n")
        self._generated[id(statement)] = (statement, lines)
        return lines

    def fit(self, statement: cst.CSTNode, indent: int) -> cst.CSTNode:
        current = statement
        given_up: set[str] = set()
        for _step in range(_MAX_STEPS):
            lines = self._lines(current)
            long = next(
                (
                    number
                    for number, line in enumerate(lines)
                    if indent + len(line) > self.budget
                    and line not in given_up
                    and not line.lstrip().startswith("#")  # a marker says what it must
                    and line_shape(line) not in self.shapes
                ),
                None,
            )
            if long is None:
                return current
            wrapped = self._wrap_on_line(current, lines, long, indent)
            if wrapped is None:
                given_up.add(lines[long])  # no bracket to split there: the next long line
            else:
                current = wrapped
        return current

    def _wrap_on_line(
        self, statement: cst.CSTNode, lines: list[str], number: int, indent: int
    ) -> cst.CSTNode | None:
        """Wrap the first bracket that opens on line ``number`` with its contents."""
        line = lines[number]
        lead = line[: len(line) - len(line.lstrip(" "))]
        offset = sum(len(text) + 1 for text in lines[:number])
        code = "\n".join(lines)
        header = list(_header(statement, self.original))  # walked twice below
        for node in header:
            # A bracket whose contents already have a line of their own (``f(\n    a, b\n)``)
            # and do not fit there: one element a line, as black splits it.
            if (
                isinstance(node, cst.Call)
                and _hugged(node)
                and len(node.args) > 1
                and lead.endswith(self.unit)
                and code_of(node, self.module).split("\n")[1] == line
            ):
                outer = lead[: len(lead) - len(self.unit)]
                exploded = _wrap(node, outer, self.unit, one_per_line=True)
                if exploded is not None:
                    return _replaced(statement, node, exploded)
        for node in header:
            if not _wrappable(node) or not _opens_inline(node):
                continue
            text = code_of(node, self.module)
            first, _newline, rest = text.partition("\n")
            if "#" in text or _locate(code, first, offset, len(line)) is None:
                continue
            if rest and not line.endswith(first):
                continue  # a bracket spanning lines must open at the end of this one
            replacement = self._wrapped(node, lead, indent, shifted=bool(rest))
            if replacement is not None:
                return _replaced(statement, node, replacement)
        return None

    def _wrapped(
        self, node: cst.CSTNode, lead: str, indent: int, shifted: bool
    ) -> cst.CSTNode | None:
        if shifted:  # its contents move one step right, lines and all
            node = _shift_contents(node, self.unit)
        if isinstance(node, _COMPREHENSIONS):
            return None if shifted else _wrap_comprehension(node, lead, self.unit)
        # Black's choice: a literal goes one element a line; a call's arguments first try
        # a line of their own, and one argument is hugged whatever its length (its own
        # brackets split next).
        replacement = (
            _wrap(node, lead, self.unit, one_per_line=False) if isinstance(node, cst.Call) else None
        )
        if replacement is not None and isinstance(node, cst.Call) and len(node.args) > 1:
            inner = _inside(code_of(replacement, self.module))
            if shifted or indent + len(lead + self.unit + inner) > self.budget:
                replacement = None  # its contents do not fit on one line either
        if replacement is None:
            replacement = _wrap(node, lead, self.unit, one_per_line=True)
        return replacement


_NEVER_SPLIT = frozenset({cst.FormattedString, cst.ConcatenatedString})
"""Nothing inside them is wrapped: an f-string's braces cannot hold a line break before
Python 3.12. (Node types LibCST does not subclass: a set lookup by type, not ``isinstance``,
which is slow for LibCST's ABCs.) A lambda's parameters are not wrapped either, its body's
brackets are (``lambda: (requests.post(...), release(sid))[0]``), as black wraps them."""


def _header(statement: cst.CSTNode, original: dict[int, cst.CSTNode]) -> Iterator[cst.CSTNode]:
    """The nodes of a simple statement, or of a compound statement's header, outside the
    subtrees the edits left as they were (``original``: ids of the original tree's nodes):
    ``print("done"); requests.post(...)`` wraps the request, never the ``print``."""
    if isinstance(statement, cst.SimpleStatementLine):
        parts: list[cst.CSTNode] = [statement]
    elif isinstance(statement, cst.With):
        parts = list(statement.items)
    elif isinstance(statement, (cst.If, cst.While)):
        parts = [statement.test]
    elif isinstance(statement, cst.For):
        parts = [statement.iter]
    else:
        parts = []
    stack = list(reversed(parts))
    while stack:
        node = stack.pop()
        if id(node) in original or type(node) in _NEVER_SPLIT:
            continue
        yield node
        # Whitespace and punctuation hold no bracket: left out, as their order.
        if type(node) is cst.Lambda:
            stack.append(node.body)
        else:
            stack.extend(reversed(expression_children(node)))


def _replaced(statement: cst.CSTNode, node: cst.CSTNode, replacement: cst.CSTNode) -> cst.CSTNode:
    """``statement.deep_replace(node, replacement)``, rebuilding only the path down to
    ``node`` (``deep_replace`` copies every node of the statement)."""
    parents: dict[int, cst.CSTNode] = {}
    stack = [statement]
    while stack:
        current = stack.pop()
        if current is node:
            break
        for child in field_children(current):
            parents[id(child)] = current
            stack.append(child)
    else:
        return statement.deep_replace(node, replacement)
    path = {id(node)}
    above = parents.get(id(node))
    while above is not None:
        path.add(id(above))
        above = parents.get(id(above))
    return rebuild_paths(
        statement, path, lambda original, updated: replacement if original is node else updated
    )


def _opens_inline(node: cst.CSTNode) -> bool:
    """The first element follows the opening bracket on its line."""
    if isinstance(node, cst.Call):
        space: object = node.whitespace_before_args
    elif isinstance(node, (cst.Dict, cst.Set, cst.DictComp, cst.SetComp)):
        space = node.lbrace.whitespace_after
    elif isinstance(node, (cst.List, cst.ListComp)):
        space = node.lbracket.whitespace_after
    elif isinstance(node, cst.Tuple) and node.lpar:
        space = node.lpar[0].whitespace_after
    else:
        return False
    return not isinstance(space, cst.ParenthesizedWhitespace)


class _Shift(cst.CSTTransformer):
    """Moves every continuation line one indentation step right."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def leave_ParenthesizedWhitespace(
        self, original_node: cst.ParenthesizedWhitespace, updated_node: cst.ParenthesizedWhitespace
    ) -> cst.ParenthesizedWhitespace:
        lines = [
            line.with_changes(whitespace=cst.SimpleWhitespace(line.whitespace.value + self.unit))
            for line in updated_node.empty_lines
        ]
        return updated_node.with_changes(
            last_line=cst.SimpleWhitespace(updated_node.last_line.value + self.unit),
            empty_lines=lines,
        )


def _shift_contents(node: cst.CSTNode, unit: str) -> cst.CSTNode:
    """``node`` with what is inside its brackets shifted (see :class:`_Shift`)."""
    shift = _Shift(unit)
    if isinstance(node, cst.Call):
        args = [arg.with_changes(value=arg.value.visit(shift)) for arg in node.args]
        return node.with_changes(args=args)
    if isinstance(node, (cst.Dict, cst.List, cst.Set, cst.Tuple)):
        elements = [element.visit(shift) for element in node.elements]
        return node.with_changes(elements=elements)
    return node


def _locate(code: str, text: str, offset: int, length: int) -> int | None:
    at = code.find(text, offset, offset + length + len(text))
    return at if 0 <= at < offset + length else None


def _inside(code: str) -> str:
    """The middle line of a bracket wrapped with its contents on one line."""
    parts = code.split("\n")
    return parts[1].strip() if len(parts) >= 3 else code


_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp)


def _hugged(node: cst.CSTNode) -> bool:
    """A call laid out ``f(\n    a, b\n)``: its arguments on one line of their own."""
    if not isinstance(node, cst.Call) or not node.args:
        return False
    if not isinstance(node.whitespace_before_args, cst.ParenthesizedWhitespace):
        return False
    if any(
        isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
        for arg in node.args
    ):
        return False
    return isinstance(node.args[-1].whitespace_after_arg, cst.ParenthesizedWhitespace)


def _wrap_comprehension(node: cst.CSTNode, lead: str, unit: str) -> cst.CSTNode:
    """``[\n    element\n    for x in xs\n    if c\n]``, black's split of a comprehension."""
    assert isinstance(node, _COMPREHENSIONS)
    inner, closing = _break(lead + unit), _break(lead)
    clauses: cst.CompFor | None = node.for_in
    chain: list[cst.CompFor] = []
    while clauses is not None:
        chain.append(clauses)
        clauses = clauses.inner_for_in
    rebuilt: cst.CompFor | None = None
    for clause in reversed(chain):
        ifs = [test.with_changes(whitespace_before=inner) for test in clause.ifs]
        rebuilt = clause.with_changes(whitespace_before=inner, ifs=ifs, inner_for_in=rebuilt)
    if isinstance(node, cst.ListComp):
        return node.with_changes(
            for_in=rebuilt,
            lbracket=cst.LeftSquareBracket(whitespace_after=inner),
            rbracket=cst.RightSquareBracket(whitespace_before=closing),
        )
    return node.with_changes(
        for_in=rebuilt,
        lbrace=cst.LeftCurlyBrace(whitespace_after=inner),
        rbrace=cst.RightCurlyBrace(whitespace_before=closing),
    )


def _wrappable(node: cst.CSTNode) -> bool:
    if isinstance(node, _COMPREHENSIONS):
        return True
    if isinstance(node, cst.Call):
        return bool(node.args) and not (
            len(node.args) == 1 and isinstance(node.args[0].value, cst.GeneratorExp)
        )
    if isinstance(node, (cst.Dict, cst.List, cst.Set)):
        return bool(node.elements)
    return isinstance(node, cst.Tuple) and bool(node.lpar) and bool(node.elements)


def _break(lead: str) -> cst.ParenthesizedWhitespace:
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(lead)
    )


def _wrap(node: cst.CSTNode, lead: str, unit: str, one_per_line: bool) -> cst.CSTNode | None:
    """``node``'s bracket opened onto new lines indented one ``unit`` past ``lead``."""
    opening, closing = _break(lead + unit), _break(lead)
    items: list[Any]  # arguments or elements: each has a ``comma``
    if isinstance(node, cst.Call):
        items = list(node.args)
    elif isinstance(node, (cst.Dict, cst.List, cst.Set, cst.Tuple)):
        items = list(node.elements)
    else:
        return None
    if one_per_line:
        laid = [item.with_changes(comma=cst.Comma(whitespace_after=opening)) for item in items[:-1]]
        laid.append(items[-1].with_changes(comma=cst.Comma(whitespace_after=closing)))
        end: cst.BaseParenthesizableWhitespace = cst.SimpleWhitespace("")
    else:
        space = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        laid = [item.with_changes(comma=space) for item in items[:-1]]
        last = items[-1]
        if isinstance(node, cst.Tuple) and len(items) == 1:
            return None  # ``(x,)`` needs its comma: one per line only
        laid.append(last.with_changes(comma=cst.MaybeSentinel.DEFAULT))
        end = closing
    if isinstance(node, cst.Call):
        args = [arg.with_changes(whitespace_after_arg=cst.SimpleWhitespace("")) for arg in laid]
        if not one_per_line:
            args[-1] = args[-1].with_changes(whitespace_after_arg=end)
        return node.with_changes(whitespace_before_args=opening, args=args)
    if isinstance(node, cst.Dict):
        return node.with_changes(
            elements=laid,
            lbrace=cst.LeftCurlyBrace(whitespace_after=opening),
            rbrace=cst.RightCurlyBrace(whitespace_before=end),
        )
    if isinstance(node, cst.Set):
        return node.with_changes(
            elements=laid,
            lbrace=cst.LeftCurlyBrace(whitespace_after=opening),
            rbrace=cst.RightCurlyBrace(whitespace_before=end),
        )
    if isinstance(node, cst.List):
        return node.with_changes(
            elements=laid,
            lbracket=cst.LeftSquareBracket(whitespace_after=opening),
            rbracket=cst.RightSquareBracket(whitespace_before=end),
        )
    assert isinstance(node, cst.Tuple)
    return node.with_changes(
        elements=laid,
        lpar=[cst.LeftParen(whitespace_after=opening), *node.lpar[1:]],
        rpar=[*node.rpar[:-1], cst.RightParen(whitespace_before=end)],
    )


__all__ = ["follow_file_style", "line_shape", "longest_line"]
