"""Shared machinery of the H2L5xx framework rules (this module is not a rule).

A framework migration is mostly a *move*: names leave one module (``vision_agents.plugins.heygen``)
for another (``vision_agents.plugins.liveavatar``), some renamed, some without a successor, and
every reference to a moved name must follow, or the output would use undefined names.
:class:`ImportMigration` plans such moves for one module: it finds the import bindings, the
references to them, decides per binding whether it can move (not shadowed, not suppressed, no
reference left that needs a name without successor), rewrites the import statements in place
(keeping aliases, parentheses and trailing commas) and lets the rule add the new names it needs
to the rewritten statements.

``ModuleIndex`` records imports and calls but not plain name references, so this module does
one extra walk collecting ``Name`` nodes, only for the names of framework imports and so only
in the (rare) modules that import a HeyGen framework integration.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, Union

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.edits import NodeTransform
from ..analysis.index import Statement, dotted_name, fast_visit
from .base import RuleContext

# --------------------------------------------------------------------------------------
# Names and their roles
# --------------------------------------------------------------------------------------

ROLE_REFERENCE = "reference"
ROLE_ATTRIBUTE = "attribute"
"""The ``attr`` of ``x.attr``: not a reference to a local name."""
ROLE_KEYWORD = "keyword"
ROLE_IMPORT = "import"
ROLE_BINDING = "binding"
"""Assigned, a parameter, a def/class name...: the local name is shadowed somewhere."""

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class _NameCollector(cst.CSTVisitor):
    def __init__(self, wanted: frozenset[str]) -> None:
        super().__init__()
        self.wanted = wanted
        self.found: dict[str, list[cst.Name]] = {}

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.wanted:
            self.found.setdefault(node.value, []).append(node)


def name_nodes(ctx: RuleContext, names: frozenset[str]) -> dict[str, list[cst.Name]]:
    """Every ``Name`` node spelling one of ``names``, in source order."""
    if not names:
        return {}
    collector = _NameCollector(names)
    fast_visit(ctx.module, collector)
    return collector.found


def name_role(ctx: RuleContext, node: cst.Name) -> str:
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return ROLE_ATTRIBUTE
    if isinstance(parent, cst.Arg) and parent.keyword is node:
        return ROLE_KEYWORD
    # Inside an import statement (the imported name, a dotted module path, or its alias).
    current: cst.CSTNode | None = parent
    while isinstance(current, (cst.Attribute, cst.ImportAlias, cst.AsName)):
        current = ctx.index.parent_of(current)
    if isinstance(current, (cst.Import, cst.ImportFrom)):
        return ROLE_IMPORT
    if isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef)) and parent.name is node:
        return ROLE_BINDING
    if isinstance(parent, (cst.AsName, cst.NameItem)):
        return ROLE_BINDING
    # Assignment targets, also nested in tuples and lists: ``heygen, x = ...``.
    child: cst.CSTNode = node
    current = parent
    while isinstance(current, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        child = current
        current = ctx.index.parent_of(current)
    target = getattr(current, "target", None)
    if (
        isinstance(
            current,
            (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For, cst.CompFor, cst.NamedExpr),
        )
        and target is child
    ):
        return ROLE_BINDING
    if isinstance(current, cst.Del):
        return ROLE_BINDING
    return ROLE_REFERENCE


def is_inside(ctx: RuleContext, node: cst.CSTNode, ancestors: set[int]) -> bool:
    """``node`` is, or lies inside, one of the nodes whose ids are ``ancestors``."""
    current: cst.CSTNode | None = node
    while current is not None:
        if id(current) in ancestors:
            return True
        current = ctx.index.parent_of(current)
    return False


# --------------------------------------------------------------------------------------
# Import bindings
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleMove:
    """Names of module ``old`` now live in ``new``."""

    old: str
    new: str
    symbols: Mapping[str, str | None]
    """Old name -> new name (``None``: no successor)."""
    keep_unknown: bool = False
    """Names not in ``symbols`` keep their name (the API is otherwise identical)."""
    legacy: str | None = None
    """Where names without successor can still be imported from (default: ``old``)."""

    def successor(self, name: str) -> str | None:
        if name in self.symbols:
            return self.symbols[name]
        return name if self.keep_unknown else None

    @property
    def legacy_module(self) -> str:
        return self.legacy or self.old


@dataclass
class Binding:
    """One local name an import statement binds to a moved module or to a name in one."""

    local: str
    move: ModuleMove
    alias: cst.ImportAlias
    import_node: cst.Import | cst.ImportFrom
    statement: Statement
    symbol: str | None
    """The imported name (``from old import symbol``); ``None`` when the module itself is bound."""
    aliased: bool
    references: list[cst.Name] = field(default_factory=list)
    frozen: bool = False
    """Left exactly as it is (suppressed, shadowed, or a reference cannot follow)."""

    @property
    def is_module(self) -> bool:
        return self.symbol is None


SmallImport = Union[cst.Import, cst.ImportFrom]


def _small_imports(statement: Statement) -> list[SmallImport]:
    if not isinstance(statement, cst.SimpleStatementLine):
        return []
    return [small for small in statement.body if isinstance(small, (cst.Import, cst.ImportFrom))]


def _module_of(node: cst.ImportFrom) -> str | None:
    if node.relative or node.module is None:
        return None
    return dotted_name(node.module)


def _alias_local(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None:
        name = alias.asname.name
        return name.value if isinstance(name, cst.Name) else None
    full = dotted_name(alias.name)
    return full


@dataclass
class StarImport:
    module: str
    node: cst.ImportFrom
    statement: Statement


@dataclass
class DottedImport:
    """``import old.module`` without ``as``: references spell the whole dotted path."""

    module: str
    alias: cst.ImportAlias
    statement: Statement


def move_for(moves: Sequence[ModuleMove], module: str) -> ModuleMove | None:
    for move in moves:
        if move.old == module:
            return move
    return None


def scan_imports(
    ctx: RuleContext, moves: Sequence[ModuleMove], star_modules: Sequence[str] = ()
) -> tuple[list[Binding], list[StarImport], list[DottedImport]]:
    """Bindings of the moved modules, star imports of ``star_modules`` (and of the moved
    modules), and plain dotted imports of moved modules."""
    bindings: list[Binding] = []
    stars: list[StarImport] = []
    dotted: list[DottedImport] = []
    star_set = {*star_modules, *(move.old for move in moves)}
    for statement in ctx.index.import_statements:
        for small in _small_imports(statement):
            if isinstance(small, cst.ImportFrom):
                module = _module_of(small)
                if module is None:
                    continue
                if isinstance(small.names, cst.ImportStar):
                    if module in star_set:
                        stars.append(StarImport(module, small, statement))
                    continue
                move = move_for(moves, module)
                for alias in small.names:
                    name = dotted_name(alias.name)
                    local = _alias_local(alias)
                    if name is None or local is None:
                        continue
                    if move is not None:
                        bindings.append(
                            Binding(
                                local, move, alias, small, statement, name, alias.asname is not None
                            )
                        )
                        continue
                    submodule = move_for(moves, f"{module}.{name}")
                    if submodule is not None:
                        bindings.append(
                            Binding(
                                local,
                                submodule,
                                alias,
                                small,
                                statement,
                                None,
                                alias.asname is not None,
                            )
                        )
            else:
                for alias in small.names:
                    full = dotted_name(alias.name)
                    if full is None:
                        continue
                    move = move_for(moves, full)
                    if move is None:
                        continue
                    if alias.asname is None:
                        dotted.append(DottedImport(full, alias, statement))
                        continue
                    local = _alias_local(alias)
                    if local is not None:
                        bindings.append(Binding(local, move, alias, small, statement, None, True))
    return bindings, stars, dotted


# --------------------------------------------------------------------------------------
# Separators: rebuilding comma-separated lists without losing their layout
# --------------------------------------------------------------------------------------

_Item = TypeVar("_Item", cst.Arg, cst.ImportAlias)


def _separator(original: Sequence[_Item], indent: str | None) -> cst.Comma:
    for item in original[:-1]:
        if isinstance(item.comma, cst.Comma):
            return item.comma
    if indent is not None:
        return cst.Comma(
            whitespace_after=cst.ParenthesizedWhitespace(
                first_line=cst.TrailingWhitespace(),
                indent=True,
                last_line=cst.SimpleWhitespace(indent),
            )
        )
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def relayout(
    items: Sequence[_Item], original: Sequence[_Item], indent: str | None = None
) -> list[_Item]:
    """``items`` separated like ``original`` (one per line, inline, trailing comma or not).

    ``indent`` is the indentation of the first item when the list opens on its own line; it
    is used when ``original`` had a single item and so shows no separator.
    """
    if not items:
        return []
    separator = _separator(original, indent)
    terminal = original[-1].comma if original else cst.MaybeSentinel.DEFAULT
    kept_commas = {id(item): item.comma for item in original[:-1]}
    # The whitespace before the closing parenthesis belongs to the last argument.
    closing = getattr(original[-1], "whitespace_after_arg", None) if original else None
    last_id = id(original[-1]) if original else None
    result: list[_Item] = []
    for position, item in enumerate(items):
        is_last = position == len(items) - 1
        if is_last:
            item = item.with_changes(comma=terminal)
        else:
            comma = kept_commas.get(id(item))
            item = item.with_changes(comma=comma if isinstance(comma, cst.Comma) else separator)
        if isinstance(item, cst.Arg) and closing is not None:
            if is_last:
                item = item.with_changes(whitespace_after_arg=closing)
            elif id(items[position]) == last_id:
                item = item.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""))
        result.append(item)
    return result


def opening_indent(whitespace: cst.BaseParenthesizableWhitespace) -> str | None:
    if isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace.last_line.value
    return None


# --------------------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------------------


def keyword(arg: cst.Arg) -> str | None:
    return arg.keyword.value if arg.keyword is not None else None


def find_keyword(call: cst.Call, name: str) -> cst.Arg | None:
    for arg in call.args:
        if keyword(arg) == name:
            return arg
    return None


def has_unpacking(call: cst.Call) -> bool:
    return any(arg.star for arg in call.args)


def make_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value=value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def rename_keyword(arg: cst.Arg, name: str) -> cst.Arg:
    assert arg.keyword is not None
    return arg.with_changes(keyword=arg.keyword.with_changes(value=name))


def call_of(name: str, args: Sequence[cst.Arg]) -> cst.Call:
    return cst.Call(func=expression(name), args=relayout(list(args), list(args)))


def expression(dotted: str) -> cst.BaseExpression:
    parts = dotted.split(".")
    node: cst.BaseExpression = cst.Name(parts[0])
    for part in parts[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def with_args(call: cst.Call, args: Sequence[cst.Arg]) -> cst.Call:
    return call.with_changes(
        args=relayout(list(args), list(call.args), opening_indent(call.whitespace_before_args))
    )


def string_literal(value: str, like: cst.CSTNode | None = None) -> cst.SimpleString:
    quote = "'" if isinstance(like, cst.SimpleString) and like.value.endswith("'") else '"'
    return cst.SimpleString(f"{quote}{value}{quote}")


def literal_string(node: cst.BaseExpression | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def is_uuid_literal(node: cst.BaseExpression | None) -> bool:
    value = literal_string(node)
    return value is not None and _UUID.match(value) is not None


def enum_member(node: cst.BaseExpression | None, enum_locals: set[str]) -> str | None:
    """``MEMBER`` for ``Enum.MEMBER`` / ``module.Enum.MEMBER`` where the enum is spelled by one
    of ``enum_locals`` (dotted)."""
    if isinstance(node, cst.Attribute):
        owner = dotted_name(node.value)
        if owner is not None and owner in enum_locals:
            return node.attr.value
    return None


# --------------------------------------------------------------------------------------
# The plan
# --------------------------------------------------------------------------------------


@dataclass
class _ImportEdit:
    node: cst.ImportFrom
    statement: Statement
    new_module: str | None = None
    renames: dict[int, str] = field(default_factory=dict)
    """Position of the alias -> new imported name."""
    dropped: set[int] = field(default_factory=set)
    legacy: dict[int, str] = field(default_factory=dict)
    """Position -> module the alias is re-imported from, in a statement of its own."""
    additions: list[str] = field(default_factory=list)
    aliases: dict[int, str] = field(default_factory=dict)
    """Position -> ``as`` name added (the new name clashes with another binding)."""
    top_level: bool = False
    """The statement is at module level (its continuation lines can be indented by 4)."""


class ImportMigration:
    """Moves the bindings of ``moves`` in one module; see the module docstring.

    Use: ``scan()``, let the rule inspect calls and mark argument nodes it drops with
    :meth:`drop` and enum literals it replaces with :meth:`handled`, then ``ensure_name`` for
    the new names the rewritten code needs, and finally :meth:`apply`.
    """

    def __init__(
        self,
        ctx: RuleContext,
        moves: Sequence[ModuleMove],
        star_modules: Sequence[str] = (),
        enum_literals: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self.ctx = ctx
        self.moves = moves
        self.bindings, self.stars, self.dotted = scan_imports(ctx, moves, star_modules)
        self.enum_literals = enum_literals or {}
        """Symbol -> {member: string}: ``Symbol.MEMBER`` references become the string."""
        self._dropped: set[int] = set()
        self._handled: set[int] = set()
        self._edits: dict[int, _ImportEdit] = {}
        self._extra_imports: list[tuple[str, str]] = []
        self._references_ready = False

    # Recognition ---------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.bindings or self.stars or self.dotted)

    def binding_for(self, local_head: str | None) -> Binding | None:
        if local_head is None:
            return None
        for binding in reversed(self.bindings):
            if binding.local == local_head:
                return binding
        return None

    def old_qualified(self, callee: str | None) -> str | None:
        """Old qualified name of a callee spelled through a movable binding, else ``None``."""
        if callee is None:
            return None
        head, _, rest = callee.partition(".")
        binding = self.binding_for(head)
        if binding is None or binding.frozen:
            return None
        base = binding.move.old if binding.is_module else f"{binding.move.old}.{binding.symbol}"
        return f"{base}.{rest}" if rest else base

    def drop(self, node: cst.CSTNode) -> None:
        """The rule removes ``node`` (an argument): references inside it need no successor."""
        self._dropped.add(id(node))

    def handled(self, node: cst.CSTNode) -> None:
        """The rule rewrites ``node`` itself: references inside it need no successor."""
        self._handled.add(id(node))

    # Planning ------------------------------------------------------------------------
    def collect_references(self) -> None:
        """Find the references of every binding and freeze those that cannot move."""
        if self._references_ready:
            return
        self._references_ready = True
        ctx = self.ctx
        found = name_nodes(ctx, frozenset(b.local for b in self.bindings if "." not in b.local))
        for binding in self.bindings:
            if ctx.is_suppressed(binding.statement):
                binding.frozen = True
                continue
            for node in found.get(binding.local, ()):
                role = name_role(ctx, node)
                if role == ROLE_REFERENCE:
                    binding.references.append(node)
                elif role == ROLE_BINDING:
                    binding.frozen = True
                    ctx.manual(
                        node,
                        f"`{binding.local}` is also assigned here, so its HeyGen import was not "
                        "migrated: rename one of them and run again",
                    )
            suppressed = [node for node in binding.references if ctx.is_suppressed(node)]
            if suppressed:
                binding.frozen = True
                for node in binding.references:
                    if node not in suppressed:
                        ctx.manual(
                            node,
                            f"`{binding.local}` is also used by a statement marked "
                            "`heygen2liveavatar: ignore`, so this use stays on HeyGen too",
                        )

    def _live(self, node: cst.Name) -> bool:
        ctx = self.ctx
        return not is_inside(ctx, node, self._dropped) and not is_inside(ctx, node, self._handled)

    def _attribute_of(self, node: cst.Name) -> cst.Attribute | None:
        parent = self.ctx.index.parent_of(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return parent
        return None

    def _enum_replacement(self, node: cst.BaseExpression, symbol: str) -> cst.Attribute | None:
        """``node.MEMBER`` where ``node`` spells ``symbol`` and MEMBER has a literal."""
        members = self.enum_literals.get(symbol)
        if not members:
            return None
        parent = self.ctx.index.parent_of(node)
        if (
            isinstance(parent, cst.Attribute)
            and parent.value is node
            and parent.attr.value in members
        ):
            return parent
        return None

    def ensure_name(self, module: str, name: str) -> str | None:
        """A local name for ``module.name`` in the migrated code; ``None`` on a name clash.

        Adds it to a statement that (after the rewrite) imports from ``module``, or asks for a
        new import.
        """
        qualified = f"{module}.{name}"
        imports = self.ctx.index.imports
        for local, target in imports.items():
            if target == qualified:
                return local
        for binding in self.bindings:
            if binding.frozen or binding.is_module or binding.aliased:
                continue
            successor = binding.move.successor(binding.symbol or "")
            if binding.move.new == module and successor == name:
                return name
        if name in imports or not self._claim(name, qualified):
            return None
        for edit in self._edits.values():
            if edit.new_module == module:
                if name not in edit.additions:
                    edit.additions.append(name)
                return name
        if (module, name) not in self._extra_imports:
            self._extra_imports.append((module, name))
        return name

    def plan(self) -> None:
        """Decide what happens to each binding (call after the rule marked its drops)."""
        self.collect_references()
        ctx = self.ctx
        for binding in self.bindings:
            if binding.frozen:
                continue
            if binding.is_module:
                self._plan_module(binding)
            else:
                self._plan_symbol(binding)
        # Existing statements importing from a destination module can take additions.
        for statement in ctx.index.import_statements:
            for small in _small_imports(statement):
                if (
                    isinstance(small, cst.ImportFrom)
                    and not isinstance(small.names, cst.ImportStar)
                    and id(small) not in self._edits
                    and not ctx.is_suppressed(statement)
                ):
                    module = _module_of(small)
                    if module is not None and any(move.new == module for move in self.moves):
                        self._edits[id(small)] = _ImportEdit(
                            small,
                            statement,
                            new_module=module,
                            top_level=self._top_level(statement),
                        )

    def _edit_for(self, binding: Binding) -> _ImportEdit:
        node = binding.import_node
        assert isinstance(node, cst.ImportFrom)
        edit = self._edits.get(id(node))
        if edit is None:
            edit = _ImportEdit(
                node, binding.statement, top_level=self._top_level(binding.statement)
            )
            self._edits[id(node)] = edit
        return edit

    def _top_level(self, statement: Statement) -> bool:
        return self.ctx.index.parent_of(statement) is self.ctx.module

    def _position(self, binding: Binding) -> int:
        names = binding.import_node.names
        assert not isinstance(names, cst.ImportStar)
        return next(i for i, alias in enumerate(names) if alias is binding.alias)

    def _plan_symbol(self, binding: Binding) -> None:
        ctx = self.ctx
        symbol = binding.symbol or ""
        successor = binding.move.successor(symbol)
        live = [node for node in binding.references if self._live(node)]
        edit = self._edit_for(binding)
        position = self._position(binding)
        # ``Symbol.MEMBER`` references that become plain strings.
        literal_refs = []
        for node in live:
            attribute = self._enum_replacement(node, symbol)
            if attribute is not None:
                literal_refs.append((node, attribute))
        for _node, attribute in literal_refs:
            value = self.enum_literals[symbol][attribute.attr.value]
            ctx.replace(attribute, string_literal(value))
        live = [node for node in live if all(node is not n for n, _ in literal_refs)]
        if successor is None:
            if live:
                edit.legacy[position] = binding.move.legacy_module
                # Reported where it is used: the import line itself moves between runs.
                for node in live:
                    ctx.manual(
                        node,
                        f"`{symbol}` has no LiveAvatar counterpart (it stays imported from "
                        f"`{binding.move.legacy_module}`): migrate this use by hand",
                    )
            else:
                edit.dropped.add(position)
            edit.new_module = edit.new_module or binding.move.new
            return
        edit.new_module = binding.move.new
        target = f"{binding.move.new}.{successor}"
        local_after = binding.local if binding.aliased else successor
        if local_after != binding.local:
            existing = ctx.index.imports.get(local_after)
            if existing == target:
                edit.dropped.add(position)  # already imported under that name
            elif not self._claim(local_after, target):
                # The successor's name is taken: import it under the old local name.
                edit.renames[position] = successor
                edit.aliases[position] = binding.local
                ctx.fixed(
                    binding.alias,
                    f"`{successor}` is imported as `{binding.local}`: the name `{successor}` "
                    "is taken in this module",
                )
                return
            else:
                edit.renames[position] = successor
            for node in binding.references:
                ctx.replace(node, node.with_changes(value=successor))
        elif successor != symbol:
            edit.renames[position] = successor

    def _claim(self, local: str, qualified: str) -> bool:
        """Reserve ``local`` for ``qualified`` in this module, across the H2L5xx rules (two
        rules must not both introduce, say, ``liveavatar`` for different modules)."""
        claims = self.ctx.shared.setdefault(_CLAIMS, {})
        assert isinstance(claims, dict)
        owner = claims.get(local)
        existing = self.ctx.index.imports.get(local)
        if owner not in (None, qualified) or existing not in (None, qualified):
            return False
        if local in self.ctx.index.module_scope.assignments:
            return False
        claims[local] = qualified
        return True

    def _plan_module(self, binding: Binding) -> None:
        ctx = self.ctx
        move = binding.move
        live = [node for node in binding.references if self._live(node)]
        attribute_renames: list[tuple[cst.Attribute, str]] = []
        literal_refs: list[tuple[cst.Attribute, str]] = []
        for node in live:
            attribute = self._attribute_of(node)
            if attribute is None:
                continue
            symbol = attribute.attr.value
            enum_attr = self._enum_replacement(attribute, symbol)
            if enum_attr is not None:
                literal_refs.append((enum_attr, self.enum_literals[symbol][enum_attr.attr.value]))
                continue
            successor = move.successor(symbol)
            if successor is None:
                binding.frozen = True
                ctx.manual(
                    attribute,
                    f"`{symbol}` has no LiveAvatar counterpart, so `{binding.local}` still "
                    f"imports `{move.old}`: migrate this use by hand and run again",
                )
                return
            if successor != symbol:
                attribute_renames.append((attribute, successor))
        old_leaf = move.old.rpartition(".")[2]
        new_parent, _, new_leaf = move.new.rpartition(".")
        import_node = binding.import_node
        if isinstance(import_node, cst.Import):
            ctx.transform(binding.alias, lambda updated: _with_alias_name(updated, move.new))
        else:
            edit = self._edit_for(binding)
            statement_module = _module_of(import_node)
            if new_parent != statement_module:
                # ``from livekit.plugins.hgl import api``: the statement's module moves too.
                if edit.new_module not in (None, new_parent):
                    binding.frozen = True
                    return
                edit.new_module = new_parent
            if new_leaf != old_leaf:
                edit.renames[self._position(binding)] = new_leaf
        for attribute, value in literal_refs:
            ctx.replace(attribute, string_literal(value))
        for attribute, successor in attribute_renames:
            ctx.transform(attribute, _attribute_renamer(successor))
        if not binding.aliased and new_leaf != binding.local:
            if isinstance(import_node, cst.ImportFrom) and not self._claim(new_leaf, move.new):
                # ``liveavatar`` is taken (say, by another framework's plugin): keep the old name.
                self._edit_for(binding).aliases[self._position(binding)] = binding.local
                ctx.fixed(
                    binding.alias,
                    f"`{new_leaf}` is imported as `{binding.local}`: the name `{new_leaf}` is "
                    "taken in this module",
                )
                return
            for ref in binding.references:
                ctx.replace(ref, ref.with_changes(value=new_leaf))

    # Applying -------------------------------------------------------------------------
    def apply(self) -> None:
        ctx = self.ctx
        frozen_at = {(id(b.import_node), self._position(b)): b for b in self.bindings if b.frozen}
        for edit in self._edits.values():
            original_module = _module_of(edit.node)
            names = edit.node.names
            assert not isinstance(names, cst.ImportStar)
            if edit.new_module is not None and edit.new_module != original_module:
                # Aliases that stay behind must not silently change module with the statement.
                for position in range(len(names)):
                    binding = frozen_at.get((id(edit.node), position))
                    if binding is not None and position not in edit.legacy:
                        edit.legacy[position] = (
                            binding.move.legacy_module
                            if not binding.is_module
                            else original_module or binding.move.old
                        )
            if not (edit.renames or edit.dropped or edit.legacy or edit.additions) and (
                edit.new_module in (None, original_module)
            ):
                continue
            legacy_groups: dict[str, list[cst.ImportAlias]] = {}
            for position, module in edit.legacy.items():
                legacy_groups.setdefault(module, []).append(names[position])
            kept = len(names) - len(edit.dropped) - len(edit.legacy) + len(edit.additions)
            main_legacy: str | None = None
            if kept <= 0 and legacy_groups:
                main_legacy = next(iter(legacy_groups))
            if kept <= 0 and main_legacy is None:
                statement = edit.statement
                if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
                    ctx.edits.remove(statement)
                    continue
            ctx.transform(edit.node, _import_rewriter(edit, main_legacy))
            extra_statements: list[cst.BaseStatement] = [
                _from_import(module, aliases)
                for module, aliases in legacy_groups.items()
                if module != main_legacy
            ]
            if extra_statements:
                ctx.insert_after(edit.statement, extra_statements)
        for module, name in self._extra_imports:
            ctx.require_import(module, name)

    def report_unsupported(self, framework: str) -> None:
        """Star imports and plain dotted imports: reported, never guessed."""
        for star in self.stars:
            self.ctx.manual(
                star.node,
                f"`from {star.module} import *` hides which {framework} names this module "
                "uses: import them by name so the LiveAvatar rewrite can apply, and run again",
            )
        for dotted in self.dotted:
            self.ctx.manual(
                dotted.alias,
                f"`import {dotted.module}` is used through its dotted path, which is not "
                f"rewritten: import the names from `{dotted.module}` (or the module `as` a "
                "name) and run again",
            )


def _attribute_renamer(new: str) -> NodeTransform:
    def rename(updated: cst.CSTNode) -> cst.CSTNode:
        if isinstance(updated, cst.Attribute):
            return updated.with_changes(attr=cst.Name(new))
        return updated

    return rename


def _with_alias_name(updated: cst.CSTNode, dotted: str) -> cst.CSTNode:
    assert isinstance(updated, cst.ImportAlias)
    new_name = expression(dotted)
    assert isinstance(new_name, (cst.Name, cst.Attribute))
    return updated.with_changes(name=new_name)


def _from_import(module: str, aliases: list[cst.ImportAlias]) -> cst.SimpleStatementLine:
    clean = [alias.with_changes(comma=cst.MaybeSentinel.DEFAULT) for alias in aliases]
    module_node = expression(module)
    assert isinstance(module_node, (cst.Name, cst.Attribute))
    return cst.SimpleStatementLine(
        body=[cst.ImportFrom(module=module_node, names=relayout(clean, []))]
    )


def _import_rewriter(edit: _ImportEdit, main_legacy: str | None) -> NodeTransform:
    """The transform of one ``from x import ...`` statement."""

    def rewrite(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.ImportFrom)
        names = updated.names
        if isinstance(names, cst.ImportStar):
            return updated
        kept: list[cst.ImportAlias] = []
        for position, alias in enumerate(names):
            if position in edit.dropped:
                continue
            if position in edit.legacy:
                if main_legacy is not None and edit.legacy[position] == main_legacy:
                    kept.append(alias)
                continue
            new_name = edit.renames.get(position)
            if new_name is not None:
                alias = alias.with_changes(name=cst.Name(new_name))
            if position in edit.aliases:
                alias = alias.with_changes(asname=cst.AsName(name=cst.Name(edit.aliases[position])))
            kept.append(alias)
        present = {dotted_name(alias.name) for alias in kept if alias.asname is None}
        for name in edit.additions:
            if name not in present:
                kept.append(cst.ImportAlias(name=cst.Name(name)))
        if not kept:
            return cst.Pass()
        module = main_legacy or edit.new_module
        changes: dict[str, object] = {"names": relayout(kept, list(names), _import_indent(updated))}
        if module is not None:
            changes["module"] = expression(module)
        result = updated.with_changes(**changes)
        if edit.top_level and updated.lpar is None and len(code_of(result, _EMPTY)) > MAX_LINE:
            result = _parenthesized(result)
        return result

    return rewrite


_CLAIMS = "h2l5xx.local_names"
"""``ctx.shared`` key: local names the framework rules introduce -> what they stand for."""
_EMPTY = cst.Module(body=[])
MAX_LINE = 100
"""Longer rewritten ``from x import a, b`` lines are wrapped, one name per line."""


def _parenthesized(node: cst.ImportFrom) -> cst.ImportFrom:
    names = node.names
    assert not isinstance(names, cst.ImportStar)
    line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace("    ")
    )
    closing = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace("")
    )
    aliases = [
        alias.with_changes(
            comma=cst.Comma(whitespace_after=closing if i == len(names) - 1 else line)
        )
        for i, alias in enumerate(names)
    ]
    return node.with_changes(
        names=aliases,
        lpar=cst.LeftParen(whitespace_after=line),
        rpar=cst.RightParen(),
    )


def _import_indent(node: cst.ImportFrom) -> str | None:
    if isinstance(node.lpar, cst.LeftParen):
        return opening_indent(node.lpar.whitespace_after)
    return None
