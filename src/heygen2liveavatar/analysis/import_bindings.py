"""Import bindings of moved modules: which local names an import binds to a module (or to a
name in a module) whose names now live elsewhere.

A framework migration is mostly a *move*: names leave one module (``vision_agents.plugins.heygen``)
for another (``vision_agents.plugins.liveavatar``), some renamed, some without a successor.
:class:`ModuleMove` describes one such move; :func:`scan_imports` finds, in one module, every
``Binding`` to a moved module (``from old import X``, ``from old import X as Y``,
``import old as m``, ``from parent import old_leaf``), the star imports that hide which names are
used, and the plain dotted imports (``import old.module``) whose references spell the whole
path. Only absolute imports count: a relative import is the package's own code.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Union

import libcst as cst

from .index import ModuleIndex, Statement, dotted_name
from .name_references import attribute_of, member_read


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

    @property
    def position(self) -> int:
        """Where the alias stands among the statement's names."""
        names = self.import_node.names
        assert not isinstance(names, cst.ImportStar)
        return next(i for i, alias in enumerate(names) if alias is self.alias)


SmallImport = Union[cst.Import, cst.ImportFrom]


def small_imports(statement: Statement) -> list[SmallImport]:
    if not isinstance(statement, cst.SimpleStatementLine):
        return []
    return [small for small in statement.body if isinstance(small, (cst.Import, cst.ImportFrom))]


def module_of(node: cst.ImportFrom) -> str | None:
    if node.relative or node.module is None:
        return None
    return dotted_name(node.module)


def alias_local(alias: cst.ImportAlias) -> str | None:
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
    index: ModuleIndex, moves: Sequence[ModuleMove], star_modules: Sequence[str] = ()
) -> tuple[list[Binding], list[StarImport], list[DottedImport]]:
    """Bindings of the moved modules, star imports of ``star_modules`` (and of the moved
    modules), and plain dotted imports of moved modules."""
    bindings: list[Binding] = []
    stars: list[StarImport] = []
    dotted: list[DottedImport] = []
    star_set = {*star_modules, *(move.old for move in moves)}
    for statement in index.import_statements:
        for small in small_imports(statement):
            if isinstance(small, cst.ImportFrom):
                module = module_of(small)
                if module is None:
                    continue
                if isinstance(small.names, cst.ImportStar):
                    if module in star_set:
                        stars.append(StarImport(module, small, statement))
                    continue
                move = move_for(moves, module)
                for alias in small.names:
                    name = dotted_name(alias.name)
                    local = alias_local(alias)
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
                    local = alias_local(alias)
                    if local is not None:
                        bindings.append(Binding(local, move, alias, small, statement, None, True))
    return bindings, stars, dotted


def binding_for(bindings: Sequence[Binding], local_head: str | None) -> Binding | None:
    """The last binding of the local name ``local_head``."""
    if local_head is None:
        return None
    for binding in reversed(bindings):
        if binding.local == local_head:
            return binding
    return None


def old_qualified(bindings: Sequence[Binding], callee: str | None) -> str | None:
    """Old qualified name of a callee spelled through a movable binding, else ``None``."""
    if callee is None:
        return None
    head, _, rest = callee.partition(".")
    binding = binding_for(bindings, head)
    if binding is None or binding.frozen:
        return None
    base = binding.move.old if binding.is_module else f"{binding.move.old}.{binding.symbol}"
    return f"{base}.{rest}" if rest else base


def imports_from(
    index: ModuleIndex, modules: Collection[str]
) -> Iterator[tuple[cst.ImportFrom, Statement]]:
    """``from module import names`` statements (not star imports) of one of ``modules``."""
    for statement in index.import_statements:
        for small in small_imports(statement):
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                module = module_of(small)
                if module is not None and module in modules:
                    yield small, statement


def local_name_of(
    index: ModuleIndex, bindings: Sequence[Binding], module: str, name: str
) -> str | None:
    """The local name ``module.name`` has in this module already, or will have once
    ``bindings`` move (a plain ``from old import X`` whose successor it is)."""
    qualified = f"{module}.{name}"
    for local, target in index.imports.items():
        if target == qualified:
            return local
    for binding in bindings:
        if binding.frozen or binding.is_module or binding.aliased:
            continue
        successor = binding.move.successor(binding.symbol or "")
        if binding.move.new == module and successor == name:
            return name
    return None


def claim_name(index: ModuleIndex, claims: dict[str, str], local: str, qualified: str) -> bool:
    """Reserve the local name ``local`` for ``qualified`` in ``claims`` (shared by the rules
    that introduce names in one module: two must not both introduce, say, ``liveavatar`` for
    different modules); ``False`` when it is taken, by a claim, an import or an assignment."""
    owner = claims.get(local)
    existing = index.imports.get(local)
    if owner not in (None, qualified) or existing not in (None, qualified):
        return False
    if local in index.module_scope.assignments:
        return False
    claims[local] = qualified
    return True


@dataclass
class AttributeMoves:
    """What becomes of ``module.NAME`` reads when the module moves."""

    renames: list[tuple[cst.Attribute, str]] = field(default_factory=list)
    """Reads of a name renamed in the new module, with the new name."""
    literals: list[tuple[cst.Attribute, str]] = field(default_factory=list)
    """``module.Enum.MEMBER`` reads that become the string literal given."""
    missing: tuple[cst.Attribute, str] | None = None
    """The first read of a name without successor (the module cannot move)."""


def attribute_moves(
    index: ModuleIndex,
    move: ModuleMove,
    references: Sequence[cst.Name],
    enum_literals: Mapping[str, Mapping[str, str]],
) -> AttributeMoves:
    """Follow the ``module.NAME`` reads among ``references`` of a module bound by an import."""
    found = AttributeMoves()
    for node in references:
        attribute = attribute_of(index, node)
        if attribute is None:
            continue
        symbol = attribute.attr.value
        members = enum_literals.get(symbol, {})
        enum_attr = member_read(index, attribute, members)
        if enum_attr is not None:
            found.literals.append((enum_attr, members[enum_attr.attr.value]))
            continue
        successor = move.successor(symbol)
        if successor is None:
            found.missing = (attribute, symbol)
            return found
        if successor != symbol:
            found.renames.append((attribute, successor))
    return found
