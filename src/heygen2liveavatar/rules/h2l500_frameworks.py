"""Shared planning of the H2L5xx framework rules' module moves (this module is not a rule).

A framework migration is mostly a *move* (``analysis/import_bindings.py``): names leave one
module for another, some renamed, some without a successor, and every reference to a moved name
must follow, or the output would use undefined names. :class:`ImportMigration` plans such moves
for one module: from the import bindings and their references (``analysis/name_references.py``)
it decides per binding whether it can move (not shadowed, not suppressed, no reference left that
needs a name without successor), reports what cannot, reserves the new local names across the
framework rules, and rewrites the import statements in place (``analysis/import_rewrite.py``),
letting the rule add the new names it needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import libcst as cst

from ..analysis.call_arguments import string_literal
from ..analysis.import_bindings import (
    Binding,
    ModuleMove,
    attribute_moves,
    binding_for,
    claim_name,
    imports_from,
    local_name_of,
    module_of,
    old_qualified,
    scan_imports,
)
from ..analysis.import_rewrite import (
    ImportEdit,
    attribute_renamer,
    frozen_positions,
    import_rewrite,
    with_alias_name,
)
from ..analysis.index import Statement
from ..analysis.name_references import is_inside, member_read
from .base import RuleContext
from .framework_import_blockers import freeze_blocked_bindings, report_unsupported_imports

_CLAIMS = "h2l5xx.local_names"
"""``ctx.shared`` key: local names the framework rules introduce -> what they stand for."""


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
        self.bindings, self.stars, self.dotted = scan_imports(ctx.index, moves, star_modules)
        self.enum_literals = enum_literals or {}
        """Symbol -> {member: string}: ``Symbol.MEMBER`` references become the string."""
        self._dropped: set[int] = set()
        self._handled: set[int] = set()
        self._edits: dict[int, ImportEdit] = {}
        self._extra_imports: list[tuple[str, str]] = []
        self._references_ready = False

    # Recognition ---------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.bindings or self.stars or self.dotted)

    def binding_for(self, local_head: str | None) -> Binding | None:
        return binding_for(self.bindings, local_head)

    def old_qualified(self, callee: str | None) -> str | None:
        """Old qualified name of a callee spelled through a movable binding, else ``None``."""
        return old_qualified(self.bindings, callee)

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
        freeze_blocked_bindings(self.ctx, self.bindings)

    def _live(self, node: cst.Name) -> bool:
        ctx = self.ctx
        return not is_inside(ctx.index, node, self._dropped) and not is_inside(
            ctx.index, node, self._handled
        )

    def ensure_name(self, module: str, name: str) -> str | None:
        """A local name for ``module.name`` in the migrated code; ``None`` on a name clash.

        Adds it to a statement that (after the rewrite) imports from ``module``, or asks for a
        new import.
        """
        local = local_name_of(self.ctx.index, self.bindings, module, name)
        if local is not None:
            return local
        qualified = f"{module}.{name}"
        imports = self.ctx.index.imports
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
        destinations = {move.new for move in self.moves}
        for small, statement in imports_from(ctx.index, destinations):
            if id(small) not in self._edits and not ctx.is_suppressed(statement):
                self._edits[id(small)] = ImportEdit(
                    small,
                    statement,
                    new_module=module_of(small),
                    top_level=self._top_level(statement),
                )

    def _edit_for(self, binding: Binding) -> ImportEdit:
        node = binding.import_node
        assert isinstance(node, cst.ImportFrom)
        edit = self._edits.get(id(node))
        if edit is None:
            edit = ImportEdit(node, binding.statement, top_level=self._top_level(binding.statement))
            self._edits[id(node)] = edit
        return edit

    def _top_level(self, statement: Statement) -> bool:
        return self.ctx.index.parent_of(statement) is self.ctx.module

    def _plan_symbol(self, binding: Binding) -> None:
        ctx = self.ctx
        symbol = binding.symbol or ""
        successor = binding.move.successor(symbol)
        live = [node for node in binding.references if self._live(node)]
        edit = self._edit_for(binding)
        position = binding.position
        # ``Symbol.MEMBER`` references that become plain strings.
        members = self.enum_literals.get(symbol, {})
        literal_refs = [
            (n, a) for n in live if (a := member_read(ctx.index, n, members)) is not None
        ]
        for _node, attribute in literal_refs:
            ctx.replace(attribute, string_literal(members[attribute.attr.value]))
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
        return claim_name(self.ctx.index, claims, local, qualified)

    def _plan_module(self, binding: Binding) -> None:
        ctx = self.ctx
        move = binding.move
        live = [node for node in binding.references if self._live(node)]
        found = attribute_moves(ctx.index, move, live, self.enum_literals)
        if found.missing is not None:
            attribute, symbol = found.missing
            binding.frozen = True
            ctx.manual(
                attribute,
                f"`{symbol}` has no LiveAvatar counterpart, so `{binding.local}` still "
                f"imports `{move.old}`: migrate this use by hand and run again",
            )
            return
        old_leaf = move.old.rpartition(".")[2]
        new_parent, _, new_leaf = move.new.rpartition(".")
        import_node = binding.import_node
        if isinstance(import_node, cst.Import):
            ctx.transform(binding.alias, lambda updated: with_alias_name(updated, move.new))
        else:
            edit = self._edit_for(binding)
            statement_module = module_of(import_node)
            if new_parent != statement_module:
                # ``from livekit.plugins.hgl import api``: the statement's module moves too.
                if edit.new_module not in (None, new_parent):
                    binding.frozen = True
                    return
                edit.new_module = new_parent
            if new_leaf != old_leaf:
                edit.renames[binding.position] = new_leaf
        for attribute, value in found.literals:
            ctx.replace(attribute, string_literal(value))
        for attribute, successor in found.renames:
            ctx.transform(attribute, attribute_renamer(successor))
        if not binding.aliased and new_leaf != binding.local:
            if isinstance(import_node, cst.ImportFrom) and not self._claim(new_leaf, move.new):
                # ``liveavatar`` is taken (say, by another framework's plugin): keep the old name.
                self._edit_for(binding).aliases[binding.position] = binding.local
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
        frozen = frozen_positions(self.bindings)
        for edit in self._edits.values():
            rewrite = import_rewrite(edit, frozen.get(id(edit.node), {}))
            if rewrite is None:
                continue
            if rewrite.transform is None:
                ctx.edits.remove(edit.statement)
                continue
            ctx.transform(edit.node, rewrite.transform)
            if rewrite.extra_statements:
                ctx.insert_after(edit.statement, rewrite.extra_statements)
        for module, name in self._extra_imports:
            ctx.require_import(module, name)

    def report_unsupported(self, framework: str) -> None:
        """Star imports and plain dotted imports: reported, never guessed."""
        report_unsupported_imports(self.ctx, self.stars, self.dotted, framework)
