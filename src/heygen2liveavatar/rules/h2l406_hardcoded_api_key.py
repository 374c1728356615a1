"""H2L406: a HeyGen API key written into the code becomes an environment lookup.

A key in the source is a leaked key (it is in every clone and in the version history), and a
HeyGen key does not work on LiveAvatar anyway. The literal is replaced by
``os.environ["LIVEAVATAR_API_KEY"]`` and a manual finding asks for the new key to be set and
the old one revoked. The key itself never reaches a report: the rule's messages do not quote
it, and the values it finds are handed to the engine (``ctx.shared["secrets"]``), which
redacts them from diffs.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.api_keys import (
    HardcodedKeys,
    looks_like_secret,
    quote_of,
    secret_texts,
    without_default,
)
from ..apispec import LIVEAVATAR_API_KEY_NAME
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext

SECRETS_KEY = "secrets"
"""``ctx.shared[SECRETS_KEY]``: the set of secret texts found in the module (for redaction)."""


def _environment_lookup(quote: str) -> cst.BaseExpression:
    return cst.parse_expression(f"os.environ[{quote}{LIVEAVATAR_API_KEY_NAME}{quote}]")


class HardcodedApiKeyRule(Rule):
    code = "H2L406"
    name = "hardcoded-api-key"
    summary = 'A HeyGen API key written in the code becomes `os.environ["LIVEAVATAR_API_KEY"]`.'
    fix = FIX_UNSAFE
    description = """
A string literal used as the value of the `x-api-key` header of HeyGen requests, or assigned
(or passed as a keyword) to a name like `HEYGEN_API_KEY`, `API_KEY` or `self.api_key`, in a
module that uses HeyGen, is a key committed to source control: anyone with a clone has it,
and it stays in the history after the code changes. HeyGen keys do not work on LiveAvatar
either.

The rule replaces the literal with `os.environ["LIVEAVATAR_API_KEY"]` (adding `import os`)
and reports a manual finding: create a LiveAvatar key, set `LIVEAVATAR_API_KEY` wherever
the code runs, and revoke the old key. The key is never printed: messages do not quote it,
and diffs show `***` in its place (such a hunk is for reading, not for `git apply`).

Names of other services' keys (`OPENAI_API_KEY`), placeholders (`"YOUR_API_KEY"`) and
environment-variable names are left alone. The fix is unsafe because the program now fails
(`KeyError`) until the variable is set.
"""
    example_before = """
import requests

HEYGEN_API_KEY = "a1b2c3d4e5f6a7b8c9d0"

def stop(session_id):
    requests.post(
        "https://api.heygen.com/v1/streaming.stop",
        json={"session_id": session_id},
        headers={"X-API-KEY": HEYGEN_API_KEY},
    )
"""
    example_after = """
import os

import requests

# TODO(heygen2liveavatar): H2L406 the API key was written in the code: it now comes from the environment variable `LIVEAVATAR_API_KEY`; set it to a LiveAvatar key (app.liveavatar.com/developers) and revoke the old key, which stays in your version history
HEYGEN_API_KEY = os.environ["LIVEAVATAR_API_KEY"]

def stop(session_id):
    requests.post(
        "https://api.liveavatar.com/v1/sessions/stop",
        json={
            "session_id": session_id,
            "reason": "USER_CLOSED",
        },
        headers={"X-API-KEY": HEYGEN_API_KEY},
    )
"""

    message = (
        "the API key was written in the code: it now comes from the environment variable "
        f"`{LIVEAVATAR_API_KEY_NAME}`; set it to a LiveAvatar key (app.liveavatar.com/developers) "
        "and revoke the old key, which stays in your version history"
    )
    shared_message = (
        "a HeyGen API key is written in the code, and the module also calls HeyGen's other APIs "
        "with it: read it from an environment variable (LiveAvatar calls need a separate "
        f"`{LIVEAVATAR_API_KEY_NAME}`) and revoke it, it stays in your version history"
    )

    def check(self, ctx: RuleContext) -> None:
        if ctx.settings_role == "none":
            return
        literals: dict[int, cst.BaseExpression] = {}
        keys = HardcodedKeys(ctx.index, ctx.requests, ctx.project)
        for node in keys.header_values():
            literals.setdefault(id(node), node)
        defaults: list[tuple[cst.Call, cst.Arg]] = []
        for node, env_call in keys.named_values():
            if env_call is None:
                literals.setdefault(id(node), node)
            else:
                defaults.append(env_call)
        if not literals and not defaults:
            return
        secrets = ctx.shared.setdefault(SECRETS_KEY, set())
        assert isinstance(secrets, set)
        for node in literals.values():
            secrets.update(secret_texts(node))
        for _call, arg in defaults:
            secrets.update(secret_texts(arg.value))
        if any(request.is_other_heygen_api for request in ctx.requests):
            # The key also serves video/voice calls: it must stay a HeyGen key. Say so.
            for node in [*literals.values(), *(arg.value for _call, arg in defaults)]:
                ctx.manual(node, self.shared_message)
            return
        for node in literals.values():
            quote = "'" if quote_of(node) == "'" else '"'
            if ctx.replace(node, _environment_lookup(quote)):
                ctx.require_import("os")
                ctx.manual(node, self.message)
        for call, arg in defaults:
            if ctx.transform(call, without_default):
                ctx.manual(arg.value, self.message)


__all__ = ["SECRETS_KEY", "HardcodedApiKeyRule", "looks_like_secret"]
