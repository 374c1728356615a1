"""H2L403: the API key travels as ``X-API-KEY``, never as ``Authorization: Bearer <key>``."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..analysis.auth_classes import auth_class_credentials
from ..analysis.bearer_helpers import api_key_headers, bearer_helper_call, bearer_operand
from ..analysis.client_bases import factory_client_headers, moved_base_client_headers
from ..analysis.codegen import code_of
from ..analysis.handed_clients import handed_client_headers
from ..analysis.headers import HeaderEntry, HeaderSources, inherited_header_hooks
from ..analysis.index import dotted_name, string_value
from ..analysis.json_flow import key_like
from ..analysis.payloads import dict_keys
from ..analysis.values import ENV_GETTERS
from ..apispec import API_KEY_HEADER, HEYGEN_API_KEY_HEADER_SPELLINGS
from ..apispec.resources import (
    API_KEY_NAME_HINTS,
    AUTHORIZATION_HEADER,
    NOT_API_KEY_NAME_HINTS,
)
from ..model import FIX_SAFE
from .base import Rule, RuleContext
from .bearer_markers import mark_unknown_bearer
from .common import settings_host_role

_API_KEY_HEADERS = frozenset(spelling.lower() for spelling in HEYGEN_API_KEY_HEADER_SPELLINGS)
_TRACKED = _API_KEY_HEADERS | {AUTHORIZATION_HEADER.lower()}


class AuthHeaderRule(Rule):
    code = "H2L403"
    name = "auth-header"
    summary = (
        "API-key headers of streaming calls become `X-API-KEY`; "
        "`Authorization: Bearer <API key>` becomes `X-API-KEY: <key>`."
    )
    fix = FIX_SAFE
    description = """
LiveAvatar authenticates server calls with the header `X-API-KEY` and accepts
`Authorization: Bearer` only with a *session token* (from `POST /v1/sessions/token`): the API
key sent as a Bearer token, which HeyGen tolerated, is rejected.

For every header dict that streaming requests send (a dict at the call, a module constant, an
attribute, a `@property` or helper returning a dict, a merge, a dict filled by
`headers["..."] = ...` or `.update(...)`, or the default headers of the `httpx`/`aiohttp`/
`requests` client the call is made on) the rule

- spells the API-key header `X-API-KEY` (`x-api-key`, `X-Api-Key`, `X-API-Key`; header names
  are case-insensitive, so this only matches LiveAvatar's documentation);
- turns `"Authorization": f"Bearer {API_KEY}"` (also `"Bearer " + key`, `"Bearer %s" % key`,
  `"Bearer {}".format(key)`) into `"X-API-KEY": API_KEY` when the value is recognisably the API
  key: a name or environment variable containing `KEY` (and not `TOKEN`/`SESSION`), or the same
  expression the module sends as `x-api-key` elsewhere. Both sides of a run-time toggle between
  the two styles end up sending `X-API-KEY`.

A Bearer *session token* is left alone (the session-flow rules H2L101/H2L102 own it), and so are
headers that serve only HeyGen's other APIs (video, voices), which keep their key.
"""
    example_before = """
import os
import requests

HEYGEN_API_KEY = os.environ["HEYGEN_API_KEY"]

def keep_alive(session_id):
    requests.post(
        "https://api.heygen.com/v1/streaming.keep_alive",
        json={"session_id": session_id},
        headers={"Authorization": f"Bearer {HEYGEN_API_KEY}"},
    )
"""
    example_after = """
import os
import requests

HEYGEN_API_KEY = os.environ["LIVEAVATAR_API_KEY"]

def keep_alive(session_id):
    requests.post(
        "https://api.liveavatar.com/v1/sessions/keep-alive",
        json={"session_id": session_id},
        headers={"X-API-KEY": HEYGEN_API_KEY},
    )
"""

    def check(self, ctx: RuleContext) -> None:
        # A dispatch helper's request (``streaming.{action}``) serves streaming endpoints too.
        streaming = [r for r in ctx.requests if r.is_streaming or r.names_streaming_at_run_time]
        if not streaming and ctx.settings_role == "project":
            # ``heygen(path, body)`` in its own module, called with streaming paths elsewhere:
            # its requests go where H2L401 moves their base, so they need LiveAvatar's header.
            streaming = [
                request
                for host in ctx.literals.hosts
                if host.is_target and settings_host_role(ctx, host) == "streaming"
                for request in host.requests
            ]
        # ``AvatarControl(http)`` with ``http`` a client configured here: its headers go to
        # streaming requests of another module.
        handed = handed_client_headers(ctx.index, ctx.project)
        sources = HeaderSources(ctx.index, _TRACKED)
        # ``httpx.Client(base_url=<a HeyGen base H2L401 moved>, headers={...})``: whatever
        # requests the client makes (through a parameter, a factory's return), its default
        # headers go to LiveAvatar now.
        moved = {
            id(h.site.node) for h in ctx.literals.hosts if id(h.site.node) in ctx.edits.transforms
        }
        dicts = [entry.dict_node for entry in sources.entries if entry.dict_node is not None]
        handed = handed | moved_base_client_headers(ctx.index, ctx.resolver, dicts, moved)
        factory: set[int] = set()
        if moved and all(id(h.site.node) in moved for h in ctx.literals.hosts if h.is_target):
            # ``def make_session(): s = requests.Session(); s.headers.update({...}); return s``
            # beside the module's only HeyGen base, which moved to LiveAvatar: the callers
            # send on that base with the client's default headers, where LiveAvatar refuses
            # the key as a Bearer token (an ``x-api-key`` spelling works as it is).
            factory = factory_client_headers(ctx.index, dicts)
        key_expressions = {
            code_of(entry.value, ctx.module)
            for entry in sources.entries
            if entry.key.lower() in _API_KEY_HEADERS
        }
        # An auth class built here with the API key authenticates the module's client: its
        # requests go to LiveAvatar when the module makes streaming calls or moves its base
        # (``self.request(method, self.base_url + endpoint)`` of a Session subclass).
        auth_classes = (
            {
                id(entry.key_node)
                for entry in sources.entries
                if self._auth_class_api_key(ctx, entry, key_expressions)
            }
            if streaming or moved
            else set()
        )
        if not streaming and not handed and not factory:
            return
        self._bearer_helper_calls(ctx, key_expressions)
        serves: dict[int, list[bool]] = {}
        for request in ctx.requests:
            for entry in sources.entries_of(request):
                serves.setdefault(id(entry.key_node), []).append(request in streaming)
        hooks = inherited_header_hooks(ctx.index, ctx.requests)
        for entry in sources.entries:
            if id(entry.key_node) in auth_classes:
                continue
            if (
                not any(serves.get(id(entry.key_node), ()))
                and not self._in_hook(ctx, entry, hooks)
                and id(entry.dict_node) not in handed
                and (id(entry.dict_node) not in factory or entry.key.lower() in _API_KEY_HEADERS)
            ):
                continue  # serves no streaming call (or none we can see): not ours
            if entry.key.lower() in _API_KEY_HEADERS:
                self._respell(ctx, entry)
                continue
            operand = bearer_operand(entry.value)
            if operand is None:
                continue
            if not self._is_api_key(ctx, operand, key_expressions):
                mark_unknown_bearer(ctx, entry, operand, sources, streaming)
                continue
            self._bearer_to_api_key(ctx, entry)

    def _auth_class_api_key(
        self, ctx: RuleContext, entry: HeaderEntry, key_expressions: set[str]
    ) -> bool:
        """``r.headers["Authorization"] = f"Bearer {self.token}"`` in the flow of an auth class
        (``requests.auth.AuthBase``, ``httpx.Auth``) that the module builds with the API key
        (``BearerAuth(api_key)``) for a client of its streaming calls: the flow sends the key as
        ``X-API-KEY``. True when the entry was such a header."""
        operand = bearer_operand(entry.value) if entry.assignment is not None else None
        if entry.assignment is None or operand is None:
            return False
        credentials = auth_class_credentials(ctx.index, entry.assignment, operand)
        if not credentials or not all(
            self._is_api_key(ctx, value, key_expressions) for value in credentials
        ):
            return False
        self._bearer_to_api_key(ctx, entry)
        return True

    def _in_hook(self, ctx: RuleContext, entry: HeaderEntry, hooks: set[int]) -> bool:
        """The entry is built by a header method a base class of another module calls for
        this class's streaming requests (:func:`inherited_header_hooks`)."""
        if not hooks:
            return False
        statement = ctx.statement_of(entry.key_node)
        context = ctx.index.context_of(statement) if statement is not None else None
        return (
            context is not None and context.function is not None and id(context.function) in hooks
        )

    def _bearer_helper_calls(self, ctx: RuleContext, key_expressions: set[str]) -> None:
        """``headers=_auth(API_KEY)`` where ``_auth(token)`` builds ``Bearer {token}``: the
        helper stays for the calls that pass a token, this call sends the key's headers."""
        done: set[int] = set()
        for request in ctx.streaming_requests:
            if request.headers is None or id(request.headers.value) in done:
                continue
            found = bearer_helper_call(ctx.index, request.headers.value)
            if found is None or not self._is_api_key(ctx, found.argument, key_expressions):
                continue
            done.add(id(request.headers.value))
            if ctx.replace(found.call, api_key_headers(found)):
                ctx.fixed(
                    found.call,
                    f"sends the API key as `{API_KEY_HEADER}`: LiveAvatar does not take it as the "
                    "Bearer token this helper builds",
                )

    def _respell(self, ctx: RuleContext, entry: HeaderEntry) -> None:
        if entry.key == API_KEY_HEADER or not isinstance(entry.key_node, cst.SimpleString):
            return
        if ctx.replace(entry.key_node, key_like(entry.key_node, API_KEY_HEADER)):
            ctx.fixed(
                entry.key_node, f"`{entry.key}` becomes `{API_KEY_HEADER}`, LiveAvatar's spelling"
            )

    def _bearer_to_api_key(self, ctx: RuleContext, entry: HeaderEntry) -> None:
        message = f"LiveAvatar does not take the API key as a Bearer token: it is sent as `{API_KEY_HEADER}`"
        if entry.keyword is not None and entry.update_call is not None:
            if ctx.transform(entry.update_call, _keyword_as_api_key(entry.keyword)):
                ctx.fixed(entry.key_node, message)
            return
        assert isinstance(entry.key_node, cst.SimpleString)
        key = key_like(entry.key_node, API_KEY_HEADER)
        if entry.assignment is not None:
            assignment = entry.assignment

            def assign(updated: cst.CSTNode) -> cst.CSTNode:
                assert isinstance(updated, cst.Assign)
                operand = bearer_operand(updated.value)
                target = updated.targets[0].target
                if operand is None or not isinstance(target, cst.Subscript):
                    return updated
                element = target.slice[0]
                new_target = target.with_changes(
                    slice=[element.with_changes(slice=cst.Index(value=key))]
                )
                return updated.with_changes(
                    targets=[updated.targets[0].with_changes(target=new_target)], value=operand
                )

            if ctx.transform(assignment, assign):
                ctx.fixed(entry.key_node, message)
            return
        assert entry.element is not None and entry.dict_node is not None
        element = entry.element
        if any(name.lower() in _API_KEY_HEADERS for name in dict_keys(entry.dict_node)):
            # The dict already sends the key as ``x-api-key``: the Bearer entry just goes.
            def drop(updated: cst.CSTNode) -> cst.CSTNode:
                assert isinstance(updated, cst.Dict)
                return _without_entry(updated, AUTHORIZATION_HEADER)

            if ctx.transform(entry.dict_node, drop):
                ctx.fixed(entry.key_node, message)
            return

        def replace(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.DictElement)
            operand = bearer_operand(updated.value)
            if operand is None:
                return updated
            if isinstance(operand, cst.BooleanOperation):
                operand = operand.with_changes(lpar=[], rpar=[])  # a dict value needs none
            return updated.with_changes(key=key, value=operand)

        if ctx.transform(element, replace):
            ctx.fixed(entry.key_node, message)

    def _is_api_key(
        self, ctx: RuleContext, operand: cst.BaseExpression, key_expressions: set[str]
    ) -> bool:
        if code_of(operand, ctx.module) in key_expressions:
            return True
        names = _names_of(ctx, operand)
        return any(_looks_like_api_key(name) for name in names) and not any(
            hint in name.lower() for name in names for hint in NOT_API_KEY_NAME_HINTS
        )


def _keyword_as_api_key(keyword: cst.Arg) -> Callable[[cst.CSTNode], cst.CSTNode]:
    """``headers.update(Authorization=f"Bearer {key}")`` -> ``headers.update({"X-API-KEY":
    key})`` (the dict first: other keywords stay after it)."""
    name = keyword.keyword.value if keyword.keyword is not None else ""

    def apply(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        kept = [a for a in updated.args if a.keyword is None or a.keyword.value != name]
        chosen = next((a for a in updated.args if a not in kept), None)
        operand = bearer_operand(chosen.value) if chosen is not None else None
        if operand is None or any(a.keyword is None for a in kept):
            return updated  # a positional mapping already: leave the call as it is
        entry = cst.DictElement(cst.SimpleString(f'"{API_KEY_HEADER}"'), operand)
        first = cst.Arg(cst.Dict([entry]))
        if kept:
            first = first.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        return updated.with_changes(args=[first, *kept])

    return apply


def _looks_like_api_key(name: str) -> bool:
    lowered = name.lower()
    return any(hint in lowered for hint in API_KEY_NAME_HINTS)


def _names_of(ctx: RuleContext, expr: cst.BaseExpression, depth: int = 0) -> list[str]:
    """Names that say what a value is: its own, the setting it is read from, what it was bound to."""
    if depth > 4:
        return []
    names: list[str] = []
    dotted = dotted_name(expr)
    if dotted is not None:
        names.append(dotted.rsplit(".", 1)[-1])
        context = ctx.index.context_of(ctx.statement_of(expr) or expr)
        if isinstance(expr, cst.Name) and context is not None:
            for value in ctx.index.lookup(expr.value, context.scope)[:1]:
                names.extend(_names_of(ctx, value, depth + 1))
        return names
    if isinstance(expr, cst.BooleanOperation):
        # ``api_key or os.environ["HEYGEN_API_KEY"]``: an argument with a setting's fallback.
        return [*_names_of(ctx, expr.left, depth + 1), *_names_of(ctx, expr.right, depth + 1)]
    if isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
        index = expr.slice[0].slice
        if isinstance(index, cst.Index):
            key = string_value(index.value)
            if key is not None:
                names.append(key)
        return names
    if isinstance(expr, cst.Call):
        name = dotted_name(expr.func)
        if (name in ENV_GETTERS or ctx.index.qualified_name(name) in ENV_GETTERS) and expr.args:
            setting = string_value(expr.args[0].value)
            if setting is not None:
                names.append(setting)
        elif name is not None and not expr.args:
            # ``f"Bearer {api_key()}"``, ``self.get_api_key()``: a getter named for its value
            names.append(name.rsplit(".", 1)[-1])
    return names


def _without_entry(node: cst.Dict, key: str) -> cst.Dict:
    elements = [
        element
        for element in node.elements
        if not (
            isinstance(element, cst.DictElement)
            and (string_value(element.key) or "").lower() == key.lower()
        )
    ]
    if elements and len(elements) < len(node.elements):
        elements[-1] = elements[-1].with_changes(comma=node.elements[-1].comma)
    return node.with_changes(elements=elements)
