"""H2L504: the HeyGen API-key setting of a framework module becomes ``LIVEAVATAR_API_KEY``."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import enum_member, find_keyword
from ..analysis.framework_source import is_framework_source
from ..apispec import LIVEAVATAR_API_KEY_NAME
from ..apispec import frameworks as fw
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal


def _heygen_era_framework_module(ctx: RuleContext) -> bool:
    """The module configures pipecat's HeyGen service or Vision Agents' HeyGen plugin (whose
    keys are HeyGen keys), not code already on LiveAvatar or LiveKit's plugin (which always used
    a LiveAvatar key)."""
    heygen_modules = (*fw.PIPECAT_HEYGEN_API_MODULES, fw.VISION_HEYGEN_MODULE)
    for qualified in ctx.index.imports.values():
        if any(qualified == m or qualified.startswith(f"{m}.") for m in heygen_modules):
            return True
    if any(module in heygen_modules for module, _node in ctx.index.star_imports):
        return True
    live_avatar_spellings = {
        f"{local}"
        for local, q in ctx.index.imports.items()
        if q == f"{fw.PIPECAT_CLIENT_MODULE}.{fw.PIPECAT_SERVICE_TYPE}"
    }
    for site in ctx.index.calls:
        if ctx.index.qualified_name(site.name) not in fw.PIPECAT_SERVICE_CLASSES:
            continue
        service_type = find_keyword(site.node, fw.PIPECAT_SERVICE_TYPE_PARAM)
        if service_type is None:
            return True
        if enum_member(service_type.value, live_avatar_spellings) == fw.PIPECAT_INTERACTIVE_AVATAR:
            return True
    return False


class FrameworkApiKeyVariableRule(Rule):
    code = "H2L504"
    needs_text = ("pipecat", "vision_agents")  # only modules importing these frameworks
    name = "framework-api-key-variable"
    summary = (
        "In modules that configure a framework's HeyGen integration, reads of the "
        "`HEYGEN_API_KEY` setting become `LIVEAVATAR_API_KEY`; a new key is needed."
    )
    fix = FIX_UNSAFE
    applies_to = f"{fw.PIPECAT_RANGE}; {fw.VISION_RANGE}"
    description = """
Framework code rarely calls HeyGen URLs itself, so H2L402 (which renames the API-key setting
of modules with streaming calls) does not see it. This rule does the same for modules that
configure pipecat's HeyGen service (`HeyGenVideoService`, `HeyGenTransport`, `HeyGenClient`
without `ServiceType.LIVE_AVATAR`, or the HeyGen request models) or Vision Agents' HeyGen plugin:
the string naming the setting (`os.getenv("HEYGEN_API_KEY")`, `os.environ[...]`,
`st.secrets[...]`) becomes `LIVEAVATAR_API_KEY`, so that an old HeyGen key is never sent to
LiveAvatar (HeyGen keys do not work there).

`LIVEAVATAR_API_KEY` is the name the whole tool uses (H2L402, and the default that Vision
Agents' and LiveKit's LiveAvatar plugins read). pipecat's own example calls it
`HEYGEN_LIVE_AVATAR_API_KEY`; names that already say LiveAvatar are left alone, and so are
modules using LiveKit's `hgl` plugin, which always took a LiveAvatar key. Python variable names
do not change.

The fix is unsafe because the environment must change too: set `LIVEAVATAR_API_KEY` to a key
from app.liveavatar.com/developers wherever the code runs.
"""
    example_before = """
import os

from vision_agents.plugins import heygen

avatar = heygen.AvatarPublisher(api_key=os.getenv("HEYGEN_API_KEY"))
"""
    example_after = """
import os

from vision_agents.plugins import liveavatar

# TODO(heygen2liveavatar): H2L502 HeyGen avatar ids do not work on LiveAvatar: use the UUID of the avatar's LiveAvatar copy (or set LIVEAVATAR_AVATAR_ID)
avatar = liveavatar.Avatar(
    api_key=os.getenv("LIVEAVATAR_API_KEY"), is_sandbox=False
)
"""

    def check(self, ctx: RuleContext) -> None:
        if is_framework_source(ctx.index, ctx.filename):
            return  # the framework itself, not code that uses it
        if not _heygen_era_framework_module(ctx):
            return
        if ctx.settings_role != "none":
            return  # H2L402 owns the key settings of modules that call streaming endpoints
        for site in ctx.index.strings:
            if site.is_docstring or not isinstance(site.node, cst.SimpleString):
                continue
            value = site.value
            if not fw.HEYGEN_KEY_SETTING.match(value):
                continue
            if any(marker in value for marker in fw.LIVEAVATAR_MARKERS):
                continue
            if edit_literal(ctx, site.node, value, LIVEAVATAR_API_KEY_NAME):
                ctx.fixed(
                    site.node,
                    f"reads `{LIVEAVATAR_API_KEY_NAME}` instead of `{value}`: create a "
                    "LiveAvatar API key and set it there (HeyGen keys do not work on LiveAvatar)",
                )
