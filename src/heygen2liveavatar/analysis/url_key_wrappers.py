"""A request wrapper taking the whole URL from its caller, whose headers carry a HeyGen key
that also serves HeyGen's other APIs.

``def api_post(url, payload): requests.post(url, json=payload, headers=_auth_headers())``
with ``_auth_headers()`` reading ``HEYGEN_API_KEY``, called with ``VIDEO_GENERATE_URL`` and,
from another module, with ``STREAMING_NEW_URL``: once the streaming URLs are LiveAvatar's, the
same wrapper must send LiveAvatar's key to them and HeyGen's to the rest. The wrapper cannot
tell its callers apart, but the URL can: its headers become
``_liveavatar_key_headers(url, <headers>)``, a helper written into the module that swaps the
key header for ``X-API-KEY: LIVEAVATAR_API_KEY`` when the URL's host is LiveAvatar's, and
leaves every other request as it was. H2L402 makes the edit where it would otherwise mark the
shared key.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .index import ModuleIndex, StringSite, walk_nodes
from .wrapper_params import (
    HTTP_CALLEE_NAMES,
    URL,
    callee_name,
    definition_parameters,
    url_and_method,
)

HELPER_NAME = "_liveavatar_key_headers"


@dataclass(frozen=True)
class UrlKeyHeaders:
    headers: cst.BaseExpression
    """The request's ``headers=`` value, read by the wrapper's HTTP call."""
    url: str
    """The wrapper's URL parameter."""
    definition: cst.FunctionDef


def _reads_site(headers: cst.BaseExpression, site: StringSite) -> bool:
    """``headers`` holds the key read at ``site``, or calls the module function reading it."""
    if any(node is site.node for node in walk_nodes(headers)):
        return True
    helper = site.context.function
    if not isinstance(helper, cst.FunctionDef) or site.context.class_def is not None:
        return False
    return (
        isinstance(headers, cst.Call)
        and isinstance(headers.func, cst.Name)
        and headers.func.value == helper.name.value
    )


def url_key_headers(index: ModuleIndex, site: StringSite) -> list[UrlKeyHeaders] | None:
    """The headers of the HTTP calls that send, with the key read at ``site``, the whole URL
    their function's caller passes (``requests.post(url, ..., headers=...)`` in
    ``def api_post(url, payload)``); ``None`` when there are none or the key reaches some
    other request too (a request to a URL of the module's own). Headers already wrapped by a
    first run are left out (an empty list)."""
    found: list[UrlKeyHeaders] = []
    wrapped = False
    for scope in index.function_scopes.values():
        definition = scope.node
        if not isinstance(definition, cst.FunctionDef):
            continue
        urls = [name for role, name, _position in definition_parameters(definition) if role == URL]
        for node in walk_nodes(definition, into_scopes=False):
            if not isinstance(node, cst.Call):
                continue
            last = (callee_name(node) or "").split(".")[-1]
            if last not in HTTP_CALLEE_NAMES:
                continue
            headers = next(
                (
                    a.value
                    for a in node.args
                    if a.keyword is not None and a.keyword.value == "headers"
                ),
                None,
            )
            if headers is None:
                continue
            if (
                isinstance(headers, cst.Call)
                and isinstance(headers.func, cst.Name)
                and headers.func.value == HELPER_NAME
            ):
                wrapped = wrapped or any(_reads_site(a.value, site) for a in headers.args)
                continue
            if not _reads_site(headers, site):
                continue
            url, _method = url_and_method(node, last)
            if len(urls) != 1 or not isinstance(url, cst.Name) or url.value != urls[0]:
                return None  # the key also goes to a URL this module builds itself
            found.append(UrlKeyHeaders(headers, urls[0], definition))
    if not found and not wrapped:
        return None
    return found


def helper_source() -> str:
    from ..apispec import LIVEAVATAR_API_KEY_NAME, LIVEAVATAR_HOST

    return (
        f"def {HELPER_NAME}(url, headers):\n"
        '    """`headers` for a request to `url`: LiveAvatar\'s requests send the LiveAvatar key, '
        'HeyGen\'s keep theirs."""\n'
        f'    if urllib.parse.urlsplit(str(url)).hostname != "{LIVEAVATAR_HOST}":\n'
        "        return headers\n"
        "    headers = {k: v for k, v in dict(headers).items() "
        'if k.lower() not in ("authorization", "x-api-key")}\n'
        f'    headers["X-API-KEY"] = os.environ["{LIVEAVATAR_API_KEY_NAME}"]\n'
        "    return headers\n"
    )
