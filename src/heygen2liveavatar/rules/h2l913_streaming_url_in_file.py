"""H2L913: HeyGen streaming URLs in JavaScript, Dockerfiles, CI, env files and docs."""

from __future__ import annotations

from ..apispec import find_endpoints
from ..apispec.inventory import ALL_TEXT_KINDS, endpoint_counterpart
from .inventory import LineIndex, TextFinding, TextScanRule

_QUOTES = "'\"`"
# Characters that end a URL-ish token when walking left from an endpoint path.
_TOKEN_BREAK = frozenset(" \t\r\n'\"`()<>[],;=|")


class StreamingUrlInFileRule(TextScanRule):
    code = "H2L913"
    name = "streaming-url-in-file"
    summary = "HeyGen Streaming API URLs outside Python (JS, Dockerfile, CI, docs) and their LiveAvatar counterparts."
    kinds = ALL_TEXT_KINDS
    example_path = "web/api.js"
    example_language = "javascript"
    description = """
Reports every HeyGen Streaming API endpoint in non-Python text (`fetch` calls in JavaScript,
`curl` lines in Dockerfiles, CI and shell, URLs in `.env` files and docs) with its LiveAvatar
counterpart, e.g. `https://api.heygen.com/v1/streaming.new` -> `POST
https://api.liveavatar.com/v1/sessions/token`. A path counts when it carries a version
(`/v1/streaming.task`), follows a `/` (`${base}/streaming.stop`) or is a quoted path token
(`"streaming.new"`); prose that merely names `streaming.new` is left alone.

The migration is a flow change, not a rename (`create_token` + `new` + `start` become `token` +
`start`, tasks become LiveKit events): see `heygen2liveavatar explain` for H2L101-H2L203, whose
Python fixes show the target shape.
"""
    example_before = """
const res = await fetch("https://api.heygen.com/v1/streaming.new", {
  method: "POST",
  headers: { "x-api-key": process.env.HEYGEN_API_KEY },
});
await fetch(`${BASE_URL}/streaming.task`, { method: "POST", body });
"""
    example_after = example_before

    def scan(self, kind: str, text: str, lines: LineIndex) -> list[TextFinding]:
        if "streaming" not in text:
            return []
        findings = []
        for match in find_endpoints(text):
            start = match.start
            previous = text[start - 1 : start] if start else ""
            quoted = previous in _QUOTES and text[match.end : match.end + 1] == previous
            if match.version is None and not match.leading_slash and previous != "/" and not quoted:
                continue
            token_start = start
            while token_start > 0 and text[token_start - 1] not in _TOKEN_BREAK:
                token_start -= 1
            shown = text[token_start : match.end]
            line, column = lines.position(token_start)
            findings.append(
                (
                    line,
                    column,
                    f"`{shown}` is HeyGen's Streaming API; on LiveAvatar: "
                    f"{endpoint_counterpart(match.endpoint.key)}",
                )
            )
        return findings
