"""The rule registry: every rule, in one place, in code order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .base import Rule, RuleClass, RuleContext
from .h2l101_session_token import SessionTokenRule
from .h2l102_session_start import SessionStartRule
from .h2l103_session_stop import SessionStopRule
from .h2l104_keep_alive import KeepAliveRule
from .h2l105_webrtc_v1 import WebRtcV1Rule
from .h2l201_speak_events import SpeakEventsRule
from .h2l202_interrupt_event import InterruptEventRule
from .h2l203_listening_events import ListeningEventsRule
from .h2l204_realtime_messages import RealtimeMessagesRule
from .h2l301_session_lists import SessionListRule
from .h2l302_avatar_list import AvatarListRule
from .h2l303_contexts import ContextsRule
from .h2l401_base_url import BaseUrlRule
from .h2l402_api_key_variable import ApiKeyVariableRule
from .h2l403_auth_header import AuthHeaderRule
from .h2l404_response_fields import ResponseFieldsRule
from .h2l405_success_checks import SuccessChecksRule
from .h2l406_hardcoded_api_key import HardcodedApiKeyRule
from .h2l501_pipecat_heygen_service import PipecatHeyGenServiceRule
from .h2l502_vision_agents_heygen_plugin import VisionAgentsHeyGenPluginRule
from .h2l503_livekit_hgl_plugin import LiveKitHglPluginRule
from .h2l504_framework_api_key_variable import FrameworkApiKeyVariableRule
from .h2l505_framework_dependencies import FrameworkDependenciesRule
from .h2l901_unmigrated_reference import UnmigratedReferenceRule
from .h2l910_js_streaming_sdk import JsStreamingSdkRule
from .h2l911_package_json_dependency import PackageJsonDependencyRule
from .h2l912_env_api_key import EnvApiKeyRule
from .h2l913_streaming_url_in_file import StreamingUrlInFileRule
from .h2l914_notebook_cell_skipped import NotebookCellSkippedRule

ALL_RULES: tuple[RuleClass, ...] = tuple(
    sorted(
        (
            SessionTokenRule,
            SessionStartRule,
            SessionStopRule,
            KeepAliveRule,
            WebRtcV1Rule,
            SpeakEventsRule,
            InterruptEventRule,
            ListeningEventsRule,
            RealtimeMessagesRule,
            SessionListRule,
            AvatarListRule,
            ContextsRule,
            BaseUrlRule,
            ApiKeyVariableRule,
            AuthHeaderRule,
            ResponseFieldsRule,
            SuccessChecksRule,
            HardcodedApiKeyRule,
            PipecatHeyGenServiceRule,
            VisionAgentsHeyGenPluginRule,
            LiveKitHglPluginRule,
            FrameworkApiKeyVariableRule,
            FrameworkDependenciesRule,
            JsStreamingSdkRule,
            PackageJsonDependencyRule,
            EnvApiKeyRule,
            UnmigratedReferenceRule,
            StreamingUrlInFileRule,
            NotebookCellSkippedRule,
        ),
        key=lambda rule: rule.code,
    )
)

RULES_BY_CODE: dict[str, RuleClass] = {rule.code: rule for rule in ALL_RULES}


class UnknownRuleError(ValueError):
    pass


def _matches(code: str, selectors: Iterable[str]) -> bool:
    return any(code.startswith(selector) for selector in selectors)


def validate_selectors(selectors: Iterable[str]) -> None:
    for selector in selectors:
        if selector == "ALL":
            continue
        if not selector.startswith("H2L") or not any(
            code.startswith(selector) for code in RULES_BY_CODE
        ):
            raise UnknownRuleError(f"unknown rule code or prefix: {selector}")


def select_rules(
    select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
) -> tuple[RuleClass, ...]:
    """Rules whose code starts with a selected prefix and with no ignored prefix."""
    select = [s for s in (select or []) if s]
    ignore = [s for s in (ignore or []) if s]
    validate_selectors([*select, *ignore])
    chosen = []
    for rule in ALL_RULES:
        if select and "ALL" not in select and not _matches(rule.code, select):
            continue
        if ignore and ("ALL" in ignore or _matches(rule.code, ignore)):
            continue
        chosen.append(rule)
    return tuple(chosen)


__all__ = ["ALL_RULES", "RULES_BY_CODE", "Rule", "RuleContext", "UnknownRuleError", "select_rules"]
