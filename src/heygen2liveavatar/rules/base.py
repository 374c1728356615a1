"""What a rule is, and the context it works in.

A rule is small: a code, a name, a one-line summary, its fix safety, its docs with a
before/after example, and ``check``, which reads the shared analysis of the module and
records edits and findings. Rules never walk the tree or parse anything themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Union

import libcst as cst

from ..analysis.edits import EditSet, NodeTransform, marker_comment
from ..analysis.endpoints import LiteralTable, build_literal_table
from ..analysis.http import RequestFinder, RequestSite
from ..analysis.index import ModuleIndex, Statement, release_active_index
from ..analysis.name_references import is_inside
from ..analysis.suppressions import ALL_CODES, may_hold_suppression, suppression
from ..analysis.url_selection import blocked_url_literals
from ..analysis.values import ValueResolver
from ..model import (
    FIX_MANUAL,
    KIND_FIX,
    KIND_MANUAL,
    HelperImport,
    ProjectFacts,
)


class Rule:
    """Base class of every migration rule. Subclasses register with :func:`register`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    fix: ClassVar[str]
    description: ClassVar[str]
    """Markdown: what the rule does and why."""
    example_before: ClassVar[str]
    example_after: ClassVar[str]
    applies_to: ClassVar[str] = "HeyGen Streaming API (v1/v2) to LiveAvatar API v1"
    needs_text: ClassVar[tuple[str, ...]] = ()
    """Lower-case words of which the source must contain one for the rule to find anything
    (empty: always run). A substring test on the text saves the analysis of files that
    cannot concern the rule, such as framework rules on plain HTTP clients."""

    def check(self, ctx: RuleContext) -> None:
        raise NotImplementedError

    @classmethod
    def may_apply(cls, lowered_source: str) -> bool:
        """False when the (lower-cased) source cannot contain what the rule looks for."""
        return not cls.needs_text or any(word in lowered_source for word in cls.needs_text)

    @classmethod
    def docs(cls) -> str:
        safety = {
            "safe": "The fix is safe: the migrated code does what the original did, against LiveAvatar.",
            "unsafe": "The fix is unsafe: it is the best rewrite, but behaviour can change; review the diff.",
            "manual": "No automatic fix: the tool marks the place with a `TODO(heygen2liveavatar)` comment.",
        }[cls.fix]
        return (
            f"# {cls.code} {cls.name}\n\n"
            f"{cls.summary}\n\n"
            f"## What it does\n\n{cls.description.strip()}\n\n"
            f"## Example\n\nBefore:\n\n```python\n{cls.example_before.strip()}\n```\n\n"
            f"After:\n\n```python\n{cls.example_after.strip()}\n```\n\n"
            f"## Fix safety\n\n{safety}\n\n"
            f"Applies to: {cls.applies_to}.\n"
        )


@dataclass
class PendingFinding:
    """A finding whose position is computed once all rules have run."""

    rule: str
    kind: str
    message: str
    node: cst.CSTNode
    acknowledged: bool = False
    about_removal: bool = False
    """A fix reported on a statement its own rule had already removed: it tells of the removal
    itself (reported before the removal, or on what another rule removed, it tells of an
    edit the output does not have)."""
    marked: cst.CSTNode | None = None
    """The statement a manual finding's marker stands above (``None``: no marker)."""


def _comments_of(statement: Statement, first_line: str) -> list[str]:
    """The comment on the line above the statement, and the statement's first line.

    The first line is searched as text: its comment may sit in the statement's header, its
    trailing whitespace, or inside an open bracket (``requests.post(  # ...``).
    """
    comments: list[str] = []
    if statement.leading_lines:
        last = statement.leading_lines[-1].comment
        if last is not None:
            comments.append(last.value)
    if "#" in first_line:
        comments.append(first_line[first_line.index("#") :])
    return comments


def suppressed_codes(statement: Statement, first_line: str = "") -> frozenset[str]:
    """The codes the statement's suppression comments ignore (:data:`ALL_CODES`: every rule)."""
    codes: set[str] = set()
    for comment in _comments_of(statement, first_line):
        found = suppression(comment)
        if found is ALL_CODES:
            return ALL_CODES
        codes.update(found or ())
    return frozenset(codes)


class RuleContext:
    """Shared, lazily computed analysis of one module plus the edit and finding sinks."""

    def __init__(
        self,
        module: cst.Module,
        filename: str,
        in_package: bool = False,
        project: ProjectFacts | None = None,
        helper: HelperImport | None = None,
    ) -> None:
        self.module = module
        self.filename = filename
        self.in_package = in_package
        """The file sits in a package directory: without ``helper``, import it relatively."""
        self.project = project
        """Facts about the whole run; ``None`` when this module is migrated on its own."""
        self.helper = helper
        """Where the engine placed the helper module and how this file imports it
        (``engine/placement.py``); ``None``: beside the file, by its own name."""
        self.support_modules: dict[str, str] = {}
        self.packages: set[str] = set()
        """Distribution packages the migrated code needs at run time (``livekit``)."""
        """Helper modules (``templates/<name>.py``) the migrated code imports -> first rule needing it."""
        self.index = ModuleIndex(module)
        self.resolver = ValueResolver(
            self.index, project.url_constants if project is not None else ()
        )
        self.edits = EditSet()
        self.findings: list[PendingFinding] = []
        self.rule_code = ""
        self.removed_by_earlier_rules: frozenset[int] = frozenset()
        """``edits.removed`` when the running rule started (set by the engine)."""
        self._suppressions: dict[int, frozenset[str]] = {}
        self._may_have_suppressions = may_hold_suppression(self.index.code)
        self.selected: frozenset[str] = frozenset()
        """Codes of the rules running on this module (set by the engine)."""
        self.shared: dict[str, object] = {}
        """Per-module facts one rule computes for others (e.g. the session flow)."""

    def release(self) -> None:
        """Drop everything this context holds: the tree, its index, the edits, the findings.

        Edits are closures of the rules, and many refer back to the context: a reference
        cycle that would keep the whole tree alive until the cyclic collector runs (which the
        runner pauses while a file is migrated). Called once the result has been taken.
        """
        self.__dict__.clear()
        release_active_index()

    @cached_property
    def request_finder(self) -> RequestFinder:
        """Knows the project's request wrappers (where they take the URL, method and body)."""
        project = self.project
        if project is None:
            return RequestFinder(self.index, self.resolver)
        return RequestFinder(
            self.index, self.resolver, project.wrapper_bodies, project.wrapper_parameters
        )

    @cached_property
    def requests(self) -> list[RequestSite]:
        return self.request_finder.find()

    @cached_property
    def literals(self) -> LiteralTable:
        return build_literal_table(self.index, self.requests)

    @property
    def settings_role(self) -> str:
        """Whom this module's HeyGen settings (base URL, API key) serve.

        ``streaming`` when the module calls streaming endpoints itself; ``project`` when it
        makes no streaming call but belongs to a run that does (a settings module whose values
        other modules import: see :class:`ProjectFacts`); ``none`` otherwise.
        """
        if self.literals.has_streaming_target or any(
            site.names_streaming_at_run_time for site in self.requests
        ):
            return "streaming"
        if any(site.is_other_heygen_api for site in self.requests):
            # Its own HeyGen calls are to the other APIs (video, voices): its settings serve them.
            return "none"
        if self.project is not None and self.project.uses_streaming:
            return "project"
        return "none"

    @cached_property
    def streaming_requests(self) -> list[RequestSite]:
        return [site for site in self.requests if site.is_streaming]

    # Suppressions -------------------------------------------------------------------
    def statement_of(self, node: cst.CSTNode) -> Statement | None:
        return self.index.statement_of(node)

    def is_suppressed(self, node: cst.CSTNode, code: str | None = None) -> bool:
        statement = self.statement_of(node)
        if statement is None:
            return False
        if not self._may_have_suppressions:
            return False
        key = id(statement)
        codes = self._suppressions.get(key)
        if codes is None:
            first_line = self.index.line_text(self.index.position_of(statement)[0])
            codes = suppressed_codes(statement, first_line)
            self._suppressions[key] = codes
        if not codes:
            return False
        return codes is ALL_CODES or (code or self.rule_code) in codes

    # Edits --------------------------------------------------------------------------
    def transform(self, node: cst.CSTNode, fn: NodeTransform) -> bool:
        if self.is_suppressed(node):
            return False
        self.edits.transform(node, fn)
        return True

    def replace(self, node: cst.CSTNode, new: cst.CSTNode) -> bool:
        return self.transform(node, lambda _updated: new)

    def insert_before(self, statement: Statement, new: list[cst.BaseStatement]) -> bool:
        if self.is_suppressed(statement):
            return False
        self.edits.insert_before(statement, new)
        return True

    def insert_after(self, statement: Statement, new: list[cst.BaseStatement]) -> bool:
        if self.is_suppressed(statement):
            return False
        self.edits.insert_after(statement, new)
        return True

    def require_import(self, module: str, name: str | None = None) -> None:
        self.edits.require_import(module, name)

    def prune_if_unused(self, names: Iterable[str]) -> None:
        """After all edits, delete imports and function locals of ``names`` left unused.

        Pass the names that code a rule removed or replaced referred to (``names_in(node)``);
        see :mod:`..analysis.dead_code` for what is deleted and what never is.
        """
        self.edits.prune_candidates.update(names)

    def require_support_module(self, name: str) -> str:
        """Import the helper module ``name`` that the engine writes for this file's import root.

        Returns the local name to call it by (always ``name``: a helper written under another
        file name is imported ``as name``).
        """
        self.support_modules.setdefault(name, self.rule_code)
        helper = self.helper
        if helper is None or helper.local != name:
            if self.in_package:
                self.edits.require_import(".", name)
            else:
                self.edits.require_import(name)
            return name
        alias = name if helper.stem != name else None
        if helper.package is None:
            self.edits.require_import(helper.stem, None, alias)
        else:
            self.edits.require_import(helper.package, helper.stem, alias)
        return name

    def require_package(self, name: str) -> None:
        """The migrated code needs distribution ``name``: the engine declares it in the
        project's dependency manifest (``engine/runtime_requirements.py``)."""
        self.packages.add(name)

    # Findings -----------------------------------------------------------------------
    def fixed(self, node: cst.CSTNode, message: str) -> None:
        if not self.is_suppressed(node):
            removal = bool(self.edits.removed) and is_inside(
                self.index, node, self.edits.removed - self.removed_by_earlier_rules
            )
            self.findings.append(
                PendingFinding(self.rule_code, KIND_FIX, message, node, False, removal)
            )

    def manual(self, node: cst.CSTNode, message: str, statement: Statement | None = None) -> None:
        """Report work left to a person and put a marker comment above the statement."""
        if self.is_suppressed(node):
            return
        statement = statement or self.statement_of(node)
        text = f"{self.rule_code} {message}"
        acknowledged = False
        if statement is not None:
            comment = marker_comment(text)
            lines = list(statement.leading_lines)
            if self.module.body and statement is self.module.body[0]:
                lines += self.module.header  # comments above the first statement live there
            acknowledged = any(
                line.comment is not None and line.comment.value == comment for line in lines
            )
            self.edits.add_marker(statement, text)
        self.findings.append(
            PendingFinding(
                self.rule_code, KIND_MANUAL, message, node, acknowledged, marked=statement
            )
        )


RuleClass = type[Rule]
Fixable = Union[cst.SimpleString, cst.FormattedStringText]


def edit_literal(ctx: RuleContext, node: Fixable, old: str, new: str) -> bool:
    """Replace ``old`` by ``new`` in the source text of a string literal (quotes kept)."""

    def apply(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, (cst.SimpleString, cst.FormattedStringText))
        if old not in updated.value:
            return updated
        return updated.with_changes(value=updated.value.replace(old, new, 1))

    if old not in node.value:
        return False
    if id(node) in blocked_urls(ctx):
        return False  # the other half of its URL is not migrated: keep the URL whole
    return ctx.transform(node, apply)


def blocked_urls(ctx: RuleContext) -> set[int]:
    """Host and path literals whose URL the selected rules cannot migrate whole (see
    :mod:`..analysis.url_selection`); empty when every rule runs."""
    blocked = ctx.shared.get(_BLOCKED_URLS)
    if blocked is None:
        blocked = (
            blocked_url_literals(ctx.requests, ctx.literals, ctx.selected)
            if ctx.selected
            else set()
        )
        ctx.shared[_BLOCKED_URLS] = blocked
    assert isinstance(blocked, set)
    return blocked


def request_blocked(ctx: RuleContext, request: RequestSite) -> bool:
    """The URL of ``request`` stays HeyGen's under this selection: leave its body alone too."""
    blocked = blocked_urls(ctx)
    return bool(blocked) and any(
        piece.node is not None and id(piece.node) in blocked for piece in request.pieces
    )


_BLOCKED_URLS = "blocked_url_literals"


__all__ = [
    "FIX_MANUAL",
    "PendingFinding",
    "Rule",
    "RuleClass",
    "RuleContext",
    "edit_literal",
    "suppressed_codes",
]
