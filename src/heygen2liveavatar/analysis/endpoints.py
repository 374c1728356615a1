"""String literals that carry HeyGen streaming paths or the HeyGen host, and what they serve.

Each literal is classified once per module: a *request target* (part of a URL a request
uses, a URL constant, a parameter default, a config value) is rewritten by the rule of its
endpoint; anything else (a docstring, a log message, HTML or JavaScript held in a string)
is only reported, so that a file is never half migrated behind the user's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ..apispec import HEYGEN_HOST, SESSIONS_PREFIX, EndpointMatch, find_endpoints
from ..apispec.resources import context_suffix
from .http import RequestSite
from .index import ModuleIndex, StringSite, dotted_name
from .mentions import is_prose, looks_like_code, without_markup_comments

_NON_REQUEST_CALLEES = (
    "print",
    "log",
    "logger",
    "logging",
    "warn",
    "warning",
    "info",
    "debug",
    "error",
    "exception",
    "critical",
    "write",
    "markdown",
    "html",
    "echo",
    "st.write",
    "st.markdown",
    "components.html",
    "format_exc",
)


@dataclass
class EndpointLiteral:
    site: StringSite
    matches: list[EndpointMatch]
    requests: list[RequestSite] = field(default_factory=list)
    is_target: bool = True
    why_not_target: str = ""

    @property
    def node(self) -> cst.CSTNode:
        return self.site.node

    def has(self, key: str) -> bool:
        return any(m.endpoint.key == key for m in self.matches)


@dataclass
class HostLiteral:
    site: StringSite
    requests: list[RequestSite] = field(default_factory=list)
    is_target: bool = True
    why_not_target: str = ""


MARKUP_REASON = "HTML or JavaScript held in a Python string"
DOCSTRING_REASON = "a docstring"
TEXT_REASON = "text"


def _looks_like_markup(value: str) -> bool:
    return looks_like_code(value) or ("<" in value and ">" in value)


def _non_target_reason(index: ModuleIndex, site: StringSite) -> str | None:
    if site.is_docstring:
        return DOCSTRING_REASON
    value = site.value
    if _looks_like_markup(value):
        if not find_endpoints(without_markup_comments(value)):
            return TEXT_REASON  # only its comments name an endpoint
        return MARKUP_REASON
    call = site.enclosing_call
    if call is not None:
        name = dotted_name(call.func) or ""
        last = name.split(".")[-1]
        if name in _NON_REQUEST_CALLEES or last in _NON_REQUEST_CALLEES:
            return f"a message passed to `{name}`"
    if is_prose(value) or value.count("\n") >= 2:
        return TEXT_REASON  # a sentence (a label, a help text, an error message)
    return None


def is_text_reason(reason: str) -> bool:
    """Text a person reads (a log message, a label, prose): never usage, never marked."""
    return reason == TEXT_REASON or reason.startswith("a message passed to")


@dataclass
class LiteralTable:
    endpoints: list[EndpointLiteral]
    hosts: list[HostLiteral]

    @property
    def has_streaming_target(self) -> bool:
        return any(lit.is_target for lit in self.endpoints)

    def endpoint_literals(self, key: str) -> list[EndpointLiteral]:
        return [lit for lit in self.endpoints if lit.has(key)]


def build_literal_table(index: ModuleIndex, requests: list[RequestSite]) -> LiteralTable:
    users: dict[int, list[RequestSite]] = {}
    split: dict[int, list[EndpointMatch]] = {}
    """``.new`` of ``f"{STREAMING}.new"``: literals naming an endpoint only after a base."""
    for request in requests:
        for piece in request.pieces:
            if piece.node is not None:
                users.setdefault(id(piece.node), []).append(request)
        for use in request.endpoint_uses:
            if use.base is not None and use.node is not None:
                found = split.setdefault(id(use.node), [])
                if use.match not in found:
                    found.append(use.match)
    endpoints: list[EndpointLiteral] = []
    hosts: list[HostLiteral] = []
    for site in index.strings:
        value = site.value
        if id(site.node) in split:
            endpoints.append(EndpointLiteral(site, split[id(site.node)], users[id(site.node)]))
        elif "streaming" in value:
            matches = find_endpoints(value)
            if matches:
                literal = EndpointLiteral(site, matches, users.get(id(site.node), []))
                if not literal.requests:
                    reason = _non_target_reason(index, site)
                    if reason is not None:
                        literal.is_target = False
                        literal.why_not_target = reason
                endpoints.append(literal)
        if HEYGEN_HOST in value:
            host = HostLiteral(site, users.get(id(site.node), []))
            if not host.requests:
                reason = _non_target_reason(index, site)
                if reason is not None:
                    host.is_target = False
                    host.why_not_target = reason
            hosts.append(host)
    return LiteralTable(endpoints, hosts)


def liveavatar_path(match: EndpointMatch, query_follows: bool = False) -> str | None:
    """The text that replaces ``match`` in a literal, keeping its version and slash style."""
    new_path = match.endpoint.liveavatar_path
    if new_path is None:
        return None
    if match.split:
        # ``f"{STREAMING}.new"``: the base becomes ``.../v1/sessions``, ``.new`` ``/token``;
        # ``"v1/streaming." + "new"``: the base ``v1/sessions/``, ``new`` ``token``.
        tail = new_path[len(SESSIONS_PREFIX) :]
        return tail[1:] if match.split_dotted else tail
    if match.endpoint.key == "knowledge_base":
        # The match runs to the end of the knowledge-base suffix: keep the id it names,
        # drop the operation words (``/list``, ``/create``, ``/delete``).
        new_path += context_suffix(match.kb_suffix)
    if match.version is None:
        new_path = new_path[len("/v1/") :]
        if match.leading_slash:
            new_path = "/" + new_path
    elif not match.leading_slash:
        new_path = new_path.lstrip("/")
    if query_follows and "?" in new_path:
        new_path += "&"
    return new_path
