"""H2L912: environment files, CI, Dockerfiles, JavaScript and docs that set or read ``HEYGEN_API_KEY``."""

from __future__ import annotations

import re

from ..apispec.inventory import (
    ALL_TEXT_KINDS,
    HEYGEN_KEY_VARIABLE,
    KIND_JS,
    LIVEAVATAR_KEY_SOURCE,
    PUBLIC_ENV_PREFIXES,
    liveavatar_key_name,
)
from .inventory import LineIndex, TextFinding, TextScanRule

# Forms that give the variable a value: `NAME=...` (dotenv, shell, compose lists), `NAME: ...`
# (YAML maps, CI `env:`), `ENV NAME value` / `ARG NAME` (Dockerfile), `export NAME`, `%env NAME`,
# `setenv NAME`, `- name: NAME` (Kubernetes env lists).
_SET_AFTER = re.compile(r"""["']?\s*(?:=|:(?!:))""")
_SET_BEFORE = re.compile(
    r"(?:^|\s)(?:ENV|ARG|export|%env|set|setenv|name:)\s+(?:\w+=\S*\s+)*['\"]?$", re.IGNORECASE
)


class EnvApiKeyRule(TextScanRule):
    code = "H2L912"
    name = "env-api-key"
    summary = (
        "Settings of `HEYGEN_API_KEY` outside Python (`.env`, CI, Dockerfile, JS): LiveAvatar "
        "needs a new key, conventionally `LIVEAVATAR_API_KEY`."
    )
    kinds = ALL_TEXT_KINDS
    example_path = ".env.example"
    example_language = "dotenv"
    description = f"""
HeyGen API keys do not work on LiveAvatar: a new key is created at {LIVEAVATAR_KEY_SOURCE}. The
Python rule H2L402 makes migrated code read `LIVEAVATAR_API_KEY`; this rule finds every other
place the HeyGen key is set or read, so that the new key reaches the code: `.env*` files,
docker-compose and CI workflows (`env:` blocks, secrets), Dockerfile `ENV`/`ARG`, notebook
`%env` and `!export` lines, `process.env.HEYGEN_API_KEY` in JavaScript, and setup instructions in
docs. One finding per line, for any variable named like `HEYGEN_API_KEY`, `HEYGEN_KEY`,
`HEYGEN_STREAMING_API_KEY` or `NEXT_PUBLIC_HEYGEN_API_KEY`.

If the HeyGen key also serves HeyGen's other APIs (video generation), keep it for those and add
`LIVEAVATAR_API_KEY` beside it. A key behind a bundler prefix (`NEXT_PUBLIC_`, `VITE_`, ...) is
shipped to browsers; LiveAvatar keys belong on the server, browsers get session tokens.
"""
    example_before = """
# Streaming avatar settings
HEYGEN_API_KEY=replace-me
HEYGEN_AVATAR_ID=Wayne_20240711
"""
    example_after = example_before

    def scan(self, kind: str, text: str, lines: LineIndex) -> list[TextFinding]:
        findings = []
        last_line = 0
        for match in HEYGEN_KEY_VARIABLE.finditer(text):
            line, column = lines.position(match.start())
            if line == last_line:
                continue  # `HEYGEN_API_KEY: ${{ secrets.HEYGEN_API_KEY }}` is one setting
            last_line = line
            name = match.group(0)
            prefix = match.group("prefix")
            start = lines.line_start(match.start())
            before = text[start : match.start()]
            is_set = kind != KIND_JS and (
                _SET_AFTER.match(text, match.end()) is not None
                or _SET_BEFORE.search(before) is not None
            )
            verb = "sets" if is_set else "uses"
            message = (
                f"{verb} `{name}`: LiveAvatar needs a new API key ({LIVEAVATAR_KEY_SOURCE}), "
                f"conventionally in `{liveavatar_key_name(prefix)}`; HeyGen keys do not work on LiveAvatar"
            )
            if prefix.startswith(PUBLIC_ENV_PREFIXES):
                message += "; keep it server-side (browsers get session tokens)"
            findings.append((line, column, message))
        return findings
