"""The rule registry: every rule, in one place, in code order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .base import Rule, RuleClass, RuleContext
from .h2l103_session_stop import SessionStopRule
from .h2l104_keep_alive import KeepAliveRule
from .h2l401_base_url import BaseUrlRule
from .h2l402_api_key_variable import ApiKeyVariableRule

ALL_RULES: tuple[RuleClass, ...] = tuple(
    sorted(
        (
            SessionStopRule,
            KeepAliveRule,
            BaseUrlRule,
            ApiKeyVariableRule,
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
