"""H2L503: LiveKit Agents' ``hgl`` plugin becomes its ``liveavatar`` plugin."""

from __future__ import annotations

from ..analysis.framework_source import is_framework_source
from ..analysis.import_bindings import ModuleMove
from ..apispec import frameworks as fw
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .h2l500_frameworks import ImportMigration

MOVES = (
    ModuleMove(
        fw.LIVEKIT_HGL_MODULE, fw.LIVEKIT_LIVEAVATAR_MODULE, fw.LIVEKIT_SYMBOLS, keep_unknown=True
    ),
    *(
        ModuleMove(
            f"{fw.LIVEKIT_HGL_MODULE}.{sub}",
            f"{fw.LIVEKIT_LIVEAVATAR_MODULE}.{sub}",
            fw.LIVEKIT_SYMBOLS,
            keep_unknown=True,
        )
        for sub in fw.LIVEKIT_SUBMODULES
    ),
)


class LiveKitHglPluginRule(Rule):
    code = "H2L503"
    needs_text = ("livekit",)  # the plugin is imported from ``livekit.plugins``
    name = "livekit-hgl-plugin"
    summary = "LiveKit Agents' `livekit.plugins.hgl` becomes `livekit.plugins.liveavatar`."
    fix = FIX_UNSAFE
    applies_to = fw.LIVEKIT_RANGE
    description = """
LiveKit's HeyGen avatar plugin, `livekit-plugins-hgl` (1.2.18 to 1.2.20), already drives
LiveAvatar; it was renamed `livekit-plugins-liveavatar` (from 1.3.6, released in step with
livekit-agents) and `hgl` gets no more releases. `AvatarSession` keeps its name and parameters
(`avatar_id`, `api_url`, `api_key`, `avatar_participant_identity`, `avatar_participant_name`,
`conn_options`; newer releases add `is_sandbox` and `video_quality`), so the rule rewrites the
imports (`from livekit.plugins import hgl` -> `liveavatar`, `livekit.plugins.hgl[.api|.avatar]`
-> `livekit.plugins.liveavatar[...]`), every reference that follows, and hgl 1.2.18's
`HeyGenException` / `HeyGenAPI` -> `LiveAvatarException` / `LiveAvatarAPI`.

The key itself does not change: hgl already used a LiveAvatar key. The fix is unsafe for two
reasons outside the code: without `api_key` / `avatar_id` the plugin reads
`LIVEAVATAR_API_KEY` / `LIVEAVATAR_AVATAR_ID` (hgl 1.2.18 read `HEYGEN_API_KEY` /
`HEYGEN_AVATAR_ID`), and the new plugin requires `livekit-agents` >= 1.3.6 (H2L505 replaces the
requirement and reports an older `livekit-agents` pin).
"""
    example_before = """
from livekit.plugins import hgl


async def entrypoint(ctx, session):
    avatar = hgl.AvatarSession(avatar_id="0b7c1f1e-6a1f-4a34-9f0b-2c3d4e5f6a7b")
    await avatar.start(session, room=ctx.room)
"""
    example_after = """
from livekit.plugins import liveavatar


async def entrypoint(ctx, session):
    avatar = liveavatar.AvatarSession(avatar_id="0b7c1f1e-6a1f-4a34-9f0b-2c3d4e5f6a7b")
    await avatar.start(session, room=ctx.room)
"""

    def check(self, ctx: RuleContext) -> None:
        if is_framework_source(ctx.index, ctx.filename):
            return  # the framework itself, not code that uses it
        migration = ImportMigration(ctx, MOVES)
        if not migration.active:
            return
        migration.report_unsupported("LiveKit hgl plugin")
        migration.plan()
        migration.apply()
        reported: set[int] = set()
        for binding in migration.bindings:
            if binding.frozen or id(binding.import_node) in reported:
                continue
            note = "" if reported else f"; {fw.LIVEKIT_ENV_NOTE}"
            reported.add(id(binding.import_node))
            ctx.fixed(
                binding.import_node,
                f"`{binding.move.old}` becomes `{binding.move.new}`{note}",
            )
