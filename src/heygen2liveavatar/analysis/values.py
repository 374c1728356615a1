"""Static resolution of string-valued expressions (URLs, header names, env lookups).

A URL such as ``f"{self.base_url}/streaming.new"`` is resolved into *pieces*: literal
text with the CST node it came from (so a rule can edit exactly that literal, wherever it
lives: a module constant, a class attribute, an ``__init__`` assignment, a parameter
default) and unknown holes. Resolution follows names through the module's own scope
tables; it never imports or runs user code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import libcst as cst

from .imported_constants import imported_constant
from .index import (
    Context,
    ModuleIndex,
    Scope,
    StringNode,
    dotted_name,
    literal_value,
    string_value,
    walk_nodes,
)

_MAX_DEPTH = 12

ENV_GETTERS = frozenset(
    {"os.getenv", "os.environ.get", "getenv", "environ.get", "os.environ.setdefault"}
)
URL_JOINERS = frozenset(
    {"urljoin", "urllib.parse.urljoin", "parse.urljoin", "posixpath.join", "os.path.join"}
)
_PATH_JOINERS = frozenset({"posixpath.join", "os.path.join"})
"""Joiners that put a ``/`` between parts (``os.path.join`` is ``posixpath.join`` where the
code runs: a URL joined with it, a common slip, works there)."""
URL_CLASSES = frozenset({"yarl.URL", "httpx.URL"})
"""``URL(text)``: the text, which ``url / "segment"`` (yarl) extends by a path segment."""
STRING_PASSTHROUGH_METHODS = frozenset({"rstrip", "strip", "lstrip", "format", "removesuffix"})

# One ``%`` conversion of printf-style formatting: ``%s``, ``%(host)s``, ``%-10.3d``, ``%%``.
_PERCENT_SPEC = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conversion>.)",
    re.DOTALL,
)


@dataclass(frozen=True)
class Piece:
    """A run of a resolved string: literal text (with its node) or an unknown hole."""

    text: str | None
    node: StringNode | None = None
    env_name: str | None = None
    """Set when the text is the default of an environment lookup of that variable."""
    env_call: cst.Call | None = None
    via: tuple[cst.BaseExpression, ...] = ()
    """Name and ``self.attr`` references followed to reach this piece, outermost first."""

    @property
    def known(self) -> bool:
        return self.text is not None


HOLE = Piece(None)


def _via(reference: cst.BaseExpression, pieces: list[Piece]) -> list[Piece]:
    return [replace(p, via=(reference, *p.via)) for p in pieces]


def join_text(pieces: list[Piece], hole: str = "\x00") -> str:
    return "".join(p.text if p.text is not None else hole for p in pieces)


def known_text(pieces: list[Piece]) -> str | None:
    """The whole text of ``pieces`` when every piece is known (a literal value), else ``None``."""
    if not pieces or not all(p.known for p in pieces):
        return None
    text = "".join(p.text or "" for p in pieces)
    return text or None


@dataclass(frozen=True)
class UrlBuilder:
    """A function that builds a URL from its arguments in its ``return`` (``return
    urljoin(self.base, endpoint)``, ``return f"{BASE}/{path}"``), possibly after assigning
    local values it reads: a call of it is a URL, not a request."""

    statement: cst.SimpleStatementLine
    expression: cst.BaseExpression
    arguments: dict[str, cst.BaseExpression]
    """Parameter name -> the expression the call passes for it."""


def url_builder(
    index: ModuleIndex, call: cst.Call, functions: dict[str, list[cst.FunctionDef]]
) -> UrlBuilder | None:
    func = call.func
    if isinstance(func, cst.Name):
        name, method = func.value, False
    elif (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value in ("self", "cls")
    ):
        name, method = func.attr.value, True
    else:
        return None
    found = functions.get(name, [])
    if len(found) != 1 or not isinstance(found[0].body, cst.IndentedBlock):
        return None
    function = found[0]
    statements = function.body.body
    lines = [line for line in statements if isinstance(line, cst.SimpleStatementLine)]
    if not lines or len(lines) != len(statements):
        return None
    lines = [
        line
        for line in lines
        if not (
            isinstance(line.body[0], cst.Expr)
            and isinstance(line.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
        )
    ]
    if not lines:
        return None
    small = lines[-1].body[0]
    if not isinstance(small, cst.Return) or small.value is None:
        return None
    expression = small.value
    params = [p.name.value for p in function.params.params]
    # ``base = HEYGEN.rstrip("/")`` before the ``return``: local values the return reads are
    # resolved in the builder's scope; a parameter rebound there is not the caller's argument.
    for line in lines[:-1]:
        local = line.body[0] if len(line.body) == 1 else None
        if not (
            isinstance(local, cst.Assign)
            and len(local.targets) == 1
            and isinstance(local.targets[0].target, cst.Name)
            and local.targets[0].target.value not in params
        ):
            return None
    if method and params and params[0] in ("self", "cls"):
        params = params[1:]
    if any(arg.star for arg in call.args):
        return None
    arguments: dict[str, cst.BaseExpression] = {}
    extra: list[cst.BaseExpression] = []
    for position, arg in enumerate(call.args):
        if arg.keyword is not None:
            arguments[arg.keyword.value] = arg.value
        elif position < len(params):
            arguments[params[position]] = arg.value
        else:
            extra.append(arg.value)
    star = function.params.star_arg
    if isinstance(star, cst.Param):
        # ``def _url(self, *parts): return "/".join([KB_URL, *parts])``: the join of this
        # call's own parts, each read as its argument.
        spread = _spread_join(expression, star.name.value, len(extra))
        if spread is not None:
            expression = spread
            arguments.update({f"{_STAR_PREFIX}{n}": value for n, value in enumerate(extra)})
    if isinstance(expression, cst.IfExp):
        # ``return f"{path}/{action}" if action else path``: an optional suffix, whose
        # branch this call takes is known from its literal argument or the default.
        chosen = _branch_taken(function, expression, arguments)
        if chosen is None:
            return None
        expression = chosen
    local_values = {
        line.body[0].targets[0].target.value: line.body[0].value  # type: ignore[attr-defined]
        for line in lines[:-1]
    }
    if not _builds_url(index, expression) and not (
        isinstance(expression, cst.Name)
        and expression.value in local_values
        and _builds_url(index, local_values[expression.value])
    ):
        return None
    # The parameters the URL reads, also through the locals it reads (``path = f"{KB}/{id}"``).
    read = [expression]
    read += [
        local_values[n.value]
        for n in walk_nodes(expression)
        if type(n) is cst.Name and n.value in local_values
    ]
    if not any(
        isinstance(n, cst.Name) and n.value in arguments for e in read for n in walk_nodes(e)
    ):
        return None
    return UrlBuilder(lines[-1], expression, arguments)


_STAR_PREFIX = "__star_"
"""Names standing for a star parameter's values in a URL builder's expression (no identifier
of a program starts so)."""


def _spread_join(
    expression: cst.BaseExpression, star: str, count: int
) -> cst.BaseExpression | None:
    """``"/".join([BASE, *parts])`` with ``*parts`` written out as ``count`` names, one per
    value a call passes (:data:`_STAR_PREFIX`); ``None`` for any other expression."""
    if not (
        isinstance(expression, cst.Call)
        and isinstance(expression.func, cst.Attribute)
        and expression.func.attr.value == "join"
        and len(expression.args) == 1
        and isinstance(expression.args[0].value, (cst.List, cst.Tuple))
    ):
        return None
    sequence = expression.args[0].value
    elements: list[cst.BaseElement] = []
    spread = False
    for element in sequence.elements:
        if isinstance(element, cst.StarredElement):
            if not isinstance(element.value, cst.Name) or element.value.value != star or spread:
                return None
            spread = True
            elements.extend(cst.Element(cst.Name(f"{_STAR_PREFIX}{n}")) for n in range(count))
        else:
            elements.append(element)
    if not spread or len(elements) < 2:
        return None
    return expression.with_changes(args=[expression.args[0].with_changes(value=cst.List(elements))])


def _branch_taken(
    function: cst.FunctionDef, expression: cst.IfExp, arguments: dict[str, cst.BaseExpression]
) -> cst.BaseExpression | None:
    """The branch of ``A if param else B`` a call takes, when ``param`` is a parameter the
    call passes a literal for or leaves at its literal default; else ``None``."""
    test = expression.test
    if not isinstance(test, cst.Name):
        return None
    param = next((p for p in function.params.params if p.name.value == test.value), None)
    if param is None:
        return None
    value = arguments.get(test.value, param.default)
    if isinstance(value, cst.SimpleString):
        text = string_value(value)
        truth = None if text is None else bool(text)
    elif isinstance(value, cst.Name) and value.value in ("None", "False", "True"):
        truth = value.value == "True"
    else:
        truth = None
    if truth is None:
        return None
    return expression.body if truth else expression.orelse


def optional_suffix_argument(
    index: ModuleIndex, functions: dict[str, list[cst.FunctionDef]], literal: cst.BaseExpression
) -> cst.Call | None:
    """The call of a URL builder ``def _kb_path(kb_id, action=""): ... return f"{path}/{action}"
    if action else path`` that passes ``literal`` for the parameter choosing the branch, when
    the other branch does not read it and the parameter's default takes that branch: leaving
    the argument out builds the URL without ``/<literal>``. So for the last of the values a
    call passes a star parameter joined with ``/`` (``"/".join([KB_URL, *parts])`` called
    ``self._url(kb_id, "delete")``)."""
    arg = index.parent_of(literal)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(arg, cst.Arg) or not isinstance(call, cst.Call) or arg.star:
        return None
    builder = url_builder(index, call, functions)
    if builder is None:
        return None
    name = next((n for n, value in builder.arguments.items() if value is literal), None)
    stars = sorted(
        (n for n in builder.arguments if n.startswith(_STAR_PREFIX)),
        key=lambda n: int(n[len(_STAR_PREFIX) :]),
    )
    if name is not None and stars and name == stars[-1]:
        # ``self._url(kb_id, "delete")``: the last value of ``*parts``, positional and last
        return call if call.args[-1] is arg and arg.keyword is None else None
    function = functions[dotted_name(call.func).rsplit(".", 1)[-1]][0]  # type: ignore[union-attr]
    small = builder.statement.body[0]
    expression = small.value if isinstance(small, cst.Return) else None
    param = next((p for p in function.params.params if p.name.value == name), None)
    if (
        name is None
        or param is None
        or param.default is None
        or not isinstance(expression, cst.IfExp)
        or not isinstance(expression.test, cst.Name)
        or expression.test.value != name
        or builder.expression is not expression.body
    ):
        return None
    without = dict(builder.arguments)
    del without[name]
    if _branch_taken(function, expression, without) is not expression.orelse or any(
        isinstance(n, cst.Name) and n.value == name for n in walk_nodes(expression.orelse)
    ):
        return None
    return call


def _builds_url(index: ModuleIndex, expression: cst.BaseExpression) -> bool:
    if isinstance(expression, cst.FormattedString):
        return True
    if isinstance(expression, cst.BinaryOperation) and isinstance(expression.operator, cst.Add):
        return True
    if (
        isinstance(expression, cst.Call)
        and isinstance(expression.func, cst.Attribute)
        and expression.func.attr.value == "format"
        and isinstance(expression.func.value, (cst.SimpleString, cst.ConcatenatedString))
    ):
        return True  # ``"{}/v1/{}".format(base, path)``
    if (
        isinstance(expression, cst.BinaryOperation)
        and isinstance(expression.operator, cst.Modulo)
        and isinstance(expression.left, (cst.SimpleString, cst.ConcatenatedString))
    ):
        return True  # ``"%s/streaming.%s" % (self.host, name)``
    if separator_join(expression) is not None:
        return True  # ``"/".join([BASE, "v1", path])``
    if isinstance(expression, cst.Call):
        name = dotted_name(expression.func)
        if url_unsplit(expression, index.qualified_name(name)) is not None:
            return True  # ``urlunsplit(("https", HOST, f"/v1/streaming.{action}", "", ""))``
        return name is not None and (
            name in URL_JOINERS or index.qualified_name(name) in URL_JOINERS
        )
    return False


def joined_last_part(
    index: ModuleIndex, expression: cst.BaseExpression
) -> cst.BaseExpression | None:
    """``posixpath.join(API_ROOT, "streaming." + action)`` / ``urljoin(BASE, path)``: the
    last part joined (what a caller's path becomes), for a URL joiner call of two or more
    positional arguments."""
    if not isinstance(expression, cst.Call) or len(expression.args) < 2:
        return None
    if any(arg.keyword is not None or arg.star for arg in expression.args):
        return None
    name = dotted_name(expression.func)
    if name is None or (name not in URL_JOINERS and index.qualified_name(name) not in URL_JOINERS):
        return None
    return expression.args[-1].value


def _joins_with_slash(
    name: str | None, qualified: str | None, left: list[Piece], right: list[Piece]
) -> bool:
    """``posixpath.join`` puts a ``/`` between parts that have none (``urljoin`` does not:
    its base's last segment is replaced unless it ends in ``/``)."""
    if not _PATH_JOINERS & {name, qualified} or not left or not right:
        return False
    end, start = left[-1].text, right[0].text
    return end is not None and not end.endswith("/") and not (start or "").startswith("/")


def separator_join(
    call: cst.BaseExpression,
) -> tuple[cst.SimpleString, list[cst.BaseExpression]] | None:
    """``"/".join([HOST, "v1", "streaming.task"])``: the separator literal and the parts
    joined, when they are written out as a list or tuple (no ``*rest``)."""
    if not (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "join"
        and isinstance(call.func.value, cst.SimpleString)
        and isinstance(literal_value(call.func.value), str)
        and len(call.args) == 1
        and call.args[0].keyword is None
        and not call.args[0].star
        and isinstance(call.args[0].value, (cst.List, cst.Tuple))
    ):
        return None
    elements = call.args[0].value.elements
    if not elements or any(isinstance(e, cst.StarredElement) for e in elements):
        return None
    return call.func.value, [e.value for e in elements]


URL_UNSPLITTERS = {"urllib.parse.urlunsplit": 5, "urllib.parse.urlunparse": 6}


def url_unsplit(
    call: cst.Call, name: str | None
) -> tuple[cst.BaseExpression, cst.BaseExpression, cst.BaseExpression] | None:
    """``urlunsplit(("https", HOST, f"/v1/streaming.{action}", "", ""))``: the scheme, host
    and path written out in a tuple or list whose other parts (params, query, fragment) are
    empty literals."""
    size = URL_UNSPLITTERS.get(name or "")
    if size is None or len(call.args) != 1 or call.args[0].keyword or call.args[0].star:
        return None
    parts = call.args[0].value
    if not isinstance(parts, (cst.Tuple, cst.List)) or len(parts.elements) != size:
        return None
    if any(isinstance(e, cst.StarredElement) for e in parts.elements):
        return None
    values = [e.value for e in parts.elements]
    if any(not isinstance(v, cst.SimpleString) or literal_value(v) != "" for v in values[3:]):
        return None
    return values[0], values[1], values[2]


def _unsplit_pieces(
    parts: tuple[cst.BaseExpression, cst.BaseExpression, cst.BaseExpression],
    resolve: Callable[[cst.BaseExpression], list[Piece]],
) -> list[Piece]:
    """``scheme://netloc/path`` of :func:`url_unsplit`'s parts."""
    scheme, netloc, path = parts
    path_pieces = resolve(path)
    slashed = bool(path_pieces) and (path_pieces[0].text or "").startswith("/")
    return [
        *resolve(scheme),
        Piece("://"),
        *resolve(netloc),
        *([] if slashed else [Piece("/")]),
        *path_pieces,
    ]


def _separator_join_pieces(
    separator: cst.SimpleString,
    parts: list[cst.BaseExpression],
    resolve: Callable[[cst.BaseExpression], list[Piece]],
) -> list[Piece]:
    """The joined parts' pieces with the separator's text between them."""
    text = literal_value(separator)
    pieces: list[Piece] = []
    for position, part in enumerate(parts):
        if position and isinstance(text, str) and text:
            pieces.append(Piece(text, separator))
        pieces.extend(resolve(part))
    return pieces


def _formatted_pieces(
    expr: cst.FormattedString, resolve: Callable[[cst.BaseExpression], list[Piece]]
) -> list[Piece]:
    """An f-string's text as pieces, each ``{expression}`` resolved by ``resolve``."""
    pieces: list[Piece] = []
    for part in expr.parts:
        if isinstance(part, cst.FormattedStringText):
            pieces.append(Piece(part.value, part))
        elif isinstance(part, cst.FormattedStringExpression):
            pieces.extend(resolve(part.expression))
    return pieces


# One replacement field of ``str.format``: ``{}``, ``{0}``, ``{base}``, ``{0:>4}``; or ``{{``/``}}``.
_FORMAT_FIELD = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*)\}")


def _str_format_pieces(
    template: list[Piece],
    call: cst.Call,
    resolve: Callable[[cst.BaseExpression], list[Piece]],
) -> list[Piece]:
    """``"{}/v1/{}".format(base, path)``: the template's text with each field replaced by its
    argument's pieces (a hole when it cannot be told which argument, or it has a format spec).

    The template's text pieces keep the template literal as their node, as for ``%``."""
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    keyed = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    if any(a.star for a in call.args) or any(not p.known for p in template):
        positional, keyed = [], {}  # ``*args``/``**kw`` or an unknown part: no guessed argument
    pieces: list[Piece] = []
    automatic = 0
    for piece in template:
        if piece.text is None:
            pieces.append(piece)
            continue
        start = 0
        for match in _FORMAT_FIELD.finditer(piece.text):
            if match.start() > start:
                pieces.append(replace(piece, text=piece.text[start : match.start()]))
            start = match.end()
            field = match.group("field")
            if field is None:
                pieces.append(replace(piece, text=match.group(0)[0]))
                continue
            operand: cst.BaseExpression | None = None
            if field == "":
                operand = positional[automatic] if automatic < len(positional) else None
                automatic += 1
            elif field.isdigit():
                at = int(field)
                operand = positional[at] if at < len(positional) else None
            elif field.isidentifier():
                operand = keyed.get(field)
            pieces.extend([HOLE] if operand is None else resolve(operand))
        if start < len(piece.text):
            pieces.append(replace(piece, text=piece.text[start:]))
    return pieces


TEMPLATES = frozenset({"Template", "string.Template"})
TEMPLATE_SUBSTITUTES = frozenset({"substitute", "safe_substitute"})
# One placeholder of ``string.Template`` (its own ``idpattern``): ``$$``, ``$name``, ``${name}``.
_TEMPLATE_FIELD = re.compile(
    r"\$(?:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|\{(?P<braced>[_a-z][_a-z0-9]*)\})",
    re.IGNORECASE | re.ASCII,
)


def _template_pieces(
    template: list[Piece],
    call: cst.Call,
    resolve: Callable[[cst.BaseExpression], list[Piece]],
) -> list[Piece]:
    """``Template("$host/v1/streaming.$action").substitute(host=API, action="new")``: the
    template's text with each placeholder replaced by its keyword's pieces (or the key's value
    of a dict literal passed first); a hole for a placeholder no argument names."""
    keyed = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    if positional and isinstance(positional[0], cst.Dict):
        for element in positional[0].elements:
            key = string_value(element.key) if isinstance(element, cst.DictElement) else None
            if key is not None:
                keyed.setdefault(key, element.value)
    if any(a.star for a in call.args) or any(not p.known for p in template):
        keyed = {}
    pieces: list[Piece] = []
    for piece in template:
        if piece.text is None:
            pieces.append(piece)
            continue
        start = 0
        for match in _TEMPLATE_FIELD.finditer(piece.text):
            if match.start() > start:
                pieces.append(replace(piece, text=piece.text[start : match.start()]))
            start = match.end()
            if match.group("escaped") is not None:
                pieces.append(replace(piece, text="$"))
                continue
            operand = keyed.get(match.group("named") or match.group("braced"))
            pieces.extend([HOLE] if operand is None else resolve(operand))
        if start < len(piece.text):
            pieces.append(replace(piece, text=piece.text[start:]))
    return pieces


class ValueResolver:
    """Resolves expressions of one module to lists of :class:`Piece`."""

    def __init__(
        self, index: ModuleIndex, url_constants: tuple[tuple[str, str, str], ...] = ()
    ) -> None:
        self.index = index
        self.url_constants = url_constants
        """``ProjectFacts.url_constants``: the streaming URLs other modules' constants hold."""
        self._cache: dict[int, list[Piece]] = {}
        self._order: dict[int, int] | None = None
        self._function_table: dict[str, list[cst.FunctionDef]] | None = None

    def resolve(self, expr: cst.BaseExpression, context: Context) -> list[Piece]:
        return self._resolve(expr, context.scope, context, 0, frozenset())

    def resolve_in_scope(
        self, expr: cst.BaseExpression, scope: Scope, context: Context
    ) -> list[Piece]:
        return self._resolve(expr, scope, context, 0, frozenset())

    def _resolve(
        self,
        expr: cst.BaseExpression,
        scope: Scope,
        context: Context,
        depth: int,
        seen: frozenset[int],
    ) -> list[Piece]:
        if depth > _MAX_DEPTH or id(expr) in seen:
            return [HOLE]
        seen = seen | {id(expr)}
        depth += 1
        if isinstance(expr, cst.SimpleString):
            value = literal_value(expr)
            return [Piece(value, expr)] if isinstance(value, str) else [HOLE]
        if isinstance(expr, cst.ConcatenatedString):
            return self._resolve(expr.left, scope, context, depth, seen) + self._resolve(
                expr.right, scope, context, depth, seen
            )
        if isinstance(expr, cst.FormattedString):
            return _formatted_pieces(
                expr, lambda inner: self._resolve(inner, scope, context, depth, seen)
            )
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            return self._resolve(expr.left, scope, context, depth, seen) + self._resolve(
                expr.right, scope, context, depth, seen
            )
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Modulo):
            return self._resolve_percent(expr, scope, context, depth, seen)
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Divide):
            # ``URL("https://api.heygen.com/v1") / "streaming.new"`` (yarl): a path segment
            left = self._resolve(expr.left, scope, context, depth, seen)
            if not left or not (left[0].text or "").startswith(("http://", "https://")):
                return [HOLE]
            right = self._resolve(expr.right, scope, context, depth, seen)
            return [*left, *([] if (left[-1].text or "").endswith("/") else [Piece("/")]), *right]
        if isinstance(expr, cst.Name):
            assigned = self.index.lookup(expr.value, scope)
            if not assigned:
                return self._imported_url(expr)
            target = self._reaching(expr, assigned)
            if target is expr or (isinstance(target, cst.Name) and target.value == expr.value):
                return [HOLE]
            return _via(
                expr,
                self._resolve(target, self._scope_of_value(target, scope), context, depth, seen),
            )
        if isinstance(expr, cst.Attribute):
            if isinstance(expr.value, cst.Name) and expr.value.value in ("self", "cls"):
                attribute_values = self.index.lookup_self_attribute(
                    context.class_def, expr.attr.value
                )
                if attribute_values:
                    first = attribute_values[0]
                    return _via(
                        expr,
                        self._resolve(
                            first, self._scope_of_value(first, scope), context, depth, seen
                        ),
                    )
            member = self._class_member(expr)
            if member is not None:
                return _via(
                    expr,
                    self._resolve(
                        member, self._scope_of_value(member, scope), context, depth, seen
                    ),
                )
            return self._imported_url(expr)
        if isinstance(expr, cst.Subscript):
            entry = self._constant_entry(expr, scope)
            if entry is None:
                return self._imported_url(expr)
            return _via(
                expr,
                self._resolve(entry, self._scope_of_value(entry, scope), context, depth, seen),
            )
        if isinstance(expr, cst.Call):
            return self._resolve_call(expr, scope, context, depth, seen)
        if isinstance(expr, cst.BooleanOperation) and isinstance(expr.operator, cst.Or):
            # ``os.getenv("X") or "https://..."``: the literal is the effective default.
            right = self._resolve(expr.right, scope, context, depth, seen)
            if any(p.known for p in right):
                left = self._resolve(expr.left, scope, context, depth, seen)
                env = next((p.env_name for p in left if p.env_name), None)
                call = next((p.env_call for p in left if p.env_call is not None), None)
                if env is not None:
                    return [replace(p, env_name=env, env_call=call) for p in right]
                return right
            return [HOLE]
        return [HOLE]

    def _imported_url(self, expr: cst.Name | cst.Attribute | cst.Subscript) -> list[Piece]:
        """``STREAMING_NEW_URL`` imported from the project's ``constants.py`` (or read as
        ``constants.STREAMING_NEW_URL``, ``Urls.NEW``, ``ENDPOINTS["new"]``): the URL its module's constant holds, as text without
        a node here (its literal is edited in its own module: ``analysis/imported_urls.py``)."""
        text = imported_constant(self.index, expr, self.url_constants)
        if text is None:
            return [HOLE]
        pieces: list[Piece] = []
        for number, part in enumerate(text.split("\x00")):
            if number:
                pieces.append(HOLE)
            if part:
                pieces.append(Piece(part, via=(expr,)))
        return pieces

    def _resolve_percent(
        self,
        expr: cst.BinaryOperation,
        scope: Scope,
        context: Context,
        depth: int,
        seen: frozenset[int],
        resolve: Callable[[cst.BaseExpression], list[Piece]] | None = None,
    ) -> list[Piece]:
        """``"%s/v1/streaming.task" % API_HOST``, ``"%s%s" % (host, path)``,
        ``"%(host)s/v1/..." % {"host": HOST}``: the template's text with each conversion
        replaced by its operand's pieces (a hole when the operand is not known here).

        The template's text pieces keep the template literal as their node, so a rule edits
        the path in it as in any literal. ``resolve`` resolves the template and its operands
        (a URL builder's parameters are its caller's arguments); by default, here."""
        resolve = resolve or (lambda part: self._resolve(part, scope, context, depth, seen))
        template = resolve(expr.left)
        if not any(p.known for p in template):
            return [HOLE]
        positional, keyed = _percent_operands(expr.right)
        if any(not p.known for p in template):
            # A conversion inside an unknown part would shift the operands: keep the known
            # text, never substitute a guessed operand.
            positional, keyed = [], {}
        pieces: list[Piece] = []
        next_operand = 0
        for piece in template:
            if piece.text is None:
                pieces.append(piece)
                continue
            start = 0
            for spec in _PERCENT_SPEC.finditer(piece.text):
                if spec.start() > start:
                    pieces.append(replace(piece, text=piece.text[start : spec.start()]))
                start = spec.end()
                conversion, key = spec.group("conversion"), spec.group("key")
                if "*" in spec.group(0):
                    positional = []  # ``%*d`` takes its width from the operands: alignment lost
                if conversion == "%":
                    pieces.append(replace(piece, text="%"))
                    continue
                operand: cst.BaseExpression | None
                if key is not None:
                    operand = keyed.get(key)
                else:
                    operand = positional[next_operand] if next_operand < len(positional) else None
                    next_operand += 1
                if operand is None or conversion != "s":
                    pieces.append(HOLE)  # ``%d``, ``%r``: not the operand's text as written
                    continue
                pieces.extend(resolve(operand))
            if start < len(piece.text):
                pieces.append(replace(piece, text=piece.text[start:]))
        return pieces

    def _constant_entry(self, expr: cst.Subscript, scope: Scope) -> cst.BaseExpression | None:
        """``ENDPOINTS["new"]`` where ``ENDPOINTS = {"new": BASE + "/v1/streaming.new", ...}``
        is assigned once: the value written for that key (``None`` for anything else)."""
        if not isinstance(expr.value, cst.Name) or len(expr.slice) != 1:
            return None
        index = expr.slice[0].slice
        key = string_value(index.value) if isinstance(index, cst.Index) else None
        if key is None:
            return None
        return self._table_value(expr.value.value, key, scope)

    def _table_value(self, table: str, key: str, scope: Scope) -> cst.BaseExpression | None:
        """The value a dict literal assigned once to ``table`` holds for ``key``."""
        assigned = self.index.lookup(table, scope)
        if len(assigned) != 1 or not isinstance(assigned[0], cst.Dict):
            return None
        found: cst.BaseExpression | None = None
        for element in assigned[0].elements:
            if not isinstance(element, cst.DictElement):
                return None  # ``**other``: the key may come from there
            if string_value(element.key) == key:
                found = element.value  # the last one wins, as in Python
        return found

    def _class_member(self, expr: cst.Attribute) -> cst.BaseExpression | None:
        """``Endpoint.NEW`` (or ``Endpoint.NEW.value``): the literal a class of this module
        assigns to that name in its body (an ``Enum`` of paths, a constants class)."""
        if expr.attr.value == "value" and isinstance(expr.value, cst.Attribute):
            expr = expr.value  # an Enum member's value is what it was assigned
        if not isinstance(expr.value, cst.Name):
            return None
        owner = expr.value.value
        for statement in self.index.module.body:
            if not (isinstance(statement, cst.ClassDef) and statement.name.value == owner):
                continue
            body = statement.body
            if not isinstance(body, cst.IndentedBlock):
                return None
            for line in body.body:
                if not isinstance(line, cst.SimpleStatementLine):
                    continue
                for small in line.body:
                    if (
                        isinstance(small, cst.Assign)
                        and len(small.targets) == 1
                        and isinstance(small.targets[0].target, cst.Name)
                        and small.targets[0].target.value == expr.attr.value
                    ):
                        return small.value
            return None
        return None

    def functions(self) -> dict[str, list[cst.FunctionDef]]:
        """The module's functions and methods by name."""
        if self._function_table is None:
            table: dict[str, list[cst.FunctionDef]] = {}
            for key, found in self.index.contexts.items():
                statement = found.statement
                if id(statement) == key and type(statement) is cst.FunctionDef:
                    assert isinstance(statement, cst.FunctionDef)
                    table.setdefault(statement.name.value, []).append(statement)
            self._function_table = table
        return self._function_table

    def _inline(
        self,
        builder: UrlBuilder,
        call: cst.Call,
        scope: Scope,
        context: Context,
        depth: int,
        seen: frozenset[int],
    ) -> list[Piece]:
        """``self._url("streaming.new")`` with ``return urljoin(self.base_url, endpoint)``: the
        builder's expression, its parameters read as the caller's arguments."""
        inner = self.index.context_of(builder.statement)
        if inner is None:
            return [HOLE]
        return self._inline_part(builder.expression, builder, (scope, context), inner, depth, seen)

    def _inline_part(
        self,
        expr: cst.BaseExpression,
        builder: UrlBuilder,
        caller: tuple[Scope, Context],
        inner: Context,
        depth: int,
        seen: frozenset[int],
    ) -> list[Piece]:
        # A method, not a nested function: a recursive closure would be a reference cycle
        # holding the tree, which the runner leaves to reference counting.
        if isinstance(expr, cst.Name) and expr.value in builder.arguments:
            return self._resolve(builder.arguments[expr.value], *caller, depth, seen)
        parts: list[cst.BaseExpression] = []
        if isinstance(expr, cst.FormattedString):
            return _formatted_pieces(
                expr,
                lambda part: self._inline_part(part, builder, caller, inner, depth, seen),
            )
        if (
            isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value == "format"
        ):
            return _str_format_pieces(
                self._inline_part(expr.func.value, builder, caller, inner, depth, seen),
                expr,
                lambda part: self._inline_part(part, builder, caller, inner, depth, seen),
            )
        joined = separator_join(expr)
        if joined is not None:
            return _separator_join_pieces(
                *joined, lambda part: self._inline_part(part, builder, caller, inner, depth, seen)
            )
        unsplit = (
            url_unsplit(expr, self.index.qualified_name(dotted_name(expr.func)))
            if isinstance(expr, cst.Call)
            else None
        )
        if unsplit is not None:
            return _unsplit_pieces(
                unsplit, lambda part: self._inline_part(part, builder, caller, inner, depth, seen)
            )
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Modulo):
            # ``return "%s/streaming.%s" % (self.host, name)``
            return self._resolve_percent(
                expr,
                inner.scope,
                inner,
                depth,
                seen,
                lambda part: self._inline_part(part, builder, caller, inner, depth, seen),
            )
        if (
            isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value in STRING_PASSTHROUGH_METHODS
        ):
            # ``f"{BASE}/v1/{path.lstrip('/')}"``: the caller's argument, as ``_resolve`` reads
            # a stripped string outside a builder.
            return self._inline_part(expr.func.value, builder, caller, inner, depth, seen)
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            parts = [expr.left, expr.right]
        elif isinstance(expr, cst.Call) and len(expr.args) >= 2:
            parts = [expr.args[0].value, expr.args[1].value]
        elif (entry := self._entry_for_argument(expr, builder, inner)) is not None:
            # ``ENDPOINTS[name]`` with the caller's ``_url("new")``: the table's entry, whose
            # text is where the path is written (and edited).
            return _via(
                expr,
                self._resolve(entry, self._scope_of_value(entry, inner.scope), inner, depth, seen),
            )
        else:
            return self._resolve(expr, inner.scope, inner, depth, seen)
        return [
            piece
            for part in parts
            for piece in self._inline_part(part, builder, caller, inner, depth, seen)
        ]

    def _entry_for_argument(
        self, expr: cst.BaseExpression, builder: UrlBuilder, inner: Context
    ) -> cst.BaseExpression | None:
        """``TABLE[param]`` in a URL builder whose caller passes a literal for ``param``: the
        value the table (a dict literal assigned once) holds for that key."""
        if type(expr) is not cst.Subscript or type(expr.value) is not cst.Name:
            return None
        index = expr.slice[0].slice if len(expr.slice) == 1 else None
        if not isinstance(index, cst.Index) or type(index.value) is not cst.Name:
            return None
        argument = builder.arguments.get(index.value.value)
        key = string_value(argument) if isinstance(argument, cst.SimpleString) else None
        if key is None:
            return None
        return self._table_value(expr.value.value, key, inner.scope)

    def _reaching(
        self, use: cst.BaseExpression, assigned: list[cst.BaseExpression]
    ) -> cst.BaseExpression:
        """The value assigned last before ``use`` (``url`` reused for the next request); the
        first assignment when none comes before it in the source."""
        if len(assigned) < 2:
            return assigned[0]
        order = self._statement_order()
        use_statement = self.index.statement_of(use)
        at = order.get(id(use_statement), -1) if use_statement is not None else -1
        best: tuple[int, cst.BaseExpression] | None = None
        for value in assigned:
            statement = self.index.statement_of(value)
            position = order.get(id(statement), -1) if statement is not None else -1
            if position < at and (best is None or position > best[0]):
                best = (position, value)
        return best[1] if best is not None else assigned[0]

    def _statement_order(self) -> dict[int, int]:
        if self._order is None:
            self._order = {key: n for n, key in enumerate(self.index.contexts)}
        return self._order

    def _scope_of_value(self, value: cst.BaseExpression, fallback: Scope) -> Scope:
        context = self.index.context_of(value)
        if context is not None:
            return context.scope
        # Parameter defaults and other nodes without a recorded context: find the
        # statement through the parent map.
        node: cst.CSTNode | None = value
        while node is not None:
            ctx = self.index.context_of(node)
            if ctx is not None:
                return ctx.scope
            node = self.index.parent_of(node)
        return fallback

    def _resolve_call(
        self,
        call: cst.Call,
        scope: Scope,
        context: Context,
        depth: int,
        seen: frozenset[int],
    ) -> list[Piece]:
        name = dotted_name(call.func)
        qualified = self.index.qualified_name(name)
        if name is not None and (name in ENV_GETTERS or qualified in ENV_GETTERS):
            env_name = string_value(call.args[0].value) if call.args else None
            if len(call.args) >= 2:
                default = self._resolve(call.args[1].value, scope, context, depth, seen)
                return [replace(p, env_name=env_name, env_call=call) for p in default]
            return [Piece(None, None, env_name, call)]
        if (
            name is not None
            and (name in URL_JOINERS or qualified in URL_JOINERS)
            and len(call.args) >= 2
        ):
            left = self._resolve(call.args[0].value, scope, context, depth, seen)
            right = self._resolve(call.args[1].value, scope, context, depth, seen)
            if _joins_with_slash(name, qualified, left, right):
                # ``posixpath.join(".../v1", "streaming." + action)`` sends ``.../v1/streaming.``
                return [*left, Piece("/"), *right]
            return left + right
        if (name in ("str",) or qualified in URL_CLASSES) and len(call.args) == 1:
            return self._resolve(call.args[0].value, scope, context, depth, seen)
        if (
            (name in TEMPLATES or qualified in TEMPLATES)
            and len(call.args) == 1
            and not call.args[0].keyword
        ):
            # ``Template("$base/v1/streaming.$op")``: its text, substituted where it is used
            return self._resolve(call.args[0].value, scope, context, depth, seen)
        if isinstance(call.func, cst.Attribute) and call.func.attr.value in TEMPLATE_SUBSTITUTES:
            return _template_pieces(
                self._resolve(call.func.value, scope, context, depth, seen),
                call,
                lambda operand: self._resolve(operand, scope, context, depth, seen),
            )
        joined = separator_join(call)
        if joined is not None:
            return _separator_join_pieces(
                *joined, lambda part: self._resolve(part, scope, context, depth, seen)
            )
        unsplit = url_unsplit(call, qualified or name)
        if unsplit is not None:
            return _unsplit_pieces(
                unsplit, lambda part: self._resolve(part, scope, context, depth, seen)
            )
        builder = url_builder(self.index, call, self.functions())
        if builder is not None:
            return self._inline(builder, call, scope, context, depth, seen)
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "format":
            return _str_format_pieces(
                self._resolve(call.func.value, scope, context, depth, seen),
                call,
                lambda operand: self._resolve(operand, scope, context, depth, seen),
            )
        if (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value in STRING_PASSTHROUGH_METHODS
        ):
            return self._resolve(call.func.value, scope, context, depth, seen)
        return [HOLE]


def _percent_operands(
    right: cst.BaseExpression,
) -> tuple[list[cst.BaseExpression], dict[str, cst.BaseExpression]]:
    """The operands of ``template % right``: positional ones in order and ``%(key)s`` ones.

    A name bound to a tuple (``"%s%s" % parts``) counts as one operand: its conversions then
    find no operand and stay holes."""
    if isinstance(right, cst.Tuple):
        if any(isinstance(e, cst.StarredElement) for e in right.elements):
            return [], {}
        return [e.value for e in right.elements], {}
    if isinstance(right, cst.Dict):
        keyed: dict[str, cst.BaseExpression] = {}
        for element in right.elements:
            if not isinstance(element, cst.DictElement):
                return [], {}  # ``{**defaults, ...}``: a key may come from the spread
            key = string_value(element.key)
            if key is not None:
                keyed[key] = element.value
        return [], keyed
    return [right], {}
