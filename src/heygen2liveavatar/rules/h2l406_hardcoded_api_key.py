"""H2L406: a HeyGen API key written into the code becomes an environment lookup.

A key in the source is a leaked key (it is in every clone and in the version history), and a
HeyGen key does not work on LiveAvatar anyway. The literal is replaced by
``os.environ["LIVEAVATAR_API_KEY"]`` and a manual finding asks for the new key to be set and
the old one revoked. The key itself never reaches a report: the rule's messages do not quote
it, and the values it finds are handed to the engine (``ctx.shared["secrets"]``), which
redacts them from diffs.
"""

from __future__ import annotations

import re

import libcst as cst

from ..analysis.headers import HeaderSources
from ..analysis.http import RequestSite
from ..analysis.index import dotted_name, string_value, walk_nodes
from ..analysis.values import join_text
from ..apispec import HEYGEN_API_KEY_HEADER_SPELLINGS, HEYGEN_HOST, LIVEAVATAR_API_KEY_NAME
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext

SECRETS_KEY = "secrets"
"""``ctx.shared[SECRETS_KEY]``: the set of secret texts found in the module (for redaction)."""

_HEADER_NAMES = frozenset(spelling.lower() for spelling in HEYGEN_API_KEY_HEADER_SPELLINGS)
# Names whose string value is an API key: ``HEYGEN_API_KEY``, ``api_key``, ``self.apiKey``...
_KEY_NAME = re.compile(r"api_?key", re.IGNORECASE)
# ... unless they name another service's key (``OPENAI_API_KEY``): a HeyGen module can hold
# those too. Without a vendor word, or with one of these, the name is HeyGen's.
_OUR_WORDS = frozenset(
    {"", "heygen", "streaming", "avatar", "liveavatar", "x", "my", "the", "default", "private"}
)
# Values that are not secrets: placeholders, environment-variable names, URLs, short words.
_PLACEHOLDER = re.compile(
    r"your|xxx|change[-_ ]?me|placeholder|example|dummy|replace|insert|<|>|\.\.\.|\*\*\*|^\$|\{",
    re.IGNORECASE,
)
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_MIN_LENGTH = 12


def looks_like_secret(value: str) -> bool:
    """A literal that is plausibly a real key (not a placeholder or a setting's name)."""
    return (
        len(value) >= _MIN_LENGTH
        and not any(ch.isspace() for ch in value)
        and "://" not in value
        and not _ENV_NAME.match(value)
        and not _PLACEHOLDER.search(value)
    )


def _is_heygen_key_name(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    if not _KEY_NAME.search(last):
        return False
    words = {w for w in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", _KEY_NAME.sub("", last)) if w}
    return all(word.lower() in _OUR_WORDS for word in words)


def _names_heygen(name: str) -> bool:
    """The name says whose it is: ``HEYGEN_API_KEY``, ``HeyGenStreaming``, ``heygen_key``."""
    return "heygen" in name.lower()


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _is_foreign(request: RequestSite) -> bool:
    """A request whose URL names a host that is not HeyGen's (``api.anthropic.com``)."""
    text = join_text(request.pieces)
    return "://" in text and HEYGEN_HOST not in text


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
import requests
import os

# TODO(heygen2liveavatar): H2L406 the API key was written in the code: it now comes from the environment variable `LIVEAVATAR_API_KEY`; set it to a LiveAvatar key (app.liveavatar.com/developers) and revoke the old key, which stays in your version history
HEYGEN_API_KEY = os.environ["LIVEAVATAR_API_KEY"]

def stop(session_id):
    requests.post(
        "https://api.liveavatar.com/v1/sessions/stop",
        json={"session_id": session_id, "reason": "USER_CLOSED"},
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
        sources = HeaderSources(ctx.index, _HEADER_NAMES)
        for node in self._header_values(ctx, sources):
            literals.setdefault(id(node), node)
        defaults: list[tuple[cst.Call, cst.Arg]] = []
        for node, env_call in self._named_values(ctx, sources):
            if env_call is None:
                literals.setdefault(id(node), node)
            else:
                defaults.append(env_call)
        if not literals and not defaults:
            return
        secrets = ctx.shared.setdefault(SECRETS_KEY, set())
        assert isinstance(secrets, set)
        for node in literals.values():
            secrets.update(_texts_of(node))
        for _call, arg in defaults:
            secrets.update(_texts_of(arg.value))
        if any(request.is_other_heygen_api for request in ctx.requests):
            # The key also serves video/voice calls: it must stay a HeyGen key. Say so.
            for node in [*literals.values(), *(arg.value for _call, arg in defaults)]:
                ctx.manual(node, self.shared_message)
            return
        for node in literals.values():
            quote = "'" if _quote_of(node) == "'" else '"'
            if ctx.replace(node, _environment_lookup(quote)):
                ctx.require_import("os")
                ctx.manual(node, self.message)
        for call, arg in defaults:
            if ctx.transform(call, _without_default):
                ctx.manual(arg.value, self.message)

    def _header_values(self, ctx: RuleContext, sources: HeaderSources) -> list[cst.BaseExpression]:
        """Literal values of API-key headers that HeyGen requests send."""
        if not sources.entries:
            return []
        sent: set[int] = set()
        for request in ctx.requests:
            # ``x-api-key`` is not HeyGen's alone (Anthropic uses it): a request to another
            # host sends another service's key.
            if not _is_foreign(request):
                sent.update(id(entry.key_node) for entry in sources.entries_of(request))
        assigned = {id(site.node): site.assigned_to or "" for site in ctx.index.strings}
        found: list[cst.BaseExpression] = []
        for entry in sources.entries:
            value = string_value(entry.value)
            if value is None or not looks_like_secret(value):
                continue
            # Sent by a HeyGen request we can see, or a header dict that says it is HeyGen's.
            if (
                id(entry.key_node) in sent
                or "heygen" in assigned.get(id(entry.key_node), "").lower()
            ):
                found.append(entry.value)
        return found

    def _sent_key_names(self, ctx: RuleContext, sources: HeaderSources) -> set[str]:
        """Last components of the names read into API-key headers that are not sent to another
        service (``{"x-api-key": self.api_key}`` -> ``api_key``), here and, in a run, in the
        modules that call streaming endpoints."""
        foreign: set[int] = set()
        ours: set[int] = set()
        for request in ctx.requests:
            ids = {id(entry.key_node) for entry in sources.entries_of(request)}
            (foreign if _is_foreign(request) else ours).update(ids)
        names: set[str] = set()
        for entry in sources.entries:
            if id(entry.key_node) in foreign and id(entry.key_node) not in ours:
                continue
            for node in walk_nodes(entry.value):
                if isinstance(node, cst.Name):
                    names.add(node.value)
                elif isinstance(node, cst.Attribute):
                    names.add(node.attr.value)
        if ctx.project is not None:
            names.update(ctx.project.streaming_key_names)
        return names

    def _local_callables(self, ctx: RuleContext) -> set[str]:
        """Classes and functions this module defines (and, in a run, that streaming modules
        define): a key passed to one of them as ``api_key=`` may reach a HeyGen request; a
        key passed to ``OpenAI(api_key=...)`` never does."""
        names = {
            name
            for name, values in ctx.index.module_scope.assignments.items()
            if any(
                isinstance(ctx.index.parent_of(value), (cst.ClassDef, cst.FunctionDef))
                for value in values
            )
        }
        if ctx.project is not None:
            names.update(ctx.project.streaming_definitions)
        return names

    def _named_values(
        self, ctx: RuleContext, sources: HeaderSources
    ) -> list[tuple[cst.BaseExpression, tuple[cst.Call, cst.Arg] | None]]:
        """Literals given to a HeyGen API-key name: assigned, passed as a keyword, or the
        default of an environment lookup of such a variable (with that call and argument).

        Only keys that can reach a HeyGen streaming request: a name that says HeyGen
        (``HEYGEN_API_KEY``), or a generic one (``API_KEY``, ``self.api_key``) that an
        API-key header of a HeyGen request reads; a keyword argument only when the callee is
        HeyGen's (defined here or in a streaming module of the run, or named so).
        """
        found: list[tuple[cst.BaseExpression, tuple[cst.Call, cst.Arg] | None]] = []
        sent_names: set[str] | None = None
        callables: set[str] | None = None

        def reaches_heygen(name: str) -> bool:
            nonlocal sent_names
            if _names_heygen(name):
                return True
            if sent_names is None:
                sent_names = self._sent_key_names(ctx, sources)
            return _last(name) in sent_names

        def heygen_callee(call: cst.CSTNode | None) -> bool:
            nonlocal callables
            if not isinstance(call, cst.Call):
                return False
            callee = dotted_name(call.func) or ""
            if _names_heygen(callee):
                return True
            if callables is None:
                callables = self._local_callables(ctx)
            return _last(callee) in callables

        for site in ctx.index.strings:
            if site.is_docstring or not isinstance(site.node, cst.SimpleString):
                continue
            if not looks_like_secret(site.value):
                continue
            node: cst.BaseExpression = site.node
            parent = ctx.index.parent_of(node)
            if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
                name = site.assigned_to or ""
                if _is_heygen_key_name(name) and reaches_heygen(name):
                    found.append((node, None))
            elif isinstance(parent, cst.Arg) and parent.value is node:
                call = ctx.index.parent_of(parent)
                if parent.keyword is not None and parent.keyword.value != "default":
                    if _is_heygen_key_name(parent.keyword.value) and heygen_callee(call):
                        found.append((node, None))
                    continue
                if isinstance(call, cst.Call) and self._is_key_lookup_default(ctx, call, parent):
                    variable = string_value(call.args[0].value) or ""
                    target = ctx.index.parent_of(call)
                    assigned = (
                        dotted_name(target.targets[0].target) or ""
                        if isinstance(target, cst.Assign) and target.value is call
                        else ""
                    )
                    if reaches_heygen(variable) or (assigned and reaches_heygen(assigned)):
                        found.append((node, (call, parent)))
        return found

    def _is_key_lookup_default(self, ctx: RuleContext, call: cst.Call, arg: cst.Arg) -> bool:
        """``os.getenv("HEYGEN_API_KEY", "<key>")`` (or ``environ.get``, ``default=``)."""
        name = ctx.index.qualified_name(dotted_name(call.func)) or ""
        if name not in _ENV_READERS or len(call.args) != 2 or call.args[1] is not arg:
            return False
        variable = string_value(call.args[0].value)
        return variable is not None and _is_heygen_key_name(variable)


_ENV_READERS = frozenset({"os.getenv", "os.environ.get", "getenv", "environ.get"})


def _without_default(updated: cst.CSTNode) -> cst.CSTNode:
    """``os.getenv("NAME", "<key>")`` -> ``os.getenv("NAME")``: unset means None, not the key."""
    assert isinstance(updated, cst.Call)
    if len(updated.args) != 2:
        return updated
    first = updated.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return updated.with_changes(args=[first])


def _texts_of(node: cst.BaseExpression) -> set[str]:
    """The secret as evaluated and as written between its quotes (both must be redacted)."""
    texts: set[str] = set()
    value = string_value(node)
    if value:
        texts.add(value)
    if isinstance(node, cst.SimpleString):
        raw = node.value[len(node.prefix) :]
        quote_length = 3 if raw[:3] in ('"""', "'''") else 1
        texts.add(raw[quote_length:-quote_length])
    return {text for text in texts if text}


def _quote_of(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.SimpleString):
        return node.value[-1:]
    if isinstance(node, cst.ConcatenatedString):
        return _quote_of(node.left)
    return '"'


__all__ = ["SECRETS_KEY", "HardcodedApiKeyRule", "looks_like_secret"]
