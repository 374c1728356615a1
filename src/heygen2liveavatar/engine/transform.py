"""Source text in, migrated text and findings out: one parse, one analysis, one edit pass.

This module imports LibCST lazily so that runs in which the pre-filter rejects every file
never pay for it.
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .._prefilter import may_contain_heygen
from ..model import (
    KIND_FIX,
    KIND_MANUAL,
    MARKER_PREFIX,
    Finding,
    HelperImport,
    MigrationError,
    ProjectFacts,
)
from .nesting import MAX_EXPRESSION_DEPTH, MAX_SOURCE_CHARS, Nesting, deepest_nesting
from .reduction import Layout, reduce_source
from .walk import admitted_by_project

if TYPE_CHECKING:
    import libcst

    from ..rules.base import PendingFinding, RuleClass, RuleContext


@dataclass
class MigrationResult:
    """What migrating one source text produced."""

    code: str
    changed: bool
    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    """Manual findings whose marker comment was already in the source (from an earlier run)."""
    support_modules: dict[str, str] = field(default_factory=dict)
    """Helper modules the migrated code imports (name -> first rule needing it); the engine
    writes one per import root (``engine/placement.py``)."""
    packages: frozenset[str] = frozenset()
    """Distribution packages the migrated code needs at run time (``livekit``)."""
    secrets: frozenset[str] = frozenset()
    """Secret texts found in the source (hard-coded API keys): never shown in a diff or report."""

    @property
    def manual(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == KIND_MANUAL]


def _default_rules() -> tuple[RuleClass, ...]:
    from ..rules import ALL_RULES

    return ALL_RULES


TOO_DEEP = "too deeply nested to process (recursion limit)"

REDUCE = os.environ.get("HEYGEN2LIVEAVATAR_NO_REDUCTION") != "1"
"""Leave unrelated top-level functions and classes out of the LibCST pipeline
(``engine/reduction.py``). The switch is for the tests that compare both ways."""


def migrate_text(
    text: str,
    filename: str = "<string>",
    rules: Sequence[RuleClass] | None = None,
    in_package: bool = False,
    project: ProjectFacts | None = None,
    helper: HelperImport | None = None,
    measured: Nesting | None = None,
    layout: Layout | None = None,
) -> MigrationResult:
    """Migrate Python source text. Raises :class:`MigrationError` when it cannot.

    ``helper``: how this file imports the helper module (``engine.placement``); without it,
    ``import liveavatar_bridge`` (``from . import`` when ``in_package``). ``measured``: the
    text's nesting as the project facts measured it (see :func:`check_complexity`);
    ``layout``: its top-level statements as they read them (see ``engine/reduction.py``).
    """
    try:
        return _fixed_point(text, filename, rules, in_package, project, helper, measured, layout)
    except RecursionError:
        # LibCST, the index and the edit pass recurse once per nesting level (a long implicit
        # string concatenation is a deep tree, e.g. pydoc_data/topics.py). That is a problem of
        # this file, never a crash: the runner retries such files on a larger stack.
        raise MigrationError(TOO_DEEP, filename) from None


# The rules run again over their own output until it no longer changes, as ruff does: one
# rule's rewrite can enable another's (a base URL rewritten, then a key no longer shared
# with another API), and a second run of the tool must be a no-op. The bound keeps a pair of
# rules that would undo each other from looping; a file that needs more passes gets the
# last one's output (the property suite shows none does).
MAX_EXTRA_PASSES = 3
"""Passes after the first; the last pass that changes nothing proves the fixed point."""


def _fixed_point(
    text: str,
    filename: str,
    rules: Sequence[RuleClass] | None,
    in_package: bool,
    project: ProjectFacts | None,
    helper: HelperImport | None = None,
    measured: Nesting | None = None,
    layout: Layout | None = None,
) -> MigrationResult:
    first = _migrate_text(text, filename, rules, in_package, project, helper, measured, layout)
    if not first.changed or (_built_in(rules) and not _still_heygen(first.code)):
        return first  # the built-in rules key on what ``_still_heygen`` looks for
    # The usual case: the second pass finds nothing to change (it only acknowledges the
    # markers the first one added), and the first pass's findings, at exact positions in the
    # original source, are the result.
    latest = first
    fixes = [f for f in first.findings if f.kind != KIND_MANUAL]
    manual_by_pass = [[f for f in first.findings if f.kind == KIND_MANUAL]]
    support = dict(first.support_modules)
    packages = set(first.packages)
    secrets = set(first.secrets)
    back: list[int] = []  # line of ``latest.code`` -> line of the original
    final: MigrationResult | None = None
    for _ in range(MAX_EXTRA_PASSES):
        following = _migrate_text(latest.code, filename, rules, in_package, project, helper)
        if not following.changed:
            final = following
            break
        # Findings of this pass are at positions in ``latest.code``: map them back.
        back = back or _line_map(text, latest.code)
        fixes += _moved([f for f in following.findings if f.kind != KIND_MANUAL], back)
        manual_by_pass.append(_moved(following.manual, back))
        support.update(following.support_modules)
        packages.update(following.packages)
        secrets.update(following.secrets)
        step = _line_map(latest.code, following.code)
        back = [back[min(line, len(back) - 1)] for line in step]
        latest = following
    if latest is first:
        return first
    # Markers already in the original are acknowledged (the first pass found them); every
    # marker of this run's that the final code still carries is a manual finding.
    manual = _final_manual(
        manual_by_pass, None if final is None else _moved(final.manual, back), latest.code
    )
    return MigrationResult(
        latest.code,
        latest.code != text,
        sorted(set(fixes + manual)),
        list(first.acknowledged),
        support,
        frozenset(packages),
        frozenset(secrets),
    )


def _built_in(rules: Sequence[RuleClass] | None) -> bool:
    return rules is None or set(rules) <= set(_default_rules())


def _still_heygen(code: str) -> bool:
    """Does migrated code still name a HeyGen streaming endpoint or host outside comments?

    Only such code can give the rules more to do (an unknown endpoint beside known ones, a
    base URL another rule left): code without any is the fixed point already, and the extra
    pass, a whole second migration, is skipped.
    """
    from ..apispec import HEYGEN_HOST, STREAMING_PATH_PATTERN

    # Most migrated files name none of what the lines below look for anywhere: one search of
    # the whole text says so (the patterns never span a line break).
    whole = code.lower()
    try:
        if (
            HEYGEN_HOST not in whole
            and not any(framework in whole for framework in _FRAMEWORK_WORDS)
            and STREAMING_PATH_PATTERN.search(whole.encode()) is None
        ):
            return False
    except UnicodeEncodeError:
        pass  # the line by line reading decides
    # The statement below a marker is left for a person, but only by the rules that marked
    # it: an endpoint whose own rule did not mark it may still be that rule's work (another
    # rule's edit, such as a removed ``urlopen``, can change what the rule sees).
    above: set[str] = set()  # rules of the markers above the next statement
    marked: frozenset[str] = frozenset()  # ... and above the statement being read
    continued = False
    for line in code.splitlines():
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            if MARKER_PREFIX in stripped:
                above.add(_marker_rule(stripped))
            continue
        if not continued:
            marked, above = frozenset(above), set()
        continued = stripped.endswith(("(", "[", "{", ",", "\\"))  # the statement goes on
        lowered = line.lower()
        if HEYGEN_HOST in lowered or STREAMING_PATH_PATTERN.search(lowered.encode()):
            if not marked or _unmarked_endpoint(lowered, marked):
                return True
            continue
        if not marked and any(framework in lowered for framework in _FRAMEWORK_WORDS):
            return True  # the framework rules (H2L5xx) work from imports, not URLs
    return False


def _marker_rule(comment: str) -> str:
    """The rule code of a marker comment (``""``: a person's own to-do)."""
    words = comment.split(MARKER_PREFIX, 1)[1].split(None, 1)
    return words[0] if words and words[0].startswith("H2L") else ""


def _unmarked_endpoint(line: str, marked: frozenset[str]) -> bool:
    """Does ``line`` name a streaming endpoint whose own rule has no marker on it?"""
    from ..apispec import find_endpoints

    return any(match.endpoint.rule not in marked for match in find_endpoints(line))


_FRAMEWORK_WORDS = ("pipecat", "vision_agents", "livekit.plugins", "hgl")


def _line_map(old: str, new: str) -> list[int]:
    """``result[n]``: the line of ``old`` that line ``n`` of ``new`` comes from (1-based;
    a line a rewrite inserted or replaced maps to the first line of what it replaced)."""
    from .diff import line_opcodes, split_lines

    old_lines, new_lines = split_lines(old), split_lines(new)
    mapping = [0] * (len(new_lines) + 2)
    for tag, i1, _i2, j1, j2 in line_opcodes(old_lines, new_lines):
        for j in range(j1, j2):
            mapping[j + 1] = i1 + (j - j1) + 1 if tag == "equal" else min(i1, len(old_lines)) + 1
    mapping[len(new_lines) + 1] = len(old_lines) + 1
    return mapping


def _moved(findings: list[Finding], back: list[int]) -> list[Finding]:
    return [
        Finding(f.rule, f.kind, back[min(f.line, len(back) - 1)], f.column, f.message)
        for f in findings
    ]


def _final_manual(
    manual_by_pass: list[list[Finding]], final_manual: list[Finding] | None, code: str
) -> list[Finding]:
    """Manual findings of the final code: those of every pass whose marker comment is still
    in it (a later pass may have rewritten or removed the statement), plus the findings of
    the pass that changed nothing that have no marker (the earlier passes' come first, the
    first pass's at their exact positions). ``None``: no pass was stable; keep them all."""
    from ..model import MARKER_PREFIX

    every = [finding for findings in manual_by_pass for finding in findings]
    if final_manual is None:
        return every
    kept = [f for f in every if f"# {MARKER_PREFIX} {f.rule} {f.message}" in code]
    seen = {(f.rule, f.message) for f in kept}
    return kept + [f for f in final_manual if (f.rule, f.message) not in seen]


def _migrate_text(
    text: str,
    filename: str,
    rules: Sequence[RuleClass] | None,
    in_package: bool,
    project: ProjectFacts | None,
    helper: HelperImport | None = None,
    measured: Nesting | None = None,
    layout: Layout | None = None,
) -> MigrationResult:
    if not may_contain_heygen(text) and not admitted_by_project(filename, text, project):
        return MigrationResult(text, False)
    check_complexity(text, filename, measured)
    if layout is not None and layout.length != len(text):
        layout = None  # read from other text
    quote = layout.quote if layout is not None else None
    reduction = reduce_source(text, project, layout) if REDUCE else None
    if reduction is not None:
        result = _migrate_parsed(
            reduction.text, filename, rules, in_package, project, helper, text, quote
        )
        if not result.changed:
            return replace(result, code=text)
        restored = reduction.restore(result.code)
        if restored is not None:
            return replace(result, code=restored)
    return _migrate_parsed(text, filename, rules, in_package, project, helper, quote=quote)


def _migrate_parsed(
    text: str,
    filename: str,
    rules: Sequence[RuleClass] | None,
    in_package: bool,
    project: ProjectFacts | None,
    helper: HelperImport | None,
    whole_file: str | None = None,
    quote: str | None = None,
) -> MigrationResult:
    """The migration of ``text``; ``whole_file`` is the file's text when ``text`` is its
    reduction (``engine/reduction.py``), ``quote`` the file's quote when its layout says."""
    import libcst as cst

    from ..rules.base import RuleContext

    selected = _default_rules() if rules is None else rules
    try:
        module = _parse_unvalidated(text)
    except cst.ParserSyntaxError as exc:
        raise _parse_error(text, filename, exc) from None
    except RecursionError:
        raise MigrationError("too deeply nested for the parser", filename) from None
    ctx = RuleContext(module, filename, in_package, project, helper)
    try:
        return _apply_rules(ctx, text, filename, selected, whole_file, quote)
    finally:
        ctx.release()


def _parse_unvalidated(text: str) -> libcst.Module:
    """``libcst.parse_module(text)`` without each node's ``_validate`` (a tenth of the parse).

    The checks guard nodes built by hand (ours included: they stay on for the edits); the
    native parser builds only nodes its grammar allows, which LibCST itself notes
    (``CSTNode.__post_init__``: "avoid validating the tree when parsing a file"). The tree is
    the same; the switch lasts for this one call (workers are processes, not threads)."""
    import libcst as cst
    from libcst._nodes.base import CSTNode

    validating = CSTNode.__dict__["__post_init__"]
    CSTNode.__post_init__ = _no_validation  # type: ignore[method-assign]
    try:
        return cst.parse_module(text)
    finally:
        CSTNode.__post_init__ = validating  # type: ignore[method-assign]


def _no_validation(self: object) -> None:
    return None


def _apply_rules(
    ctx: RuleContext,
    text: str,
    filename: str,
    selected: Sequence[RuleClass],
    whole_file: str | None = None,
    quote: str | None = None,
) -> MigrationResult:
    from ..analysis.file_style import follow_file_style
    from ..analysis.splice import edited_code
    from ..rules.callable_endpoint_functions import spell_callable_endpoints
    from ..rules.descriptor_methods import spell_descriptor_endpoints
    from ..rules.url_comprehension_tables import spell_url_comprehensions

    module = ctx.module
    ctx.selected = frozenset(rule.code for rule in selected)
    kept = ctx.project.kept_backend(filename) if ctx.project is not None else None
    if kept is not None:
        selected = _keep_backend(ctx, kept)
    elif spell_descriptor_endpoints(ctx):
        selected = ()  # endpoint descriptors became methods: the next pass migrates them
    elif spell_callable_endpoints(ctx):
        selected = ()  # endpoint instances became functions: the next pass migrates the rest
    elif spell_url_comprehensions(ctx):
        selected = ()  # URL comprehensions became tables: the next pass migrates their entries
    lowered = text.lower() if any(rule.needs_text for rule in selected) else ""
    edited_by: dict[str, tuple[RuleClass, int | None]] = {}
    for rule_class in selected:
        if not rule_class.may_apply(lowered):
            continue
        ctx.rule_code = rule_class.code
        ctx.removed_by_earlier_rules = frozenset(ctx.edits.removed)
        before = _edit_counts(ctx)
        try:
            rule_class().check(ctx)
        except RecursionError:
            raise MigrationError(
                f"rule {rule_class.code} hit the recursion limit", filename
            ) from None
        except Exception as exc:  # a rule bug must fail this file only, loudly
            raise MigrationError(
                f"rule {rule_class.code} failed: {type(exc).__name__}: {exc}", filename
            ) from exc
        if _edit_counts(ctx) != before:
            edited_by.setdefault(rule_class.code, (rule_class, _first_new_edit(ctx, before)))
    if len(ctx.edits.markers) > 1:
        _drop_repeated_markers(ctx)
    if not ctx.edits and not ctx.findings:
        return MigrationResult(text, False)
    _explain_silent_edits(ctx, edited_by)

    index = ctx.index
    new_code = text
    if ctx.edits:
        try:
            new_module = ctx.edits.apply(module, ctx.index.module_imports, ctx.index.parents)
            new_module = follow_file_style(new_module, index, text, whole_file, quote)
            edited = edited_code(new_module, index)
        except RecursionError:
            raise  # not a bug in the edits: too deep for this stack (see migrate_text)
        except Exception as exc:
            raise MigrationError(
                f"applying the edits failed: {type(exc).__name__}: {exc}", filename
            ) from exc
        generated = edited.code
        if generated != text:
            if index.code == text:
                new_code = generated
                # The statements left alone parsed in the original: parse the rest.
                verify_output(text, new_code, filename, edited.regenerated)
            else:
                new_code = preserve_untouched_lines(text, index.code, generated, filename)
                verify_output(text, new_code, filename)
    findings: list[Finding] = []
    acknowledged: list[Finding] = []
    for pending in _with_markers_kept(ctx):
        line, column = index.position_of(pending.node)
        finding = Finding(pending.rule, pending.kind, line, column, pending.message)
        (acknowledged if pending.acknowledged else findings).append(finding)
    findings = sorted(set(findings))
    acknowledged = sorted(set(acknowledged))
    changed = new_code != text
    secrets = ctx.shared.get("secrets")
    return MigrationResult(
        new_code,
        changed,
        findings,
        acknowledged,
        ctx.support_modules if changed else {},
        frozenset(ctx.packages) if changed else frozenset(),
        frozenset(secrets) if isinstance(secrets, (set, frozenset)) else frozenset(),
    )


def _with_markers_kept(ctx: RuleContext) -> list[PendingFinding]:
    """The findings, less the manual ones whose statement the edits left unused and pruning
    deleted with the marker (``analysis/dead_code.py``): nothing is left to do there; and
    less the fixes reporting an edit of a statement pruning or a rule deleted (a header renamed
    in ``headers = {...}`` that only a replaced call read, the host of a URL constant whose
    every use was migrated): that edit is not in the output. A fix reported there about
    something else (the removal itself, the request replaced elsewhere) stays."""
    pruned = ctx.edits.pruned_markers
    deleted = ctx.edits.pruned_statements
    removed = ctx.edits.removed
    if not pruned and not deleted and not removed:
        return ctx.findings
    kept = []
    for pending in ctx.findings:
        statement = id(ctx.statement_of(pending.node))
        if pending.kind == KIND_MANUAL and (id(pending.node) in pruned or statement in pruned):
            continue
        if pending.kind == KIND_MANUAL and _marker_removed(ctx, pending.marked):
            continue
        if (
            pending.kind == KIND_FIX
            and (statement in deleted or _on_removed_statement(ctx, pending))
            and _edited(ctx, pending.node)
        ):
            continue
        kept.append(pending)
    return kept


def _marker_removed(ctx: RuleContext, marked: libcst.CSTNode | None) -> bool:
    """The statement a marker stands above went with a removal (a removed statement's markers
    move only to the code inserted in its place): no marker is left to tell of the work, and
    the code it was about is gone (a check of the retired ``streaming.start``'s answer)."""
    from ..analysis.name_references import is_inside

    if marked is None or not ctx.edits.removed:
        return False
    if id(marked) in ctx.edits.removed:
        return not ctx.edits.before.get(id(marked))
    parent = ctx.index.parent_of(marked)
    return parent is not None and is_inside(ctx.index, parent, ctx.edits.removed)


def _on_removed_statement(ctx: RuleContext, pending: PendingFinding) -> bool:
    """``pending`` is on a statement (or in a block) the edits delete, and not about that."""
    from ..analysis.name_references import is_inside

    return not pending.about_removal and is_inside(ctx.index, pending.node, ctx.edits.removed)


def _edited(ctx: RuleContext, node: libcst.CSTNode) -> bool:
    """``node``, or what holds it within its statement, has an edit of its own."""
    import libcst as cst

    transforms = ctx.edits.transforms
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(
        current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)
    ):
        if id(current) in transforms:
            return True
        current = ctx.index.parent_of(current)
    return False


def _drop_repeated_markers(ctx: RuleContext) -> None:
    """A constant marked with the to-do of a call that reads it keeps no copy of it
    (``analysis/marker_repeats.py``): the marker and its finding go."""
    from ..analysis.marker_repeats import repeated_constant_markers

    markers = ctx.edits.markers
    for statement, text in repeated_constant_markers(
        markers, lambda key: _node_with_id(ctx, key), ctx.index.parent_of
    ):
        texts = markers.get(id(statement), [])
        if text in texts:
            texts.remove(text)
        if not texts:
            markers.pop(id(statement), None)
        ctx.findings = [
            f
            for f in ctx.findings
            if not (
                f.kind == KIND_MANUAL
                and f"{f.rule} {f.message}" == text
                and (f.node is statement or ctx.statement_of(f.node) is statement)
            )
        ]


KEPT_BACKEND_RULE = "H2L901"
"""The rule that reports a HeyGen backend kept beside a LiveAvatar one (a detection that
always needs a person)."""


def _keep_backend(ctx: RuleContext, reason: str) -> tuple[RuleClass, ...]:
    """A provider switch's HeyGen backend: no rule runs on it (rewriting it would make both
    branches of the switch LiveAvatar's), and one marker says why, above the top-level
    statement of its first streaming request."""
    import libcst as cst

    if KEPT_BACKEND_RULE not in ctx.selected or not ctx.module.body:
        return ()
    body = ctx.module.body
    statement: cst.CSTNode = next((s for s in body if not _is_preamble(s)), body[0])
    for request in ctx.streaming_requests:
        node: cst.CSTNode | None = request.node
        while node is not None and ctx.index.parent_of(node) is not ctx.module:
            node = ctx.index.parent_of(node)
        if node is not None:
            statement = node
            break
    ctx.rule_code = KEPT_BACKEND_RULE
    ctx.manual(statement, reason)
    return ()


def _is_preamble(statement: libcst.CSTNode) -> bool:
    """A docstring or an import: the marker goes below them, at the backend's code."""
    import libcst as cst

    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    return all(
        isinstance(small, (cst.Import, cst.ImportFrom))
        or (isinstance(small, cst.Expr) and isinstance(small.value, cst.SimpleString))
        for small in statement.body
    )


EditCounts = tuple[dict[int, int], dict[int, int], dict[int, int], frozenset[int], int, int]


def _edit_counts(ctx: RuleContext) -> EditCounts:
    """How much each kind of edit holds (markers aside: a marker comes with a finding)."""
    edits = ctx.edits
    return (
        {key: len(fns) for key, fns in edits.transforms.items()},
        {key: len(new) for key, new in edits.before.items()},
        {key: len(new) for key, new in edits.after.items()},
        frozenset(edits.removed),
        len(edits.imports),
        len(edits.prune_candidates),
    )


def _first_new_edit(ctx: RuleContext, before: EditCounts) -> int | None:
    """``id`` of a node the rule just edited (``None``: only imports or pruning)."""
    now = _edit_counts(ctx)
    for old, new in zip(before[:3], now[:3]):
        for key, count in new.items():
            if old.get(key, 0) != count:
                return key
    return next(iter(now[3] - before[3]), None)


def _explain_silent_edits(
    ctx: RuleContext, edited_by: dict[str, tuple[RuleClass, int | None]]
) -> None:
    """Every changed byte is explained by a finding: a rule that edited the module without
    reporting anything gets a fix finding at what it edited (its summary says what it does),
    so a changed file is never reported without a reason."""
    from ..rules.base import PendingFinding

    reported = {pending.rule for pending in ctx.findings}
    for code, (rule_class, key) in edited_by.items():
        if code in reported:
            continue
        node = _node_with_id(ctx, key) if key is not None else None
        ctx.findings.append(
            PendingFinding(
                code,
                KIND_FIX,
                f"rewritten for LiveAvatar: {rule_class.summary}",
                node if node is not None else ctx.module,
            )
        )


def _node_with_id(ctx: RuleContext, key: int) -> libcst.CSTNode | None:
    parent = ctx.index.parents.get(key)
    if parent is None:
        return None
    return next((c for c in ctx.index.children.get(id(parent), ()) if id(c) == key), None)


# CPython refuses more than 200 nested brackets ("too many nested parentheses"). LibCST
# accepts them, but its parse time grows quadratically with the depth (1,000 levels take
# seconds, 5,000 minutes), so such a file is refused before LibCST sees it
# (:func:`check_complexity`, with CPython's own message).
_MAX_BRACKET_DEPTH = 200
_LIBCST_POSITION = re.compile(r"error at (\d+):(\d+)")


def _parse_quietly(text: str, filename: str) -> ast.Module:
    """``ast.parse`` without the SyntaxWarnings (invalid escapes...) it prints for user code."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, filename)


TOO_COMPLEX = "too complex to migrate safely"


def check_complexity(text: str, filename: str, measured: Nesting | None = None) -> None:
    """Raise a "too complex, skipped" :class:`MigrationError` for a file whose migration
    would need unbounded memory; see :data:`MAX_EXPRESSION_DEPTH`.

    ``measured``: the text's :func:`deepest_nesting`, when the project facts measured it
    already (from the same bytes): then the text is not parsed again here."""
    if len(text) > MAX_SOURCE_CHARS:
        raise MigrationError(
            f"{TOO_COMPLEX}: {len(text) // 1024 // 1024} MB of source (the limit is "
            f"{MAX_SOURCE_CHARS // 1024 // 1024} MB); file skipped",
            filename,
        )
    if measured is not None:
        _refuse_deeper(measured, filename)
        return
    try:
        tree = _parse_quietly(text, filename)
    except SyntaxError as error:
        if "nested" in (error.msg or ""):
            raise MigrationError(
                f"{error.msg} (Python allows at most {_MAX_BRACKET_DEPTH} nested brackets)",
                filename,
                error.lineno or 0,
                error.offset or 0,
            ) from None
        return  # LibCST gives the diagnosis (or parses syntax newer than this Python)
    except (RecursionError, MemoryError):
        raise MigrationError(f"{TOO_COMPLEX}: nested too deeply; file skipped", filename) from None
    except ValueError:
        return
    _refuse_deeper(deepest_nesting(tree), filename)


def _refuse_deeper(measured: Nesting, filename: str) -> None:
    depth, line = measured
    if depth > MAX_EXPRESSION_DEPTH:
        raise MigrationError(
            f"{TOO_COMPLEX}: an expression nested {depth} levels deep (the limit is "
            f"{MAX_EXPRESSION_DEPTH}); file skipped",
            filename,
            line,
        )


def _parse_error(text: str, filename: str, exc: libcst.ParserSyntaxError) -> MigrationError:
    """The clearest account of why ``text`` does not parse, at the right line.

    CPython's diagnosis is exact and readable ("Missing parentheses in call to 'print'");
    LibCST's ``raw_line`` can be a line late. Source that CPython accepts and LibCST rejects
    (``(name): int = 1``) is valid: the message says the tool, not the file, is at fault.
    """
    match = _LIBCST_POSITION.search(exc.message)
    line, column = (
        (int(match.group(1)), int(match.group(2)) + 1)
        if match
        else (exc.raw_line, exc.raw_column + 1)
    )
    if match is None and exc.message.startswith("tokenizer error"):
        # LibCST's tokenizer errors carry no position (always line 1).
        line, column = _tokenizer_error_line(text, exc.message), 0
    try:
        _parse_quietly(text, filename)
    except SyntaxError as error:
        return MigrationError(
            f"syntax error: {error.msg}", filename, error.lineno or line, error.offset or 0
        )
    except (ValueError, RecursionError, MemoryError):
        pass
    else:
        return MigrationError(
            "valid Python that LibCST (the parser this tool is built on) cannot parse; "
            f"file left unchanged ({exc.message.splitlines()[0]})",
            filename,
            line,
            column,
        )
    return MigrationError(f"syntax error: {exc.message}", filename, line, column)


def _tokenizer_error_line(text: str, message: str) -> int:
    """The first line at which LibCST's tokenizer fails with ``message``.

    LibCST tokenizes the whole file before parsing, so a tokenizer error in a prefix of the
    file is an error of the file, and once a prefix has it every longer prefix has it: a
    binary search over line prefixes finds the line in a few parses (error path only).
    """
    import libcst as cst

    from .diff import split_lines

    lines = split_lines(text)

    def fails(count: int) -> bool:
        try:
            cst.parse_module("".join(lines[:count]))
        except cst.ParserSyntaxError as exc:
            return exc.message == message
        except Exception:  # any other failure (recursion...) is not this error
            return False
        return False

    low, high = 1, len(lines)
    if high == 0 or not fails(high):
        return 1
    while low < high:
        middle = (low + high) // 2
        if fails(middle):
            high = middle
        else:
            low = middle + 1
    return low


def verify_output(
    original: str, new_code: str, filename: str, changed_part: str | None = None
) -> None:
    """The migrated code must parse (with CPython's parser where it accepts the original).

    ``changed_part``: top-level statements of ``new_code`` that hold every change (the others
    are the original's, byte for byte). If they parse, so does ``new_code``; if they do not,
    the whole code is checked, for an exact diagnosis.
    """
    if changed_part is not None:
        try:
            _parse_quietly(changed_part, filename)
            return
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
    try:
        _parse_quietly(new_code, filename)
        return
    except SyntaxError as exc:
        error: SyntaxError = exc
    except (ValueError, RecursionError, MemoryError):
        return _verify_with_libcst(new_code, filename)
    try:
        _parse_quietly(original, filename)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # This interpreter cannot parse the original either (newer syntax): trust LibCST.
        return _verify_with_libcst(new_code, filename)
    raise MigrationError(
        f"internal error: the migrated code does not parse ({error.msg}); file left unchanged",
        filename,
        error.lineno or 0,
    )


def _verify_with_libcst(new_code: str, filename: str) -> None:
    import libcst as cst

    try:
        cst.parse_module(new_code)
    except cst.ParserSyntaxError as exc:
        raise MigrationError(
            f"internal error: the migrated code does not parse ({exc.message}); file left unchanged",
            filename,
            exc.raw_line,
        ) from None


def preserve_untouched_lines(source: str, roundtrip: str, generated: str, filename: str) -> str:
    """Apply the rewrite's hunks to the original source instead of using LibCST's output.

    LibCST does not reproduce every file byte for byte (it drops the space in
    ``except (A, B) :``, a form feed that starts a statement, the last newline of a file
    with ``\\r`` newlines). The changes between its round trip of the original and its
    migrated output are our edits; each is transplanted onto the source lines it
    corresponds to, so no byte outside the rewritten statements moves. A hunk that would
    replace a line LibCST does not reproduce is refused (:class:`MigrationError`).
    """
    from .diff import line_opcodes, split_lines

    ending = _final_newline(source)
    if ending and not _final_newline(roundtrip):
        roundtrip += ending
        if not _final_newline(generated):
            generated += ending
    # Lines end at Python's newlines only: ``str.splitlines`` would also cut at form feeds
    # and U+2028, which are ordinary characters in source (and in string literals).
    source_lines = split_lines(source)
    round_lines = split_lines(roundtrip)
    new_lines = split_lines(generated)
    # Round-trip line -> source line where the two agree (hunks that replace lines may only
    # touch these), and round-trip line boundary -> source line boundary (pure insertions
    # land there): every boundary of an equal block, the edges of a differing block, and
    # inside a differing block with as many lines on both sides (one line per line).
    to_source: dict[int, int] = {}
    boundary: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in line_opcodes(round_lines, source_lines):
        if tag == "equal":
            for offset in range(i2 - i1):
                to_source[i1 + offset] = j1 + offset
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(i2 - i1):
                boundary[i1 + offset] = j1 + offset
        else:
            boundary.setdefault(i1, j1)
    boundary[len(round_lines)] = len(source_lines)
    result: list[str] = []
    cursor = 0
    for tag, i1, i2, j1, j2 in line_opcodes(round_lines, new_lines):
        if tag == "equal":
            continue
        span = _source_span(to_source, boundary, i1, i2)
        if span is None or span[0] < cursor:
            raise MigrationError(
                "LibCST cannot reproduce the lines around this rewrite byte for byte; file left unchanged",
                filename,
                boundary.get(i1, i1) + 1,
            )
        start, end = span
        result.extend(source_lines[cursor:start])
        result.extend(new_lines[j1:j2])
        cursor = end
    result.extend(source_lines[cursor:])
    return "".join(result)


def _final_newline(text: str) -> str:
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            return ending
    return ""


def _source_span(
    to_source: dict[int, int], boundary: dict[int, int], first: int, stop: int
) -> tuple[int, int] | None:
    """Source line range for round-trip lines ``first:stop``, if they map one to one."""
    if first == stop:
        if first in boundary:
            return boundary[first], boundary[first]
        return None
    mapped = [to_source.get(i) for i in range(first, stop)]
    if any(m is None for m in mapped):
        return None
    numbers = [m for m in mapped if m is not None]
    if any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return None
    return numbers[0], numbers[-1] + 1


def support_module_path(name: str) -> str:
    """Where the installed package keeps helper module ``name`` (for messages)."""
    from importlib.resources import files

    return str(files("heygen2liveavatar") / "templates" / f"{name}.py")


def support_module_source(name: str) -> str:
    """The text of helper module ``name`` shipped in ``heygen2liveavatar/templates``."""
    from importlib.resources import files

    return (files("heygen2liveavatar") / "templates" / f"{name}.py").read_text(encoding="utf-8")
