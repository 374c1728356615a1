"""H2L401's part for a shared request wrapper whose streaming callers live in other modules.

``utils.py`` defines ``heygen_post(path, payload)`` on ``HEYGEN_API = "https://api.heygen.com"``
and calls it nowhere; ``live.py`` imports it for ``/v1/streaming.new`` and ``videos.py`` for
``/v2/video/generate`` (``ProjectFacts.split_wrappers`` says so, from the facts of the
importers). The base cannot move (the videos would go to LiveAvatar) and cannot stay (the
sessions would go to HeyGen): ``utils.py`` gets ``liveavatar_post``, the wrapper's code on
``LIVEAVATAR_API`` with the LiveAvatar key (:mod:`..analysis.shared_wrappers`), and the
importers' streaming calls use it (``shared_base_splits.call_imported_split_wrappers``).
"""

from __future__ import annotations

import os
from functools import partial

import libcst as cst

from ..analysis.endpoints import HostLiteral
from ..analysis.host_literals import simple_assignment_target
from ..analysis.shared_clients import liveavatar_name
from ..analysis.shared_wrappers import (
    ForeignBaseSplit,
    class_attribute_taken,
    foreign_base_split,
    wrapper_split,
)
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST
from ..apispec.events import BRIDGE_MODULE
from ..model import BASE_READ, HELPER_KEY, KEY_READ
from .base import RuleContext
from .shared_client_splits import WRAPPER_SPLIT_COVERS_STREAMING
from .success_codes import SPLIT_WRAPPER_CHECKS, keep_heygen_checks, restore_checks


def split_for_importers(ctx: RuleContext, host: HostLiteral) -> bool:
    """The base constant ``host`` of a module without streaming calls of its own, read by one
    module-level wrapper that other modules call with streaming paths and with paths of
    HeyGen's other APIs: the wrapper gets its LiveAvatar sibling. False when it cannot."""
    project = ctx.project
    node = host.site.node
    statement = host.site.context.statement
    target = simple_assignment_target(statement, node)
    if (
        project is None
        or not project.split_wrappers
        or target is None
        or "." in target
        or not isinstance(node, cst.SimpleString)
    ):
        return False
    new_target = liveavatar_name(target)
    taken = class_attribute_taken(ctx.index, host, new_target)
    if taken is None:
        # a module constant read by a module-level wrapper
        if ctx.index.parent_of(statement) is not ctx.index.module:
            return False
        candidates = [(f, f.name.value) for f in _module_functions(ctx)]
        taken = new_target in ctx.index.module_scope.assignments
    else:
        # ``BASE`` of the class of ``heygen = HeyGenClient(...)``: ``heygen.post``
        candidates = _instance_methods(ctx, statement)
    wrappers = [
        function
        for function, key in candidates
        if key in project.split_wrappers
        and any(r.call.context.function is function for r in host.requests)
    ]
    if taken or len(wrappers) != 1:
        return False
    split = wrapper_split(ctx.index, host, target, [], for_importers=wrappers[0])
    if split is None:
        return False
    new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    if not ctx.insert_after(statement, [cst.parse_statement(f"{new_target} = {new_value}\n")]):
        return False
    ctx.insert_after(split.wrapper, [split.sibling])
    keep_heygen_checks(ctx, split.wrapper)
    ctx.require_import("os")
    ctx.shared[WRAPPER_SPLIT_COVERS_STREAMING] = True  # H2L402: the key read here stays HeyGen's
    ctx.fixed(
        node,
        f"this base also serves other HeyGen APIs through `{split.wrapper.name.value}`, "
        f"which other modules call for streaming too: they now call `{split.new_name}` on "
        f"`{new_target}` ({LIVEAVATAR_HOST}) with the LiveAvatar key",
    )
    return True


def split_foreign_base_wrappers(ctx: RuleContext) -> None:
    """``heygen_request(method, path)`` of ``utils/http.py`` on ``settings.API_BASE + path``
    (the base in a settings module), called by ``live.py`` for streaming and by ``video.py``
    for HeyGen's video API (``ProjectFacts.split_wrappers``): it gets ``liveavatar_request``,
    its code on ``liveavatar_bridge.liveavatar_url(settings.API_BASE)`` with the LiveAvatar
    key, which the importers' streaming calls use (``call_imported_split_wrappers``)."""
    project = ctx.project
    if project is None or not project.split_wrappers:
        return
    for function in _module_functions(ctx):
        if function.name.value not in project.split_wrappers:
            continue
        split = foreign_base_split(ctx.index, function, f"{BRIDGE_MODULE}.liveavatar_url")
        checks = ctx.shared.setdefault(SPLIT_WRAPPER_CHECKS, {})  # filled by H2L405 later
        assert isinstance(checks, dict)
        if split is None or not ctx.transform(function, partial(_with_sibling, split, checks)):
            continue
        ctx.require_support_module(BRIDGE_MODULE)
        ctx.require_import("os")
        ctx.shared[WRAPPER_SPLIT_COVERS_STREAMING] = True
        ctx.fixed(
            function.name,
            f"`{function.name.value}` serves HeyGen's other APIs and, from other modules, "
            f"streaming calls: they now call `{split.new_name}`, its code on the base moved "
            f"to {LIVEAVATAR_HOST} with the LiveAvatar key",
        )


def split_in_wrapper_module(ctx: RuleContext, kind: str, name: str | None) -> bool:
    """The setting ``name`` of this module (a settings module without streaming calls of its
    own) is the base (``kind``: ``BASE_READ``) or the key (``KEY_READ``) of a wrapper of
    another module that the run splits (``ProjectFacts.split_wrapper_settings``: ``api.py``'s
    ``heygen_post`` on ``f"{config.BASE_URL}{path}"`` with ``config.API_KEY``): its module's
    migration gives the streaming calls LiveAvatar's base and key, and the setting keeps
    serving HeyGen's other APIs; nothing is left to split here. Not when a module of the
    project builds a streaming URL on the base or sends the key with a streaming request
    itself (its facts name it), nor when H2L401, which writes the sibling, is not selected."""
    project = ctx.project
    if project is None or not project.split_wrapper_settings or not name:
        return False
    if ctx.selected and "H2L401" not in ctx.selected:
        return False
    path = _module_path(ctx.filename)
    if kind == BASE_READ:
        return name not in project.streaming_base_names and project.split_setting(
            BASE_READ, path, name
        )
    if name in project.streaming_key_names:
        return False
    return project.split_setting(KEY_READ, path, name) or project.split_setting(
        KEY_READ, path, HELPER_KEY
    )


def _module_path(filename: str) -> str:
    """The dotted name the file's path gives its module (as ``engine.project_facts``)."""
    stem = os.path.splitext(os.path.abspath(filename))[0]
    parts = [part for part in stem.replace("\\", "/").split("/") if part]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _with_sibling(
    split: ForeignBaseSplit, checks: dict[int, cst.CSTNode], updated: cst.CSTNode
) -> cst.CSTNode:
    """The wrapper, then its sibling made from it once every rule edited it. The success
    checks H2L405 made accept LiveAvatar's codes (``checks``: their replacements -> the
    checks as written) are the sibling's only: the wrapper keeps HeyGen's."""
    if not isinstance(updated, cst.FunctionDef):
        return updated
    sibling = split.sibling_of(updated)
    return cst.FlattenSentinel([restore_checks(checks, updated), sibling])  # type: ignore[return-value]


def _module_functions(ctx: RuleContext) -> list[cst.FunctionDef]:
    return [s for s in ctx.index.module.body if isinstance(s, cst.FunctionDef)]


def _instance_methods(
    ctx: RuleContext, statement: cst.CSTNode
) -> list[tuple[cst.FunctionDef, str]]:
    """The methods of the class whose body holds ``statement``, each keyed by a module-level
    instance of the class (``heygen = HeyGenClient(key)``: ``heygen.post``)."""
    block = ctx.index.parent_of(statement)
    class_def = ctx.index.parent_of(block) if block is not None else None
    if (
        not isinstance(class_def, cst.ClassDef)
        or ctx.index.parent_of(class_def) is not ctx.index.module
    ):
        return []
    instances = [
        line.body[0].targets[0].target.value
        for line in ctx.index.module.body
        if isinstance(line, cst.SimpleStatementLine)
        and len(line.body) == 1
        and isinstance(line.body[0], cst.Assign)
        and len(line.body[0].targets) == 1
        and isinstance(line.body[0].targets[0].target, cst.Name)
        and isinstance(line.body[0].value, cst.Call)
        and isinstance(line.body[0].value.func, cst.Name)
        and line.body[0].value.func.value == class_def.name.value
    ]
    methods = [m for m in class_def.body.body if isinstance(m, cst.FunctionDef)]
    return [(m, f"{i}.{m.name.value}") for m in methods for i in instances]


__all__ = ["split_for_importers", "split_foreign_base_wrappers", "split_in_wrapper_module"]
