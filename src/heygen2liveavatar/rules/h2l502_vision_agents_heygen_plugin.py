"""H2L502: Vision Agents' HeyGen plugin becomes its LiveAvatar plugin."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import is_uuid_literal, keyword, make_arg, rename_keyword, with_args
from ..analysis.framework_source import is_framework_source
from ..analysis.import_bindings import ModuleMove
from ..analysis.index import CallSite
from ..apispec import frameworks as fw
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .h2l500_frameworks import ImportMigration

MOVES = (ModuleMove(fw.VISION_HEYGEN_MODULE, fw.VISION_LIVEAVATAR_MODULE, fw.VISION_SYMBOLS),)
_RENAMED = {"quality": "video_quality"}
_KEPT = ("avatar_id", "api_key")


def _split_resolution(
    value: cst.BaseExpression,
) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """(width, height) expressions for ``resolution=value``; ``None`` when that would need
    evaluating ``value`` twice."""
    if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == 2:
        first, second = value.elements
        if isinstance(first, cst.Element) and isinstance(second, cst.Element):
            return first.value, second.value
        return None
    if isinstance(value, (cst.Name, cst.Attribute)):
        return (
            cst.Subscript(value=value, slice=[cst.SubscriptElement(cst.Index(cst.Integer("0")))]),
            cst.Subscript(value=value, slice=[cst.SubscriptElement(cst.Index(cst.Integer("1")))]),
        )
    return None


class VisionAgentsHeyGenPluginRule(Rule):
    code = "H2L502"
    needs_text = ("vision_agents",)  # the plugin is imported from ``vision_agents``
    name = "vision-agents-heygen-plugin"
    summary = "Vision Agents' `heygen.AvatarPublisher(...)` becomes `liveavatar.Avatar(...)`."
    fix = FIX_UNSAFE
    applies_to = fw.VISION_RANGE
    description = """
Vision Agents deprecated its HeyGen plugin (`vision-agents-plugins-heygen`, which drives HeyGen's
Streaming API over WebRTC) in favour of the LiveAvatar plugin (`vision-agents-plugins-liveavatar`,
from 0.6.0). The rule rewrites the imports (`from vision_agents.plugins import heygen` ->
`liveavatar`, `vision_agents.plugins.heygen` -> `vision_agents.plugins.liveavatar`) and every
`AvatarPublisher(...)` into `Avatar(...)`:

| `AvatarPublisher` | `Avatar` |
|---|---|
| `avatar_id` (1st) | `avatar_id` (1st): must become a LiveAvatar UUID (reported) |
| `quality=VideoQuality.HIGH` (2nd) | `video_quality="high"` (a plain string) |
| `resolution=(w, h)` (3rd) | `width=w, height=h` |
| `api_key` (4th) | `api_key` (read from `LIVEAVATAR_API_KEY` when absent, not `HEYGEN_API_KEY`) |
| `interval` (5th, unused) | dropped |
| (implicit real session) | `is_sandbox=False`: `Avatar` defaults to sandbox sessions, which last about a minute and work with one demo avatar only |

Positional arguments after the first become keywords, since the parameter order differs.
`VideoQuality.LOW/MEDIUM/HIGH` anywhere in the module become `"low"/"medium"/"high"`. Other
keywords were swallowed by `AvatarPublisher(**kwargs)` and are not accepted by `Avatar`: they
are dropped and reported. Without `resolution` the output size changes from 1920x1080 to
1280x720 (the LiveAvatar stream's own size); pass `width`/`height` to keep it.

The fix is unsafe: HeyGen avatar ids do not work on LiveAvatar, and the API key must be a
LiveAvatar key (H2L504 renames the setting it is read from).
"""
    example_before = """
from vision_agents.plugins import gemini, heygen

processors = [heygen.AvatarPublisher(avatar_id="default", quality=heygen.VideoQuality.HIGH)]
"""
    example_after = """
from vision_agents.plugins import gemini, liveavatar

# TODO(heygen2liveavatar): H2L502 HeyGen avatar ids do not work on LiveAvatar: use the UUID of the avatar's LiveAvatar copy (or set LIVEAVATAR_AVATAR_ID)
processors = [
    liveavatar.Avatar(avatar_id="default", video_quality="high", is_sandbox=False),
]
"""

    def check(self, ctx: RuleContext) -> None:
        if is_framework_source(ctx.index, ctx.filename):
            return  # the framework itself, not code that uses it
        migration = ImportMigration(
            ctx,
            MOVES,
            enum_literals={fw.VISION_QUALITY_ENUM: fw.VISION_QUALITY_MEMBERS},
        )
        if not migration.active:
            return
        migration.report_unsupported("Vision Agents HeyGen plugin")
        migration.collect_references()
        publishers: list[CallSite] = []
        for site in ctx.index.calls:
            old = migration.old_qualified(site.name)
            if old == f"{fw.VISION_HEYGEN_MODULE}.{fw.VISION_PUBLISHER}":
                publishers.append(site)
                for arg in site.node.args:
                    if self._target(arg, site.node) not in (*_KEPT, "quality", "resolution"):
                        migration.drop(arg)
        migration.plan()
        for site in publishers:
            # Planning can freeze a binding (a name with no successor is still used).
            if migration.old_qualified(site.name) is not None:
                self._rewrite(ctx, site)
        migration.apply()

    @staticmethod
    def _target(arg: cst.Arg, call: cst.Call) -> str | None:
        """The ``AvatarPublisher`` parameter ``arg`` fills."""
        if arg.star:
            return None
        name = keyword(arg)
        if name is not None:
            return name
        position = [a for a in call.args if a.keyword is None and not a.star].index(arg)
        params = fw.VISION_PUBLISHER_PARAMS
        return params[position] if position < len(params) else None

    def _rewrite(self, ctx: RuleContext, site: CallSite) -> None:
        call = site.node
        targets = [self._target(arg, call) for arg in call.args]
        resolution = next((a for a, t in zip(call.args, targets) if t == "resolution"), None)
        split_ok = resolution is None or _split_resolution(resolution.value) is not None
        unknown = [
            a
            for a, t in zip(call.args, targets)
            if not a.star and t not in fw.VISION_PUBLISHER_PARAMS
        ]

        def rewrite(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            args: list[cst.Arg] = []
            for position, (arg, target) in enumerate(zip(updated.args, targets)):
                if arg.star or target is None:
                    if arg.star:
                        args.append(arg)
                    continue
                if target == "avatar_id" and position == 0 and arg.keyword is None:
                    args.append(arg)
                elif target in _KEPT:
                    args.append(arg if arg.keyword is not None else make_arg(target, arg.value))
                elif target in _RENAMED:
                    new = _RENAMED[target]
                    args.append(
                        rename_keyword(arg, new)
                        if arg.keyword is not None
                        else make_arg(new, arg.value)
                    )
                elif target == "resolution":
                    pair = _split_resolution(arg.value)
                    if pair is not None:
                        args.append(make_arg("width", pair[0]))
                        args.append(make_arg("height", pair[1]))
            args.append(make_arg("is_sandbox", cst.Name("False")))
            return with_args(updated, args)

        if not ctx.transform(call, rewrite):
            return
        notes = ["`is_sandbox=False` keeps real (not one-minute sandbox) sessions"]
        if resolution is None:
            notes.append("the default output size changes from 1920x1080 to 1280x720")
        if "interval" in targets:
            notes.append("the unused `interval` is dropped")
        ctx.fixed(call, f"`AvatarPublisher` becomes LiveAvatar's `Avatar`; {'; '.join(notes)}")
        avatar = next((a for a, t in zip(call.args, targets) if t == "avatar_id"), None)
        if avatar is None or not is_uuid_literal(avatar.value):
            ctx.manual(
                avatar or call,
                "HeyGen avatar ids do not work on LiveAvatar: use the UUID of the avatar's "
                "LiveAvatar copy (or set LIVEAVATAR_AVATAR_ID)",
            )
        if not split_ok and resolution is not None:
            ctx.manual(
                resolution,
                "`resolution` was dropped: pass `width=` and `height=` to `Avatar` instead",
            )
        for arg in unknown:
            ctx.manual(
                arg,
                f"`{keyword(arg) or 'argument'}` was ignored by `AvatarPublisher` and is not a "
                "parameter of `Avatar`: it was dropped",
            )
        if any(arg.star for arg in call.args):
            ctx.manual(
                call,
                "unpacked arguments are passed on to `Avatar`, whose parameters differ "
                "(`video_quality`, `width`, `height`, `is_sandbox`): check them",
            )
