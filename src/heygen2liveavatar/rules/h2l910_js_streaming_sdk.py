"""H2L910: JavaScript/TypeScript on ``@heygen/streaming-avatar`` must move to the LiveAvatar web SDK."""

from __future__ import annotations

import re

from ..apispec.inventory import (
    ALL_TEXT_KINDS,
    JS_SDK_CLASS,
    JS_SDK_EVENT_COUNTERPARTS,
    JS_SDK_METHOD_COUNTERPARTS,
    JS_SDK_PACKAGE,
    KIND_JS,
    KIND_PACKAGE_JSON,
    LIVEAVATAR_JS_SDK_CLASS,
    LIVEAVATAR_JS_SDK_CONSTRUCTOR,
    LIVEAVATAR_JS_SDK_PACKAGE,
)
from .inventory import LineIndex, TextFinding, TextScanRule

_PACKAGE = re.escape(JS_SDK_PACKAGE)
# The package name as a module specifier (sub-paths included), with what precedes the quote.
_SPECIFIER = re.compile(rf"""(?P<quote>['"`])(?P<name>{_PACKAGE}(?:/[^'"`\s]*)?)(?P=quote)""")
_IMPORT_BEFORE = re.compile(r"(?:\bfrom|\bimport)\s*$")
_REQUIRE_BEFORE = re.compile(r"(?:\brequire|\bimport)\s*\(\s*$")
# Local names bound to the SDK's default export: `import SA from "..."`, `import SA, {...} from`,
# `const SA = require("...")`.
_DEFAULT_IMPORT = re.compile(
    rf"""\bimport\s+(?P<name>[A-Za-z_$][\w$]*)\s*(?:,\s*\{{[^}}]*\}}\s*)?from\s*['"]{_PACKAGE}['"]"""
)
_REQUIRE_BINDING = re.compile(
    rf"""\b(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]{_PACKAGE}['"]\s*\)"""
)
_METHOD_CALL = re.compile(
    r"\.\s*(?P<method>"
    + "|".join(sorted(JS_SDK_METHOD_COUNTERPARTS, key=len, reverse=True))
    + r")\s*\("
)
_EVENT = re.compile(r"\bStreamingEvents\s*\.\s*(?P<member>[A-Z_]+)\b")


class JsStreamingSdkRule(TextScanRule):
    code = "H2L910"
    name = "js-streaming-sdk"
    summary = (
        f"`{JS_SDK_PACKAGE}` imports and `{JS_SDK_CLASS}` usage must move to "
        f"`{LIVEAVATAR_JS_SDK_PACKAGE}` (`{LIVEAVATAR_JS_SDK_CLASS}`)."
    )
    kinds = ALL_TEXT_KINDS - {KIND_PACKAGE_JSON}
    example_path = "src/avatar.ts"
    example_language = "typescript"
    description = f"""
HeyGen's browser SDK `{JS_SDK_PACKAGE}` is replaced by `{LIVEAVATAR_JS_SDK_PACKAGE}`, whose API
differs: `{LIVEAVATAR_JS_SDK_CONSTRUCTOR}` takes a *session token* that your server gets from
`POST https://api.liveavatar.com/v1/sessions/token` (the avatar, voice and mode are chosen there,
not in `createStartAvatar`), then `start()`, `message(text)` / `repeat(text)`, `interrupt()`,
`keepAlive()` and `stop()`; voice chat lives on `session.voiceChat`.

In JavaScript and TypeScript (also `.vue`, `.svelte` and HTML) the rule reports every import,
`require()` or dynamic `import()` of the package, every `new {JS_SDK_CLASS}(...)` (also under
the local name of the default import), the calls whose LiveAvatar counterpart has another name
(`createStartAvatar`, `speak`, `stopAvatar`, `startVoiceChat`, ...) and every
`StreamingEvents.*` member with the LiveAvatar event closest to it (the mapping is approximate:
LiveAvatar has no official table). In docs, CI files, Dockerfiles and shell commands it reports
each mention of the package (`npm install {JS_SDK_PACKAGE}`). `package.json` dependencies are
H2L911's. Nothing is rewritten: JavaScript is outside what this tool parses.
"""
    example_before = """
import StreamingAvatar, { StreamingEvents, TaskType } from "@heygen/streaming-avatar";

const avatar = new StreamingAvatar({ token });
avatar.on(StreamingEvents.STREAM_READY, (event) => attach(event.detail));
await avatar.createStartAvatar({ avatarName: "Wayne_20240711", quality: "high" });
await avatar.speak({ text: "Hello", taskType: TaskType.REPEAT });
"""
    example_after = example_before

    def scan(self, kind: str, text: str, lines: LineIndex) -> list[TextFinding]:
        if JS_SDK_PACKAGE not in text and JS_SDK_CLASS not in text:
            return []
        if kind != KIND_JS:
            return self._mentions(text, lines)
        findings = self._imports(text, lines)
        uses_sdk = bool(findings) or re.search(rf"\b{JS_SDK_CLASS}\b", text) is not None
        if not uses_sdk:
            return findings
        findings.extend(self._constructions(text, lines))
        findings.extend(self._calls(text, lines))
        return sorted(findings)

    def _mentions(self, text: str, lines: LineIndex) -> list[TextFinding]:
        findings = []
        for match in re.finditer(rf"{_PACKAGE}(?![\w-])", text):
            line, column = lines.position(match.start())
            findings.append(
                (
                    line,
                    column,
                    f"mentions `{JS_SDK_PACKAGE}`: the LiveAvatar web SDK is "
                    f"`{LIVEAVATAR_JS_SDK_PACKAGE}`",
                )
            )
        return findings

    def _imports(self, text: str, lines: LineIndex) -> list[TextFinding]:
        findings = []
        for match in _SPECIFIER.finditer(text):
            # What precedes the quote may sit on an earlier line (`import {\n A,\n} from\n"..."`).
            preceding = text[max(0, match.start() - 200) : match.start()]
            if _IMPORT_BEFORE.search(preceding):
                how = "imports"
            elif _REQUIRE_BEFORE.search(preceding):
                how = "loads"
            else:
                how = "names"
            line, column = lines.position(match.start("name"))
            findings.append(
                (
                    line,
                    column,
                    f"{how} `{match.group('name')}`: use `{LIVEAVATAR_JS_SDK_PACKAGE}` "
                    f"(`{LIVEAVATAR_JS_SDK_CLASS}`); its API differs, see "
                    f"`heygen2liveavatar explain {self.code}`",
                )
            )
        return findings

    def _constructions(self, text: str, lines: LineIndex) -> list[TextFinding]:
        names = {JS_SDK_CLASS}
        names.update(m.group("name") for m in _DEFAULT_IMPORT.finditer(text))
        names.update(m.group("name") for m in _REQUIRE_BINDING.finditer(text))
        pattern = re.compile(
            r"\bnew\s+(?P<name>" + "|".join(re.escape(n) for n in sorted(names)) + r")\s*\("
        )
        findings = []
        for match in pattern.finditer(text):
            line, column = lines.position(match.start())
            name = match.group("name")
            alias = "" if name == JS_SDK_CLASS else f" (`{JS_SDK_CLASS}`)"
            findings.append(
                (
                    line,
                    column,
                    f"`new {name}({{token}})`{alias} becomes `{LIVEAVATAR_JS_SDK_CONSTRUCTOR}`; "
                    "the session token comes from `POST https://api.liveavatar.com/v1/sessions/token` "
                    "on your server",
                )
            )
        return findings

    def _calls(self, text: str, lines: LineIndex) -> list[TextFinding]:
        findings = []
        for match in _METHOD_CALL.finditer(text):
            method = match.group("method")
            if method == "speak" and not re.match(r"\s*\{", text[match.end() :]):
                continue  # the SDK takes `{text, taskType}`; `speechSynthesis.speak(u)` is not it
            line, column = lines.position(match.start("method"))
            counterpart = JS_SDK_METHOD_COUNTERPARTS[method]
            findings.append((line, column, f"`{method}()` becomes {counterpart}"))
        for match in _EVENT.finditer(text):
            member = match.group("member")
            if member not in JS_SDK_EVENT_COUNTERPARTS:
                continue
            event = JS_SDK_EVENT_COUNTERPARTS[member]
            line, column = lines.position(match.start())
            if event is None:
                message = f"`StreamingEvents.{member}` has no LiveAvatar counterpart"
            else:
                message = (
                    f"`StreamingEvents.{member}` becomes the LiveAvatar `{event}` event "
                    "(approximate mapping; the payload key is `event_type`, not `type`)"
                )
            findings.append((line, column, message))
        return findings
