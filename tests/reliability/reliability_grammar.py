"""A hypothesis grammar of the ways real code calls the HeyGen Streaming API.

Programs are built from the catalogue in ``shared/docs/realworld-patterns.md``: HTTP client
(requests, httpx sync/async, aiohttp, urllib, a project wrapper), URL shape (inline literal,
f-string over a base constant, full-URL constant, f-string constant, concatenation,
``self.base_url``, environment lookup with a default, a local variable, httpx
``base_url=`` plus a relative path, a base without ``/v1``), payload shape, header shape,
sync or async, and nesting (module function, method, closure, method of a class defined
in a function). Every generated program is valid Python that pyflakes accepts apart from
names the program deliberately leaves to the environment (none by default).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from hypothesis import strategies as st

HOST = "https://api.heygen.com"

# endpoint key -> (method, path after the version prefix, version, payload fields)
ENDPOINTS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "stop": ("post", "streaming.stop", "v1", ("session_id",)),
    "keep_alive": ("post", "streaming.keep_alive", "v1", ("session_id",)),
    "new": ("post", "streaming.new", "v1", ("quality", "avatar_name", "voice", "version")),
    "start": ("post", "streaming.start", "v1", ("session_id",)),
    "task": ("post", "streaming.task", "v1", ("session_id", "text", "task_type")),
    "interrupt": ("post", "streaming.interrupt", "v1", ("session_id",)),
    "create_token": ("post", "streaming.create_token", "v1", ()),
    "list_active": ("get", "streaming.list", "v1", ()),
    "list_historic": ("get", "streaming.list", "v2", ()),
    "avatar_list": ("get", "streaming/avatar.list", "v1", ()),
    "ice": ("post", "streaming.ice", "v1", ("session_id", "candidate")),
    "start_listening": ("post", "streaming.start_listening", "v1", ("session_id",)),
    "stop_listening": ("post", "streaming.stop_listening", "v1", ("session_id",)),
}

FIELD_VALUES = {
    "session_id": "session_id",
    "text": "text",
    "task_type": '"repeat"',
    "quality": '"high"',
    "avatar_name": '"Wayne_20240711"',
    "voice": '{"voice_id": "abc", "rate": 1.0}',
    "version": '"v2"',
    "candidate": "{}",
}

CLIENTS = ("requests", "httpx", "aiohttp", "urllib", "wrapper")
URL_SHAPES = (
    "inline",
    "fstring_base",
    "constant",
    "fstring_constant",
    "concat",
    "self_base",
    "env_default",
    "env_inline",
    "local",
    "no_v1_base",
    "client_base_url",
)
PAYLOADS = ("none", "inline", "variable", "built", "dumps")
HEADERS = ("none", "literal", "module", "bearer", "property")
NESTINGS = ("function", "method", "closure", "nested_class")


@dataclass(frozen=True)
class CallSpec:
    endpoint: str
    client: str
    url_shape: str
    payload: str
    headers: str
    is_async: bool
    nesting: str
    quote: str = '"'


@dataclass
class Program:
    """Rendered source plus what went into it (for assertion messages)."""

    source: str
    specs: list[CallSpec] = field(default_factory=list)


def _fix(spec: CallSpec) -> CallSpec:
    """Make a drawn combination one that real code could contain."""
    client, url_shape, is_async, nesting = spec.client, spec.url_shape, spec.is_async, spec.nesting
    if client == "aiohttp":
        is_async = True
    if url_shape == "client_base_url":
        client = "httpx"
    if client == "wrapper":
        nesting = nesting if nesting in ("method", "nested_class") else "method"
        url_shape = "wrapper_path"
    if url_shape == "self_base" and nesting not in ("method", "nested_class"):
        nesting = "method"
    headers = spec.headers
    if client == "wrapper":
        headers = "none"  # the wrapper sends its own headers
    if headers == "property" and nesting not in ("method", "nested_class"):
        headers = "module"
    payload = spec.payload
    if ENDPOINTS[spec.endpoint][0] == "get":
        payload = "none"
    return CallSpec(
        spec.endpoint, client, url_shape, payload, headers, is_async, nesting, spec.quote
    )


def _endpoints() -> st.SearchStrategy[str]:
    """Half the draws among endpoints a registered rule migrates, so they are never rare."""
    from heygen2liveavatar.apispec import STREAMING_ENDPOINTS
    from heygen2liveavatar.rules import RULES_BY_CODE

    covered = sorted(k for k in ENDPOINTS if STREAMING_ENDPOINTS[k].rule in RULES_BY_CODE)
    everything = st.sampled_from(sorted(ENDPOINTS))
    return st.one_of(st.sampled_from(covered), everything) if covered else everything


call_specs = st.builds(
    CallSpec,
    endpoint=_endpoints(),
    client=st.sampled_from(CLIENTS),
    url_shape=st.sampled_from(URL_SHAPES),
    payload=st.sampled_from(PAYLOADS),
    headers=st.sampled_from(HEADERS),
    is_async=st.booleans(),
    nesting=st.sampled_from(NESTINGS),
    quote=st.sampled_from(['"', "'"]),
).map(_fix)


class _Renderer:
    def __init__(self) -> None:
        self.imports: set[str] = set()
        self.module_lines: list[str] = []
        self.blocks: list[str] = []

    def q(self, spec: CallSpec, text: str) -> str:
        return f"{spec.quote}{text}{spec.quote}"

    # URL ------------------------------------------------------------------------------
    def url(self, spec: CallSpec, n: int, body: list[str]) -> str:
        _method, path, version, _ = ENDPOINTS[spec.endpoint]
        full = f"{HOST}/{version}/{path}"
        base = f"{HOST}/{version}"
        shape = spec.url_shape
        if shape == "inline":
            return self.q(spec, full)
        if shape == "fstring_base":
            self.module_lines.append(f"BASE_{n} = {self.q(spec, base)}")
            return f"f{spec.quote}{{BASE_{n}}}/{path}{spec.quote}"
        if shape == "constant":
            self.module_lines.append(f"URL_{n} = {self.q(spec, full)}")
            return f"URL_{n}"
        if shape == "fstring_constant":
            self.module_lines.append(f"API_BASE_{n} = {self.q(spec, base)}")
            self.module_lines.append(
                f"ENDPOINT_{n} = f{spec.quote}{{API_BASE_{n}}}/{path}{spec.quote}"
            )
            return f"ENDPOINT_{n}"
        if shape == "concat":
            self.module_lines.append(f"BASE_{n} = {self.q(spec, base)}")
            return f"BASE_{n} + {self.q(spec, '/' + path)}"
        if shape == "self_base":
            return f"f{spec.quote}{{self.base_url}}/{path}{spec.quote}"
        if shape == "env_default":
            self.imports.add("import os")
            self.module_lines.append(
                f"BASE_{n} = os.getenv({self.q(spec, 'HEYGEN_BASE_URL')}, {self.q(spec, base)})"
            )
            return f"f{spec.quote}{{BASE_{n}}}/{path}{spec.quote}"
        if shape == "env_inline":
            self.imports.add("import os")
            inner = "'" if spec.quote == '"' else '"'
            return (
                f"f{spec.quote}{{os.getenv({inner}HEYGEN_BASE_URL{inner}, {inner}{base}{inner})}}"
                f"/{path}{spec.quote}"
            )
        if shape == "local":
            body.append(f"url = {self.q(spec, full)}")
            return "url"
        if shape == "no_v1_base":
            self.module_lines.append(f"HEYGEN_{n} = {self.q(spec, HOST)}")
            return f"f{spec.quote}{{HEYGEN_{n}}}/{version}/{path}{spec.quote}"
        if shape == "client_base_url":
            return self.q(spec, f"/{path}")
        if shape == "wrapper_path":
            return self.q(spec, f"/{path}")
        raise AssertionError(shape)

    # Payload and headers ----------------------------------------------------------------
    def payload(self, spec: CallSpec, body: list[str]) -> tuple[str | None, str]:
        """(payload expression, keyword) -- keyword ``json`` or ``data``."""
        fields = ENDPOINTS[spec.endpoint][3]
        items = ", ".join(f"{self.q(spec, f)}: {FIELD_VALUES[f]}" for f in fields)
        literal = "{" + items + "}"
        if spec.payload == "none":
            return None, "json"
        if spec.payload == "inline":
            return literal, "json"
        if spec.payload == "variable":
            body.append(f"payload = {literal}")
            return "payload", "json"
        if spec.payload == "built":
            body.append("payload = {}")
            for f in fields:
                body.append(f"payload[{self.q(spec, f)}] = {FIELD_VALUES[f]}")
            return "payload", "json"
        if spec.payload == "dumps":
            self.imports.add("import json")
            return f"json.dumps({literal})", "data"
        raise AssertionError(spec.payload)

    def headers(self, spec: CallSpec, n: int) -> str | None:
        if spec.headers == "none":
            return None
        if spec.headers == "literal":
            self.imports.add("import os")
            return (
                "{"
                + f"{self.q(spec, 'x-api-key')}: os.environ[{self.q(spec, 'HEYGEN_API_KEY')}]"
                + "}"
            )
        if spec.headers == "module":
            self.imports.add("import os")
            self.module_lines.append(
                f"HEADERS_{n} = {{{self.q(spec, 'X-Api-Key')}: os.getenv({self.q(spec, 'HEYGEN_API_KEY')}, {self.q(spec, '')})}}"
            )
            return f"HEADERS_{n}"
        if spec.headers == "bearer":
            return (
                "{"
                + f"{self.q(spec, 'Authorization')}: f{spec.quote}Bearer {{token}}{spec.quote}"
                + "}"
            )
        if spec.headers == "property":
            return "self.headers"
        raise AssertionError(spec.headers)

    # The call -----------------------------------------------------------------------------
    def call_lines(self, spec: CallSpec, n: int) -> list[str]:
        body: list[str] = []
        method = ENDPOINTS[spec.endpoint][0]
        url = self.url(spec, n, body)
        payload, keyword = self.payload(spec, body)
        headers = self.headers(spec, n)
        kwargs = []
        if payload is not None:
            kwargs.append(f"{keyword}={payload}")
        if headers is not None:
            kwargs.append(f"headers={headers}")
        args = ", ".join([url, *kwargs])
        client = spec.client
        if client == "requests":
            self.imports.add("import requests")
            body.append(f"response = requests.{method}({args}, timeout=30)")
            body.append("return response.json()")
        elif client == "httpx" and spec.url_shape == "client_base_url":
            self.imports.add("import httpx")
            base = self.q(spec, f"{HOST}/{ENDPOINTS[spec.endpoint][2]}")
            if spec.is_async:
                body.append(f"async with httpx.AsyncClient(base_url={base}) as client:")
                body.append(f"    response = await client.{method}({args})")
            else:
                body.append(f"with httpx.Client(base_url={base}) as client:")
                body.append(f"    response = client.{method}({args})")
            body.append("return response.json()")
        elif client == "httpx":
            self.imports.add("import httpx")
            if spec.is_async:
                body.append("async with httpx.AsyncClient() as client:")
                body.append(f"    response = await client.{method}({args})")
            else:
                body.append(f"response = httpx.{method}({args})")
            body.append("return response.json()")
        elif client == "aiohttp":
            self.imports.add("import aiohttp")
            body.append("async with aiohttp.ClientSession() as session:")
            body.append(f"    async with session.{method}({args}) as response:")
            body.append("        return await response.json()")
        elif client == "urllib":
            self.imports.add("import urllib.request")
            self.imports.add("import json")
            data = "None"
            if payload is not None:
                data = (
                    f"{payload}.encode()"
                    if keyword == "data"
                    else f"json.dumps({payload}).encode()"
                )
            hdrs = headers if headers is not None else "{}"
            body.append(
                f"request = urllib.request.Request({url}, data={data}, headers={hdrs}, "
                f"method={self.q(spec, method.upper())})"
            )
            body.append("with urllib.request.urlopen(request) as response:")
            body.append("    return json.loads(response.read())")
        elif client == "wrapper":
            extra = f", {payload}" if payload is not None else ""
            body.append(f"return self._{method}({url}{extra})")
        else:
            raise AssertionError(client)
        return body

    def render(self, spec: CallSpec, n: int) -> None:
        body = self.call_lines(spec, n)
        prefix = "async def" if spec.is_async else "def"
        params = 'session_id, text="hello", token=None'
        in_class = spec.nesting in ("method", "nested_class")
        if in_class:
            params = "self, " + params
        func = f"{prefix} call_{n}({params}):\n" + textwrap.indent("\n".join(body), "    ")
        if spec.nesting == "function":
            self.blocks.append(func)
            return
        if spec.nesting == "closure":
            outer = f"def make_{n}():\n" + textwrap.indent(func + f"\n\nreturn call_{n}", "    ")
            self.blocks.append(outer)
            return
        cls = self._class(spec, n, func)
        if spec.nesting == "method":
            self.blocks.append(cls)
        else:
            self.blocks.append(
                f"def factory_{n}():\n" + textwrap.indent(cls + f"\n\nreturn Client{n}", "    ")
            )

    def _class(self, spec: CallSpec, n: int, method: str) -> str:
        version = ENDPOINTS[spec.endpoint][2]
        parts = [
            "def __init__(self, api_key=None):\n"
            f"    self.base_url = {self.q(spec, f'{HOST}/{version}')}\n"
            "    self.api_key = api_key"
        ]
        if spec.headers == "property":
            parts.append(
                "@property\n"
                "def headers(self):\n"
                f"    return {{{self.q(spec, 'x-api-key')}: self.api_key}}"
            )
        if spec.client == "wrapper":
            self.imports.add("import requests")
            for verb in ("get", "post"):
                data = "" if verb == "get" else ", payload=None"
                sent = "" if verb == "get" else ", json=payload"
                parts.append(
                    f"def _{verb}(self, path{data}):\n"
                    f"    return requests.{verb}(f{spec.quote}{{self.base_url}}{{path}}{spec.quote}{sent}, "
                    "timeout=30).json()"
                )
        parts.append(method)
        return f"class Client{n}:\n" + textwrap.indent("\n\n".join(parts), "    ")

    def source(self) -> str:
        pieces = []
        if self.imports:
            plain = sorted(i for i in self.imports)
            pieces.append("\n".join(plain))
        if self.module_lines:
            pieces.append("\n".join(self.module_lines))
        pieces.extend(self.blocks)
        return "\n\n\n".join(pieces) + "\n"


def render(specs: list[CallSpec]) -> Program:
    renderer = _Renderer()
    for n, spec in enumerate(specs):
        renderer.render(spec, n)
    return Program(renderer.source(), list(specs))


programs = st.lists(call_specs, min_size=1, max_size=4).map(render)
"""Whole modules: one to four HeyGen calls in independent functions, classes or closures."""


# ---------------------------------------------------------------------------------------
# Mutated clients: what real code also contains (issue 15 item 6)
# ---------------------------------------------------------------------------------------

# Text edits applied to a generated client: unknown endpoints next to known ones, mangled
# URLs (doubled or missing segments, other hosts, query strings, case), and keys and
# settings the rules read. A mutation may make a program that no rule fully understands:
# the properties still hold (parses, idempotent, no exception but MigrationError).
MUTATIONS: tuple[tuple[str, str], ...] = (
    ("streaming.stop", "streaming.stop_all"),
    ("streaming.stop", "streaming.halt"),
    ("streaming.new", "streaming.new.v2"),
    ("streaming.task", "streaming.tasks"),
    ("streaming.keep_alive", "streaming.keep-alive"),
    ("streaming.list", "streaming.listing"),
    ("streaming.", "streaming/"),
    ("streaming.", "Streaming."),
    ("/v1/", "/v1/v1/"),
    ("/v1/", "/"),
    ("/v1/", "/v3/"),
    ("/v2/", "/v1/"),
    ("api.heygen.com", "api.heygen.com/"),
    ("api.heygen.com", "api.heygen.comm"),
    ("api.heygen.com", "staging.heygen.com"),
    ("https://", "http://"),
    ("https://", ""),
    ("HEYGEN_API_KEY", "HEYGEN_KEY"),
    ("HEYGEN_API_KEY", "API_KEY"),
    ("HEYGEN_BASE_URL", "BASE_URL"),
    ("x-api-key", "Authorization"),
    ("session_id", "sessionId"),
    ('"session_id": session_id', '"session_id": session_id, "extra": 1'),
    ("return response.json()", "return response.json()['data']"),
    ("return response.json()", "data = response.json()\n    return data['data']['session_id']"),
    ("timeout=30", "timeout=30, params={'x': 'streaming.stop'}"),
)

# An unknown endpoint next to the known ones, as a separate function.
EXTRA_BLOCKS: tuple[str, ...] = (
    "def unknown(session_id):\n"
    "    import requests\n"
    '    return requests.post("https://api.heygen.com/v1/streaming.unknown",'
    ' json={"session_id": session_id}, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})\n',
    "def video(payload):\n"
    "    import requests\n"
    '    return requests.post("https://api.heygen.com/v2/video/generate", json=payload,'
    ' headers={"X-Api-Key": os.getenv("HEYGEN_API_KEY")})\n',
    'HEYGEN_API_KEY = "YjE5YTg3NjU0MzIxNGZlZGNiYTk4NzY1NDMyMWZlZGMtMTcwMDAwMDAwMA"\n',
    'STREAM_URL = "https://api.heygen.com/v1/streaming.ice"\n',
    'DOCS = "see https://docs.heygen.com/reference/streaming.stop and streaming.new"\n',
    # Reuses a base-URL constant of the program ({base}): a known and an unknown endpoint,
    # or another HeyGen API, behind one base.
    "def unknown_on_base(session_id):\n"
    "    import requests\n"
    '    return requests.post(f"{{{base}}}/streaming.unknown", json={{"session_id": session_id}},'
    ' headers={{"x-api-key": os.environ["HEYGEN_API_KEY"]}})\n',
    "def other_api_on_base():\n"
    "    import requests\n"
    '    return requests.get(f"{{{base}}}/video_status.get",'
    ' headers={{"X-Api-Key": os.getenv("HEYGEN_API_KEY")}})\n',
)
_BASE_CONSTANT = re.compile(r"^((?:API_)?BASE_\d+|HEYGEN_\d+) = ", re.MULTILINE)


@dataclass
class Mutant:
    source: str
    applied: list[str] = field(default_factory=list)


def _mutate(program: Program, picks: list[tuple[int, int]], extras: list[int]) -> Mutant:
    source = program.source
    applied: list[str] = []
    for mutation, occurrence in picks:
        old, new = MUTATIONS[mutation % len(MUTATIONS)]
        count = source.count(old)
        if not count:
            continue
        # Replace the n-th occurrence only: the others stay as the grammar wrote them.
        position = -1
        for _ in range(occurrence % count + 1):
            position = source.find(old, position + 1)
        source = source[:position] + new + source[position + len(old) :]
        applied.append(f"{old!r}->{new!r}@{occurrence % count}")
    for extra in extras:
        block = EXTRA_BLOCKS[extra % len(EXTRA_BLOCKS)]
        if "{base}" in block:
            base = _BASE_CONSTANT.search(source)
            if base is None:
                continue
            block = block.format(base=base.group(1))
        if "os." in block and "import os" not in source:
            source = "import os\n" + source
        source += "\n\n" + block
        applied.append(f"+block{extra % len(EXTRA_BLOCKS)}")
    return Mutant(source, applied)


mutants = st.builds(
    _mutate,
    programs,
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 7)), max_size=4),
    st.lists(st.integers(0, 10_000), max_size=2),
)
"""Generated clients with one to six random edits (see ``MUTATIONS``, ``EXTRA_BLOCKS``)."""
